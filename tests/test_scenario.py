"""The what-if model against its formula, its data and hand-computed cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.core.scenario import (
    TARGET_TOTAL_BN,
    TARGET_YEAR_END,
    Base,
    Levers,
    export_growth_needed,
    growth_needed,
    nearest_cell,
    project,
    sensitivity,
)
from components.core.what_if_state import LEVER_PARAMS
from components.store import data
from components.topics import what_if

BASE = Base(
    "2025-26", exports_bn=4.0, imports_bn=56.0, energy_share=0.5, pharma_market_bn=10.0, engineering_demand_bn=2.7
)
rates = st.integers(-20, 60)
import_rates = st.integers(-30, 30)
levers = st.builds(
    Levers,
    export_growth=rates,
    import_growth=import_rates,
    pharma_capture=st.integers(0, 20),
    engineering_capture=st.integers(0, 100),
    energy_change=st.integers(-50, 50),
)


def real_base() -> Base:
    return what_if.scenario_base(data.load_scenario_bases(), "2025-26", data.load_figures())


def test_base_is_the_latest_official_year():
    base = real_base()
    annual = data.load_trade_annual().iloc[-1]
    assert base.fiscal_year == annual["fiscal_year"] == "2025-26"
    assert base.exports_bn == pytest.approx(annual["exports_usd_mn"] / 1000)
    assert base.imports_bn == pytest.approx(annual["imports_usd_mn"] / 1000)
    assert base.energy_share == pytest.approx(47824.90 / 55369.56)
    assert base.horizon == 4


def test_every_url_parameter_is_a_lever_neutral_at_its_default():
    assert [p.key for p in LEVER_PARAMS] == list(Levers.__dataclass_fields__)
    assert Levers(**{p.key: p.default for p in LEVER_PARAMS}) == Levers()
    assert [(p.low, p.high) for p in LEVER_PARAMS[:2]] == [(-20, 60), (-30, 30)]


def test_the_models_target_is_the_cited_target_row():
    goal = data.load_table("trade_targets.csv").set_index("target_id").loc["trade-100bn"]
    assert (goal["goal"], goal["deadline"]) == (TARGET_TOTAL_BN, str(TARGET_YEAR_END))


def test_years_run_from_the_base_to_fy2029_30_labelled_2030():
    path = project(BASE, Levers())
    assert list(path["fiscal_year"]) == ["2025-26", "2026-27", "2027-28", "2028-29", "2029-30"]
    assert list(path["year_end"]) == [2026, 2027, 2028, 2029, 2030]


@given(levers)
def test_year_zero_reproduces_the_data(choice):
    base = real_base()
    first = project(base, choice).iloc[0]
    annual = data.load_trade_annual().iloc[-1]
    assert first["exports_bn"] == pytest.approx(annual["exports_usd_mn"] / 1000)
    assert first["imports_bn"] == pytest.approx(annual["imports_usd_mn"] / 1000)
    assert first["total_bn"] == pytest.approx(annual["total_usd_mn"] / 1000, abs=1e-6)


@given(levers)
def test_total_and_balance_are_exports_plus_and_minus_imports(choice):
    path = project(BASE, choice)
    assert (path["total_bn"] - path["exports_bn"] - path["imports_bn"]).abs().max() < 1e-9
    assert (path["balance_bn"] - path["exports_bn"] + path["imports_bn"]).abs().max() < 1e-9


@given(levers, rates, rates)
def test_2030_total_rises_with_export_growth(choice, a, b):
    low, high = sorted((a, b))
    total = {
        x: project(BASE, Levers(**{**choice.__dict__, "export_growth": x})).iloc[-1]["total_bn"] for x in (low, high)
    }
    assert total[low] <= total[high] + 1e-9


@given(levers, import_rates, import_rates)
def test_2030_total_rises_with_import_growth(choice, a, b):
    low, high = sorted((a, b))
    total = {
        m: project(BASE, Levers(**{**choice.__dict__, "import_growth": m})).iloc[-1]["total_bn"] for m in (low, high)
    }
    assert total[low] <= total[high] + 1e-9


def test_growth_rates_compound_as_in_the_formula():
    path = project(BASE, Levers(export_growth=10, import_growth=-5))
    assert path.iloc[4]["exports_bn"] == pytest.approx(4.0 * 1.1**4)
    assert path.iloc[4]["imports_bn"] == pytest.approx(56.0 * 0.95**4)


def test_pharma_and_engineering_capture_phase_in_evenly():
    path = project(BASE, Levers(pharma_capture=10, engineering_capture=50))
    extra = 0.10 * 10.0 + 0.50 * 2.7  # US$ 2.35 bn by 2030
    assert list(path["exports_bn"].round(6)) == [round(4.0 + extra * t / 4, 6) for t in range(5)]
    assert (path["imports_bn"] == 56.0).all()


def test_energy_change_scales_the_energy_share_of_imports():
    path = project(BASE, Levers(energy_change=-50))
    # energy is half of imports; halving it by 2030 takes a quarter off imports, in even steps
    assert list(path["imports_bn"].round(6)) == [56.0, 52.5, 49.0, 45.5, 42.0]
    assert (path["exports_bn"] == 4.0).all()


def test_every_lever_is_neutral_at_its_default():
    path = project(BASE, Levers())
    assert (path["exports_bn"] == 4.0).all() and (path["imports_bn"] == 56.0).all()


def test_growth_needed_reaches_the_target_exactly():
    rate = growth_needed(59.86313, 4)
    assert rate == pytest.approx(13.6868, abs=1e-3)
    assert 59.86313 * (1 + rate / 100) ** 4 == pytest.approx(100)


@given(levers)
def test_export_growth_needed_hits_100_when_plugged_back(choice):
    needed = export_growth_needed(BASE, choice)
    if needed is None:
        assert project(BASE, Levers(**{**choice.__dict__, "export_growth": 0})).iloc[-1]["total_bn"] >= 100 - 1e-9
    else:
        final = project(BASE, Levers(**{**choice.__dict__, "export_growth": needed})).iloc[-1]
        assert final["total_bn"] == pytest.approx(100)


def test_sensitivity_matches_the_model_and_flags_the_target():
    grid = sensitivity(BASE, Levers(), [0, 50], [0, 20])
    assert len(grid) == 4
    for row in grid.itertuples():
        total = project(BASE, Levers(export_growth=row.export_growth, import_growth=row.import_growth)).iloc[-1]
        assert row.total_2030_bn == pytest.approx(total["total_bn"])
        assert row.target_met == (total["total_bn"] >= 100)
    assert not grid.set_index(["export_growth", "import_growth"]).loc[(0, 0), "target_met"]
    assert grid.set_index(["export_growth", "import_growth"]).loc[(50, 20), "target_met"]


def test_nearest_cell():
    grid = [-20, -10, 0, 10, 20]
    assert nearest_cell(grid, 12) == 10
    assert nearest_cell(grid, -3) == 0
    assert nearest_cell(grid, 15) == 10
    assert nearest_cell(grid, 60) == 20
    assert nearest_cell(grid, -25) == -20
