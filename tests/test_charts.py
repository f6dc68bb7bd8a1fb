"""Chart builders, inspected through their Vega-Lite specification."""

from __future__ import annotations

import copy
import json
import re
from html import escape

import pandas as pd
import streamlit as st

from components.core import charts, images
from components.core.scenario import Levers, project, sensitivity
from components.server import api
from components.store import data, prepared
from components.topics import connectivity, defence, mobility, trade, what_if


def spec(chart) -> str:
    return json.dumps(chart.to_dict())


def history_long():
    series = trade.annual_bn(data.load_trade_annual())
    return trade.long_form(series, ["total", "exports", "imports", "balance"], ["fiscal_year", "year_end", "status"])


def test_history_has_four_series_tooltips_units_and_the_2022_annotation():
    chart = charts.trade_history(history_long(), 2023, "FY2022-23: imports ×4.7")
    text = spec(chart)
    for word in ("US$ billion", "Fiscal year", "FY2022-23: imports", "provisional", '"format": ",.2f"'):
        assert word in text
    layers = chart.to_dict()["layer"]
    assert any(layer["mark"]["type"] == "rule" for layer in layers if isinstance(layer["mark"], dict))
    fill = next(layer["encoding"]["fill"] for layer in layers if "fill" in layer.get("encoding", {}))
    assert fill["scale"]["range"] == [charts.SERIES_COLOURS[m] for m in fill["scale"]["domain"]]  # points as lines
    colour = next(layer["encoding"]["color"] for layer in layers if "color" in layer.get("encoding", {}))
    assert colour["scale"]["domain"] == ["Total", "Exports", "Imports", "Balance"]


def test_projection_draws_the_target_line_and_dashes_the_what_if():
    base = what_if.scenario_base(data.load_scenario_bases(), "2025-26", data.load_figures())
    path = project(base, Levers(export_growth=12, import_growth=-3))
    projected = trade.long_form(path, ["total"], ["fiscal_year", "year_end"]).assign(kind="What-if")
    history = history_long().query("measure == 'Total'").assign(kind="Official")[projected.columns]
    chart = charts.Spec.of(charts.trade_projection(100)).with_data(pd.concat([history, projected]))
    text = json.dumps(chart.template)
    assert "Target: US$ 100 bn by 2030" in text
    assert '"strokeDash"' in text and "What-if" in text
    paths = chart.for_streamlit()["datasets"][chart.template["data"]["name"]]
    assert any(any(row.get("value_bn") == 100 for row in rows) for rows in chart.template["datasets"].values())
    assert paths["year_end"].max() == 2030 and set(paths["kind"]) == {"Official", "What-if"}


def test_composition_orders_bars_largest_first_other_last():
    hs2 = data.load_table("trade_hs2.csv")
    shares = trade.composition(hs2, trade.chapter_names(hs2), "exports", "2024-25")
    chart = charts.composition(shares).to_dict()
    y = chart["layer"][0]["encoding"]["y"]
    assert y["sort"][0] == "HS84 Machinery and mechanical appliances"
    assert y["sort"][-1].startswith("Other (")
    assert "Share of flow (%)" in spec(charts.composition(shares))


def test_sensitivity_marks_the_current_cell_and_colours_the_outcome():
    base = what_if.scenario_base(data.load_scenario_bases(), "2025-26", data.load_figures())
    grid = sensitivity(base, Levers(), [0, 10, 20], [0, 10])
    filled = charts.Spec.of(charts.sensitivity((10, 0))).with_data(charts.sensitivity_cells(grid))
    chart = filled.for_streamlit()
    assert set(chart["datasets"][chart["data"]["name"]]["outcome"]) == {"Not reached"}  # 20% exports is too slow
    colour = chart["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Reached", "Not reached"]
    marker = chart["layer"][-1]
    assert marker["mark"]["filled"] is False
    marker_rows = filled.template["datasets"][marker["data"]["name"]]
    assert marker_rows == [{"export_growth": 10, "import_growth": 0}]


def test_gap_bars_show_a_range_as_an_extension():
    gap = pd.DataFrame(
        {
            "measure": ["Market", "India"],
            "value_usd_mn": [2700.0, 90.0],
            "value_high_usd_mn": [2800.0, float("nan")],
            "qualifier": ["", "just over"],
            "period": ["c. 2025", "c. 2025"],
        }
    )
    chart = charts.gap_bars(gap).to_dict()
    assert any(layer["encoding"].get("x2", {}).get("field") == "value_high_usd_mn" for layer in chart["layer"])
    assert "US$ million" in json.dumps(chart)


def test_supplier_bars_stack_the_chosen_suppliers_and_the_rest():
    sipri = data.load_table("sipri_india_arms_imports.csv")
    supply = defence.supply_by_year(sipri, ("Russia", "France"), (2000, 2023))
    chart = charts.supplier_bars(supply, ["Russia", "France"], defence.OTHERS).to_dict()
    colour = chart["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Russia", "France", defence.OTHERS]
    assert "not money" in json.dumps(chart)


def test_share_chart_draws_yearly_smoothed_and_published_shares():
    sipri = data.load_table("sipri_india_arms_imports.csv")
    shares = defence.russia_share(sipri, 5)
    published = defence.published_vs_computed(sipri, data.load_table("sipri_published_shares.csv")).assign(source="x")
    chart = charts.russia_share(shares, published, "5-year window").to_dict()
    layers = chart["layer"]
    assert len(layers) == 3
    assert layers[2]["encoding"]["x2"]["field"] == "period_end"
    assert chart["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, 100]


def test_category_bars_are_normalised_per_period():
    sipri = data.load_table("sipri_india_arms_imports.csv")
    categories = defence.russian_categories(sipri, defence.category_periods(2000, 2023))
    chart = charts.category_shares(categories).to_dict()
    assert chart["encoding"]["x"]["stack"] == "normalize"


def test_milestones_list_steps_in_date_order():
    events = pd.DataFrame(
        {
            "when": pd.to_datetime(["2025-12-02", "2025-02-18"]),
            "date_label": ["2 Dec 2025", "18 Feb 2025"],
            "event": ["Duma ratifies", "Signed"],
            "source": ["a", "b"],
        }
    )
    chart = charts.milestones(events).to_dict()
    assert chart["layer"][0]["encoding"]["y"]["sort"] == ["18 Feb 2025", "2 Dec 2025"]
    assert chart["layer"][1]["encoding"]["text"]["field"] == "event"


def test_measures_are_points_never_one_line():
    figures = data.load_figures()
    points = mobility.measures(figures, mobility.WORKER_MEASURES).dropna(subset=["year"]).assign(source="s")
    chart = charts.measures(points, mobility.WORKER_MEASURES).to_dict()
    marks = {layer["mark"]["type"] for layer in chart["layer"]}
    assert "line" not in marks and "point" in marks
    assert chart["layer"][0]["encoding"]["color"]["scale"]["domain"] == list(mobility.WORKER_MEASURES)


def test_count_projection_shows_the_target():
    start = mobility.starting_point(data.load_figures(), "visitors-in-embassy-2024").assign(source="s")
    text = json.dumps(charts.Spec.of(charts.count_projection(start, 6_000_000, "Visitors")).template)
    assert "Target: 6,000,000" in text and '"strokeDash"' in text


def test_a_browser_fetches_the_maps_geometry_from_the_site_and_an_image_has_it_written_in():
    paths = connectivity.route_paths(data.load_table("routes.csv"), data.load_table("route_nodes.csv"))
    ports = connectivity.ports(paths).assign(coordinates_source="s")
    countries = data.load_countries()
    route_map = charts.Spec.of(
        charts.route_map(connectivity.legs(paths), ports, "instc"),
        {charts.COUNTRIES: countries},
        fetched={charts.COUNTRIES: "/api/v1/datasets/countries-110m.topojson"},
    )
    browser = route_map.for_streamlit()
    shapes = {"format": {"type": "topojson", "feature": "countries"}}
    assert browser["layer"][0]["data"] == {"url": "/api/v1/datasets/countries-110m.topojson"} | shapes
    assert charts.COUNTRIES not in browser["datasets"] and len(json.dumps(browser)) < 40_000  # was 150 kB
    assert browser["layer"][1:] == route_map.template["layer"][1:]  # the routes and places as they were
    assert set(browser["datasets"]) == set(route_map.template["datasets"]) - {charts.COUNTRIES}
    image = route_map.standalone()
    assert image["layer"][0]["data"] == {"name": charts.COUNTRIES} | shapes
    assert image["datasets"][charts.COUNTRIES] is countries and '"url"' not in json.dumps(image)
    assert browser["layer"][0]["projection"]["type"] == "equalEarth"
    assert "datum.route_id == 'instc'" in json.dumps(browser)


def test_the_map_is_drawn_from_the_geometry_the_open_data_api_serves():
    fetched = prepared.route_map("all").fetched[charts.COUNTRIES]
    assert fetched == f"/api/v1/datasets/{api.dataset('countries-110m').name}.topojson"
    assert json.loads(api.dataset_file("countries-110m", "topojson")) == data.load_countries()


def test_the_map_is_no_taller_than_a_narrow_screen_needs_and_its_image_carries_its_key():
    route_map = prepared.route_map("all")
    narrow = images.svg({**route_map.standalone(), "width": 358})
    assert 200 < int(re.search(rb'height="(\d+)', narrow).group(1)) < 300  # 460 px left a blank band on a phone
    wide = images.svg({**route_map.standalone(), "width": 900})
    assert int(re.search(rb'height="(\d+)', wide).group(1)) >= 460
    drawn = images.svg(
        images.framed_chart(route_map.standalone(), "Routes. Natural Earth.", "https://x", route_map.key.standalone())
    )
    for name in connectivity.ROUTE_NAMES.values():
        assert f">{escape(name)}</text>".encode() in drawn  # drawn as text, not only in a line's description


def test_drawing_leaves_the_shared_specs_as_built():
    """Every session draws the same cached specs; Streamlit 1.67 writes a blank into a null legend title of a spec
    it is given (the supplier chart had one), so a spec must come out of drawing unchanged."""
    trade_specs = [spec for spec in prepared.trade_page()[1].values() if isinstance(spec, charts.Spec)]
    specs = [
        *trade_specs,
        prepared.trade_projection(100.0, False),
        prepared.trade_projection(100.0, True),
        prepared.sensitivity((10, 0)),
        prepared.timeline(("trade", "defence"), "all")[1],
        prepared.defence_page()["categories"][1],
        prepared.defence_page()["relos"][1],
        prepared.supply(("Russia", "France"), (2000, 2023))[1],
        prepared.russia_share(5, (2000, 2023))[1],
        *[spec for _, spec in prepared.mobility_page().groups.values()],
        prepared.count_projection("embassy-2024", 6_000_000.0),
        prepared.route_map("instc"),
        prepared.route_map("instc").key,
    ]
    built = copy.deepcopy([spec.template for spec in specs])
    for spec in specs:
        st.vega_lite_chart(spec.for_streamlit(), width="stretch")
    assert [spec.template for spec in specs] == built


def contrast_on_white(colour: str) -> float:
    """WCAG's contrast ratio of a '#rrggbb' colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


BACKGROUND_MARKS = {"#E8E8E8", "#FFFFFF", "#ffffff"}
"""The map's land and its borders: ground under the data, not data a reader tells apart."""


def colour_encodings(node) -> list[dict]:
    """Every colour encoding of a spec, its layers included."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("color", "fill", "stroke") and isinstance(value, dict) and "field" in value:
                found.append(value)
            found += colour_encodings(value)
    elif isinstance(node, list):
        for item in node:
            found += colour_encodings(item)
    return found


def test_the_contrast_ratio_is_wcags():
    assert round(contrast_on_white("#767676"), 2) == 4.54  # the lightest grey that passes for text
    assert contrast_on_white("#eeca3b") < 2  # Vega's default yellow, once on the Defence page


def test_every_chart_on_every_page_draws_its_data_in_the_apps_palette_at_3_to_1():
    """No chart falls back to Vega's default colours, and every colour a mark is drawn in reads at 3:1 or more
    against the white background (WCAG 1.4.11), on every page with every section open."""
    from conftest import PAGES, open_fully

    drawn = 0
    for script in PAGES:
        for chart in open_fully(script).get("vega_lite_chart"):
            spec_text = chart.proto.spec
            for encoding in colour_encodings(json.loads(spec_text)):
                scale = encoding.get("scale", {})
                assert scale is None or "range" in scale, (script, encoding["field"])  # never Vega's defaults
            colours = set(re.findall(r'"(#[0-9A-Fa-f]{6})"', spec_text)) - BACKGROUND_MARKS
            assert all(contrast_on_white(c) >= 3 for c in colours), (script, sorted(colours))
            drawn += 1
    assert drawn >= 15
