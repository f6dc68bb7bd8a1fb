"""Mobility computations: measures kept apart, starting points, projections and the rate to a target."""

from __future__ import annotations

import json

import pytest
from conftest import open_page
from hypothesis import given
from hypothesis import strategies as st

from components.core import pages, schemas
from components.store import data
from components.topics import mobility, overview


@pytest.fixture(scope="module")
def figures():
    return data.load_figures()


def test_each_measure_only_holds_its_own_rows(figures):
    workers = mobility.measures(figures, mobility.WORKER_MEASURES)
    assert set(workers["measure"]) == set(mobility.WORKER_MEASURES)
    permits = workers[workers["measure"] == "Work permits issued to Indians"]
    assert set(permits["unit"]) == {"permits"}
    headcounts = workers[workers["measure"] == "Indians working in Russia (officials' headcount)"]
    assert set(headcounts["value"]) == {10_000, 100_000, 70_000}


def test_conflicting_versions_are_all_kept(figures):
    permits_2025 = figures[(figures["metric"] == "Work permits issued to Indians") & (figures["period"] == "2025")]
    assert set(permits_2025["value"]) == {72_000, 56_000}
    students = figures[figures["metric"] == "Indian students in Russia"]
    assert {"seed-001", "nie-alipov-2024", "indiandefensenews-students-2024"} <= set(students["source_id"])


def test_every_what_if_start_is_a_cited_figure_with_a_year(figures):
    for figure_id in [*mobility.WORKER_BASES.values(), *mobility.VISITOR_BASES.values()]:
        row = figures.loc[figure_id]
        assert row["year"] >= 2023 and row["source_id"]
        point = mobility.starting_point(figures, figure_id)
        assert len(point) == 1 and point["value"].iloc[0] == row["value"]


def test_projection_follows_its_formula():
    path = mobility.project_count(72_000, 2025, 20)
    assert list(path["year"]) == [2025, 2026, 2027, 2028, 2029, 2030]
    assert path["value"].iloc[0] == 72_000
    assert path["value"].iloc[-1] == pytest.approx(72_000 * 1.2**5)
    assert (mobility.project_count(5, 2024, 0)["value"] == 5).all()


@given(st.floats(1_000, 1_000_000), st.floats(1_000, 10_000_000), st.integers(2015, 2029))
def test_rate_to_target_reaches_the_target(base, target, year):
    rate = mobility.rate_to_target(base, year, target)
    assert mobility.project_count(base, year, rate)["value"].iloc[-1] == pytest.approx(target)


def test_rate_to_target_needs_years_left():
    assert mobility.rate_to_target(1000, 2030, 2000) is None


def test_mobility_key_numbers_are_the_pages_default_starting_points(figures):
    numbers = overview.mobility_key_numbers(figures)
    assert [n.value for n in numbers] == ["~72,000 permits", ">120,000 visitors"]
    assert numbers[1].wording == (
        "Indian visitors to Russia (Indian Embassy, all purposes), 2024: more than 120,000 visitors"
    )
    assert {n.page.script for n in numbers} == {pages.MOBILITY.script}


def test_how_far_the_two_counts_differ_is_computed_from_the_data(figures):
    """The page once said 'a factor of two or more' where the counts differ 1.74–1.86 times."""
    assert mobility.count_ratios(figures) == [
        "in 2023 the Embassy's count is 1.86 times Rosstat's for Indians visiting Russia",
        "in 2023 the Embassy's count is 1.74 times Rosstat's for Russians visiting India",
    ]
    doubled = figures.assign(value=figures["value"].where(figures["figure_id"] != "visitors-in-embassy-2023", 64600))
    assert "2.00 times" in mobility.count_ratios(doubled)[0]


def test_a_what_if_names_what_it_projects():
    permits = schemas.figure(data.load_figures(), "workers-permits-2025-reuters")
    label, warning = mobility.projected_label(permits)
    assert label == "Work permits issued to Indians, 2030 (scenario)" and "permits issued that year" in warning
    visitors = schemas.figure(data.load_figures(), "visitors-in-embassy-2024")
    assert mobility.projected_label(visitors)[0] == "Indian visitors to Russia, 2030 (scenario)"
    headcount = schemas.figure(data.load_figures(), "workers-headcount-alipov")
    assert mobility.projected_label(headcount)[1] == ""


def test_the_visitor_what_if_sets_no_target_for_the_reader():
    assert mobility.PARAMS["visitor_target"].default == 0


def _scenario_chart(rate: str) -> tuple[dict, str]:
    """The visitors' what-if chart's spec (without its data) and the caption under it, at a growth rate."""
    app = open_page(pages.MOBILITY.script, visitor_growth=rate)
    (chart,) = [c for c in app.get("vega_lite_chart") if "growing" in json.loads(c.proto.spec)["description"]]
    (caption,) = [c.value for c in app.caption if c.value.startswith("Indian visitors to Russia by 2030")]
    return json.loads(chart.proto.spec), caption


def test_moving_the_growth_rate_updates_the_charts_data_in_place_while_its_caption_names_the_rate():
    """The chart's spec, text alternative included, is the same at every rate, so the browser updates its data
    instead of drawing it anew before the new figure shows; the caption under it names the rate."""
    (slow, slow_caption), (fast, fast_caption) = _scenario_chart("5"), _scenario_chart("12")
    assert slow == fast and "growing at the rate set above" in slow["description"]
    assert "growing 5% a year" in slow_caption and "growing 12% a year" in fast_caption
