"""The What-if page's computations: solvers, reality check, presets, verdicts, links, base years and the CSV."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.core import what_if_state
from components.core.scenario import Base, Levers, common_growth_needed, project, total_2030
from components.core.what_if_state import LEVER_PARAMS, WhatIfState
from components.store import data
from components.topics import trade, what_if

BASE = Base(
    "2025-26", exports_bn=4.0, imports_bn=56.0, energy_share=0.5, pharma_market_bn=10.0, engineering_demand_bn=2.7
)
levers = st.builds(
    Levers,
    export_growth=st.integers(-20, 60),
    import_growth=st.integers(-30, 30),
    pharma_capture=st.integers(0, 20),
    engineering_capture=st.integers(0, 100),
    energy_change=st.integers(-50, 50),
)
bases_drawn = st.builds(
    Base,
    fiscal_year=st.sampled_from(["2024-25", "2025-26"]),
    exports_bn=st.floats(0.5, 50),
    imports_bn=st.floats(0.5, 200),
    energy_share=st.floats(0, 1),
    pharma_market_bn=st.floats(0, 20),
    engineering_demand_bn=st.floats(0, 5),
)


@pytest.fixture(scope="module")
def annual() -> pd.DataFrame:
    return data.load_trade_annual()


@pytest.fixture(scope="module")
def bases() -> pd.DataFrame:
    return data.load_scenario_bases()


@pytest.fixture(scope="module")
def real_base(bases) -> Base:
    return what_if.scenario_base(bases, what_if_state.current_base(bases), data.load_figures())


# --- Growth needed ----------------------------------------------------------------------------------


@given(bases_drawn, levers)
def test_the_common_rate_reaches_the_target_and_no_lower_rate_does(base, chosen):
    rate = common_growth_needed(base, chosen)
    if rate is None:  # the summit levers alone reach it
        assert total_2030(base, replace(chosen, export_growth=-100, import_growth=-100)) >= 100
        return
    at = total_2030(base, replace(chosen, export_growth=rate, import_growth=rate))
    assert at == pytest.approx(100, rel=1e-9)
    assert total_2030(base, replace(chosen, export_growth=rate - 0.01, import_growth=rate - 0.01)) < 100


def test_the_common_rate_with_neutral_levers_is_the_hand_computed_one(real_base):
    start = real_base.exports_bn + real_base.imports_bn  # 59.86313 bn in FY2025-26
    assert common_growth_needed(real_base, Levers()) == pytest.approx(((100 / start) ** (1 / 4) - 1) * 100)
    assert f"{common_growth_needed(real_base, Levers()):.1f}" == "13.7"


def test_growth_needed_says_when_the_target_is_met_or_out_of_reach():
    exports, both = what_if.growth_needed_lines(BASE, Levers())
    assert "beyond the slider's top of 60%" in exports and "out of reach" in exports
    assert both.startswith("If both flows grew at one rate, ") and "would reach the target" in both
    met_exports, _ = what_if.growth_needed_lines(BASE, Levers(import_growth=15))
    assert met_exports.startswith("This scenario meets the target")
    flat = replace(BASE, exports_bn=0.5, imports_bn=0.5, pharma_market_bn=0, engineering_demand_bn=0)
    assert "outside the range both sliders allow (-20% to 30%)" in what_if.growth_needed_lines(flat, Levers())[1]
    huge = replace(BASE, pharma_market_bn=1000)
    assert what_if.growth_needed_lines(huge, Levers(pharma_capture=20))[1].startswith("The summit levers alone")


def test_growth_needed_follows_the_scenario_in_view(real_base):
    """The old card showed 13.7% whatever the scenario; each line now moves with the levers."""
    neutral = what_if.growth_needed_lines(real_base, Levers())
    energy_cut = what_if.growth_needed_lines(real_base, Levers(energy_change=-50))
    assert neutral[1] != energy_cut[1] and neutral[0] != energy_cut[0]


# --- Reality check ------------------------------------------------------------------------------------


def test_growth_extremes_on_a_hand_made_series():
    fastest, slowest = what_if.growth_extremes([1, 2, 8, 4, 4], ["a", "b", "c", "d", "e"], 2)
    assert (fastest.start, fastest.end, fastest.rate) == ("a", "c", pytest.approx(182.842712))
    assert (slowest.start, slowest.end, slowest.rate) == ("c", "e", pytest.approx(-29.289322))


@given(st.lists(st.floats(0.1, 1e5), min_size=5, max_size=20))
def test_no_span_grows_faster_or_slower_than_the_extremes(values):
    years = [str(i) for i in range(len(values))]
    fastest, slowest = what_if.growth_extremes(values, years, 4)
    for i in range(len(values) - 4):
        rate = ((values[i + 4] / values[i]) ** 0.25 - 1) * 100
        assert slowest.rate - 1e-9 <= rate <= fastest.rate + 1e-9


def test_the_reality_check_reads_the_official_series(annual):
    exports = list(annual["exports_usd_mn"])
    line = what_if.reality_check(annual, "exports_usd_mn")
    fastest = ((exports[4] / exports[0]) ** 0.25 - 1) * 100  # FY2009-10 to FY2013-14, by hand
    assert f"fastest +{fastest:.1f}% a year (FY2009-10 to FY2013-14)" in line
    assert "fastest +21.3% a year (FY2009-10 to FY2013-14)" in line
    assert "slowest −4.2% (FY2012-13 to FY2016-17)" in line
    assert "fastest +84.7% a year (FY2020-21 to FY2024-25)" in what_if.reality_check(annual, "imports_usd_mn")


# --- Presets -------------------------------------------------------------------------------------------


def test_the_target_preset_is_the_smallest_whole_rate_that_reaches_it(annual, real_base):
    target = next(p for p in what_if.presets(annual, real_base) if p.key == "target")
    assert (target.levers.export_growth, target.levers.import_growth) == (14, 14)
    assert total_2030(real_base, target.levers) >= 100
    assert total_2030(real_base, Levers(export_growth=13, import_growth=13)) < 100
    assert "exactly 13.69% would" in target.definition


def test_trend_presets_are_the_official_series_compound_growth(annual, real_base):
    by_key = {p.key: p for p in what_if.presets(annual, real_base)}
    exports = annual.set_index("fiscal_year")["exports_usd_mn"]
    imports = annual.set_index("fiscal_year")["imports_usd_mn"]
    before_x = ((exports["2021-22"] / exports["2009-10"]) ** (1 / 12) - 1) * 100
    since_m = ((imports["2025-26"] / imports["2022-23"]) ** (1 / 3) - 1) * 100
    assert by_key["before"].levers == Levers(export_growth=round(before_x), import_growth=9)
    assert by_key["since"].levers == Levers(export_growth=13, import_growth=round(since_m))
    assert f"{before_x:.1f}% a year" in by_key["before"].definition
    assert len(by_key) == 5 and all(p.definition and p.source_id for p in by_key.values())
    assert "not a forecast" in by_key["push"].definition


def test_a_preset_is_recognised_only_when_every_lever_matches(annual, real_base):
    choices = what_if.presets(annual, real_base)
    assert what_if.matching_preset(choices, Levers(energy_change=-33)).key == "energy"
    assert what_if.matching_preset(choices, Levers(energy_change=-33, pharma_capture=1)) is None


# --- Words, links and files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "sentence"),
    [
        (
            53.0,
            "In this scenario India–Russia trade reaches US$ 53.0 bn in FY2029-30, US$ 47.0 bn short of the "
            "US$ 100 bn target.",
        ),
        (
            112.34,
            "In this scenario India–Russia trade reaches US$ 112.3 bn in FY2029-30, US$ 12.3 bn above the "
            "US$ 100 bn target: the target is met.",
        ),
        (
            100.0,
            "In this scenario India–Russia trade reaches US$ 100.0 bn in FY2029-30: it meets the US$ 100 bn target.",
        ),
        (
            99.97,
            "In this scenario India–Russia trade reaches US$ 100.0 bn in FY2029-30, less than US$ 0.1 bn short "
            "of the US$ 100 bn target.",
        ),
    ],
)
def test_the_verdict_says_in_words_whether_the_target_is_met(total, sentence):
    assert what_if.verdict(total) == sentence


def test_the_csv_records_its_parameters_and_labels_projections(real_base):
    path = project(real_base, Levers(export_growth=5))
    query = WhatIfState("2025-26", Levers(export_growth=5)).to_query()
    text = what_if.scenario_csv(path, "2025-26", "FY2025-26 (provisional)", query, "http://x/what-if?" + query)
    lines = text.decode().splitlines()
    assert lines[1] == "# Link: http://x/what-if?" + query
    assert lines[2] == "# Parameters: base=2025-26; export_growth=5"
    assert "not figures of the Ministry of Commerce & Industry" in text.decode()
    table = pd.read_csv(io.BytesIO(text), comment="#")
    assert list(table["kind"]) == ["official"] + ["projection of this app's model"] * 4
    assert table["total_usd_bn"].iloc[0] == pytest.approx(59.863, abs=1e-3)
    assert table["exports_usd_bn"].iloc[-1] == pytest.approx(real_base.exports_bn * 1.05**4, abs=1e-3)


# --- Base years ------------------------------------------------------------------------------------------


def test_each_current_base_is_the_official_series_as_released(bases, annual):
    hs2 = data.load_table("trade_hs2.csv")
    official = annual.set_index("fiscal_year")
    for row in bases[bases["superseded_by"] == ""].itertuples():
        year = official.loc[row.fiscal_year]
        assert (row.exports_usd_mn, row.imports_usd_mn, row.status) == (
            year["exports_usd_mn"],
            year["imports_usd_mn"],
            year["status"],
        )
        imports = hs2[(hs2["flow"] == "imports") & (hs2["fiscal_year"] == row.fiscal_year)]
        assert row.energy_imports_usd_mn == imports.loc[imports["hs"] == "27", "value_usd_mn"].sum()
        assert row.hs_imports_total_usd_mn == pytest.approx(imports["value_usd_mn"].sum(), abs=1e-6)
    assert what_if_state.current_base(bases) == annual["fiscal_year"].iloc[-1]


def test_a_revised_year_keeps_the_base_old_links_name(bases):
    revised = pd.concat(
        [
            bases.assign(superseded_by=bases["base"].map({"2025-26": "2025-26.r1"}).fillna("")),
            bases.tail(1).assign(base="2025-26.r1", exports_usd_mn=5000.0),
        ],
        ignore_index=True,
    )
    assert what_if_state.current_base(revised) == "2025-26.r1"
    assert what_if_state.base_param(revised).options == ("2024-25", "2025-26", "2025-26.r1")
    figures = data.load_figures()
    old, new = (what_if.scenario_base(revised, b, figures) for b in ("2025-26", "2025-26.r1"))
    assert old.exports_bn == pytest.approx(4.49351) and new.exports_bn == 5.0
    assert what_if.base_label(revised, "2025-26.r1") == "FY2025-26 (provisional, latest)"


def test_an_older_base_projects_over_more_years(bases):
    old = what_if.scenario_base(bases, "2024-25", data.load_figures())
    assert old.horizon == 5 and len(project(old, Levers())) == 6
    assert what_if.base_label(bases, "2024-25") == "FY2024-25 (final)"


def test_scenario_a_has_a_compare_parameter_for_every_lever():
    assert [p.key for p in what_if_state.COMPARE_PARAMS] == [f"compare_{p.key}" for p in LEVER_PARAMS]
    assert [(p.low, p.high, p.default) for p in what_if_state.COMPARE_PARAMS] == [
        (p.low, p.high, p.default) for p in LEVER_PARAMS
    ]


def test_the_prepared_inputs_are_the_data_files_views(annual, bases):
    inputs = what_if.prepare(annual, bases, data.load_figures())
    assert tuple(inputs.bases) == ("2024-25", "2025-26")
    assert inputs.bases["2025-26"] == what_if.scenario_base(bases, "2025-26", data.load_figures())
    assert inputs.base_labels == {"2024-25": "FY2024-25 (final)", "2025-26": "FY2025-26 (provisional, latest)"}
    assert inputs.latest_year == "2025-26" and len(inputs.official) == 3 * len(annual)
    assert set(inputs.presets) == {"2024-25", "2025-26"}


def test_the_chart_draws_the_official_series_this_path_and_scenario_a(annual, bases, real_base):
    official = what_if.official_paths(trade.annual_bn(annual))
    path, pinned = project(real_base, Levers(export_growth=5)), project(real_base, Levers())
    lines = what_if.chart_paths(official, path, pinned)
    counts = lines.groupby("kind").size().to_dict()
    assert counts == {"Official": 3 * len(annual), "What-if": 3 * 5, "Scenario A": 5}
    what_if_total = lines[(lines["kind"] == "What-if") & (lines["measure"] == "Total")]["value_bn"]
    assert list(what_if_total) == list(path["total_bn"])
    assert what_if.chart_paths(official, path, None)["kind"].nunique() == 2


def test_the_sensitivity_grid_outlines_the_cell_nearest_the_sliders(real_base):
    grid, current = what_if.sensitivity_view(real_base, Levers(export_growth=14, import_growth=-16))
    assert current == (10, -20)
    exports, imports = what_if.SENSITIVITY_RATES
    assert len(grid) == len(exports) * len(imports)
    cell = grid[(grid["export_growth"] == 10) & (grid["import_growth"] == -20)].iloc[0]
    assert cell["total_2030_bn"] == pytest.approx(total_2030(real_base, Levers(export_growth=10, import_growth=-20)))
