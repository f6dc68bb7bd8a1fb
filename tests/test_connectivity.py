"""Route data, map geometry and the journey comparison."""

from __future__ import annotations

import re
import shutil

import pytest

from components.core.schemas import DataError
from components.store import data
from components.topics import connectivity


@pytest.fixture(scope="module")
def paths():
    return connectivity.route_paths(data.load_table("routes.csv"), data.load_table("route_nodes.csv"))


def test_every_route_node_has_coordinates_in_range(paths):
    assert paths["lat"].between(-90, 90).all() and paths["lon"].between(-180, 180).all()
    nodes = data.load_table("route_nodes.csv")
    assert set(data.load_table("routes.csv")["node_id"]) <= set(nodes["node_id"])


def test_every_route_starts_and_ends_at_its_named_ports(paths):
    for route_id, (start, end) in connectivity.ENDPOINTS.items():
        main = paths[(paths["route_id"] == route_id) & (paths["branch"] == "main")]
        assert main["node_id"].iloc[0] == start, route_id
        assert main["node_id"].iloc[-1] == end, route_id
        assert set(main.iloc[[0, -1]]["kind"]) == {"port or city"}


def test_the_instc_has_its_named_nodes_and_branches(paths):
    instc = paths[paths["route_id"] == "instc"]
    assert {"jnpt", "bandar-abbas", "bandar-anzali", "astrakhan", "moscow", "chabahar", "astara", "baku"} <= set(
        instc["node_id"]
    )
    assert set(instc["branch"]) == {"main", "Chabahar branch", "Azerbaijan branch"}
    assert (instc["mode"] == "rail gap (Rasht–Astara)").sum() == 1


def test_ports_have_sourced_coordinates_and_drawing_points_say_so():
    nodes = data.load_table("route_nodes.csv")
    sources = data.load_sources()
    for node in nodes.itertuples():
        if node.kind == "port or city":
            assert sources.loc[node.source_id, "kind"] == "database" and node.evidence.startswith(f"{node.lat:g}"[:4])
        else:
            assert "not a sourced position" in node.note


def test_legs_are_two_point_lines_and_ports_exclude_drawing_points(paths):
    legs = connectivity.legs(paths)
    assert legs.groupby("leg_id").size().eq(2).all()
    ports = connectivity.ports(paths)
    assert "drawing point" not in set(paths.loc[paths["node_id"].isin(ports["node_id"]), "kind"])
    assert ports.set_index("node_id").loc["vladivostok", "routes"] == "EMC, NSR"
    assert ports.set_index("node_id").loc["jnpt", "short_name"] == "Mumbai"


def test_journey_pairs_each_source_with_its_own_suez_figure():
    journeys = data.load_table("journeys.csv")
    trip = connectivity.journey(journeys, "jnpt", "moscow", "instc").set_index("version")
    assert trip.loc["Concor (2020)", "saving_days"] == "25"
    assert trip.loc["Sputnik India (2025)", "corridor_days"] == "25–30"
    assert trip.loc["Sputnik India (2025)", "saving_days"] == "15 to 35"
    assert trip.loc["vLex", "saving_km"] == 16000 - 7200
    assert connectivity.journey(journeys, "chennai", "moscow", "instc").empty


def test_chennai_vladivostok_is_never_compared_with_another_journeys_suez_figures():
    """The fact-check found Mumbai–St Petersburg's Suez figures used as Chennai–Vladivostok's baseline."""
    journeys = data.load_table("journeys.csv")
    emc = connectivity.journey(journeys, "chennai", "vladivostok", "emc")
    assert set(emc["suez_days"]) == {""} and set(emc["saving_days"]) == {""}
    assert emc["saving_km"].isna().all()
    for origin, destination in connectivity.corridor_journeys(journeys):
        suez = journeys[(journeys["route_id"] == "suez") & (journeys["origin"] == origin)]
        assert (suez[suez["destination"] == destination]["evidence"].str.contains("8,675").sum()) == 0
    comparators = connectivity.unpaired_suez(journeys, connectivity.corridor_journeys(journeys))
    assert set(zip(comparators["origin"], comparators["destination"], strict=True)) == {("jnpt", "st-petersburg")}
    assert {"8,675 nmi (16,066 km); 35–40 days", "≈10,000 nautical miles"} == set(comparators["evidence"])


def test_the_map_geometry_is_natural_earth_and_a_missing_file_is_named(tmp_path, monkeypatch):
    topology = data.load_countries()
    assert len(topology["objects"]["countries"]["geometries"]) == 177
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    (copy / "world-atlas" / "countries-110m.json").unlink()
    monkeypatch.setattr(data, "DATA_DIR", copy)
    data.load_countries.clear()
    try:
        with pytest.raises(DataError, match=re.escape("countries-110m.json: the file is missing")):
            data.load_countries()
    finally:
        data.load_countries.clear()


def test_the_map_licence_ships_with_the_geometry():
    licence = (data.DATA_DIR / "world-atlas" / "LICENSE").read_text(encoding="utf-8")
    assert "Copyright 2013-2019 Michael Bostock" in licence
