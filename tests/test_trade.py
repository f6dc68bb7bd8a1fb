"""Trade computations on the real data: versions, disagreements, composition, gaps, changes."""

from __future__ import annotations

import math

import pytest

from components.core import charts, i18n, schemas
from components.store import data
from components.topics import trade


@pytest.fixture(scope="module")
def tables():
    return {
        "annual": data.load_trade_annual(),
        "hs2": data.load_table("trade_hs2.csv"),
        "figures": data.load_figures(),
        "items": data.load_table("trade_items.csv"),
    }


def test_annual_series_in_billions_with_balance(tables):
    series = trade.annual_bn(tables["annual"])
    assert series["fiscal_year"].iloc[0] == "2009-10" and series["fiscal_year"].iloc[-1] == "2025-26"
    fy25 = series.set_index("fiscal_year").loc["2024-25"]
    assert fy25["total_bn"] == pytest.approx(68.69274)
    assert fy25["balance_bn"] == pytest.approx(4.88130 - 63.81144)
    assert list(series["status"]).count("provisional") == 1


def test_headline_versions_show_every_source_and_the_official_series(tables):
    versions = trade.headline_versions(tables["figures"], tables["annual"], "2024-25")
    by = versions.groupby("measure")
    assert sorted(by.get_group("exports")["value_bn"].round(2).unique()) == [4.88, 4.9]
    assert sorted(by.get_group("imports")["value_bn"].round(2).unique()) == [63.8, 63.81, 63.84]
    assert 70 in set(by.get_group("total")["value_bn"])
    official = versions[versions["source_id"] == trade.OFFICIAL_SOURCE]
    assert set(official["measure"]) == {"total", "exports", "imports", "balance"}
    derived = versions[versions["how"].str.startswith("computed from the article")]
    assert set(derived["source_id"]) == {"seed-000", "seed-002"}
    assert derived.set_index("source_id").loc["seed-002", "value_bn"] == pytest.approx(4.88 - 63.84)


def test_disagreements_list_each_version_with_its_source(tables):
    conflicts = trade.disagreements(tables["figures"], tables["annual"])
    imports = conflicts[(conflicts["metric"] == "India's imports from Russia") & (conflicts["period"] == "FY2024-25")]
    assert set(imports["value"]) == {63.8, 63.81, 63.84}
    assert "seed-002" in set(imports["source_id"]) and trade.OFFICIAL_SOURCE in set(imports["source_id"])
    forecasts = conflicts[conflicts["metric"] == "India's imports of Russian crude oil, expected"]
    assert set(forecasts["value"]) == {0.4, 0.6, 1.2}
    counted = conflicts[conflicts["metric"] == "India's imports of Russian crude oil"]
    assert set(zip(counted["period"], counted["value"], strict=True)) == {
        ("December 2025", 1.274),
        ("December 2025", 1.38),
        ("January 2026", 1.192),
        ("January 2026", 1.215),
    }
    tariffs = conflicts[
        (conflicts["metric"] == "US tariff on Indian goods") & (conflicts["period"] == "from 24 Feb 2026")
    ]
    assert set(tariffs["value"]) == {10, 15}
    # a figure every source agrees on is not a disagreement
    assert not (conflicts["period"] == "FY2009-10").any()


def test_composition_keeps_the_top_chapters_and_sums_the_rest(tables):
    names = trade.chapter_names(tables["hs2"])
    shares = trade.composition(tables["hs2"], names, "imports", "2025-26", top=8)
    assert len(shares) == 9 and shares["chapter"].iloc[-1].startswith("Other (")
    assert shares["chapter"].iloc[0] == "HS27 Mineral fuels: crude oil, products, coal"
    assert shares["value_usd_mn"].sum() == pytest.approx(55369.56, abs=0.01)
    assert shares["share_pct"].sum() == pytest.approx(100)
    assert shares["share_pct"].iloc[0] == pytest.approx(86.37, abs=0.01)


def test_named_items_carry_the_official_chapter_values(tables):
    names = trade.chapter_names(tables["hs2"])
    items = trade.named_items(tables["items"], tables["hs2"], names).set_index("item")
    assert items.loc["Fertilisers", "chapters_FY2025-26_usd_mn"] == pytest.approx(3117.90)
    assert items.loc["Pharmaceuticals", "chapters_FY2024-25_usd_mn"] == pytest.approx(421.09)
    # the fact-check: arms and ammunition are a goods chapter (HS93), with US$ 6.89 mn of imports in FY2024-25
    assert items.loc["Defence equipment", "hs_chapters"] == "HS93 Arms and ammunition"
    assert items.loc["Defence equipment", "chapters_FY2024-25_usd_mn"] == pytest.approx(6.89)
    assert items.loc["Diamonds", "source_id"] == "seed-004;tradestat-hs2"


def test_opportunity_gaps_put_the_articles_beside_the_official_chapters(tables):
    gaps = trade.opportunity_gaps(tables["figures"], tables["hs2"], "2024-25").set_index(["sector", "measure"])
    values = gaps["value_usd_mn"]
    assert values[("Pharmaceuticals", "Russia's imports (market)")] == 10_000
    assert values[("Pharmaceuticals", "India's sales, per article")] == 577
    assert values[("Pharmaceuticals", "India's exports, official HS30")] == pytest.approx(421.09)
    assert values[("Engineering goods", "India's sales, per article")] == 90
    assert values[("Engineering goods", trade.EEPC_MEASURE)] == pytest.approx(1030)
    assert values[("Engineering goods", "India's exports, official HS84")] == pytest.approx(1137.42)
    assert gaps.loc[("Engineering goods", "Russia's imports (market)"), "value_high_usd_mn"] == pytest.approx(2800)


def test_year_on_year_reports_the_fall_after_the_record(tables):
    names = trade.chapter_names(tables["hs2"])
    changes = trade.year_on_year(tables["annual"], tables["hs2"], names).set_index("what")
    assert changes.attrs["years"] == ("FY2024-25", "FY2025-26")
    assert changes.loc["HS31 Fertilisers (imports)", "change_pct"] == pytest.approx(69.46, abs=0.01)
    assert "HS27 Mineral fuels: crude oil, products, coal (imports)" in changes.index
    assert len(changes) == 6  # three chapters a flow; the totals are the cards above the table


def test_long_form_names_each_measure():
    series = trade.annual_bn(data.load_trade_annual())
    long = trade.long_form(series, ["exports", "balance"], ["fiscal_year"])
    assert set(long["measure"]) == {"Exports", "Balance"}
    assert len(long) == 2 * len(series)
    row = long[(long["fiscal_year"] == "2024-25") & (long["measure"] == "Balance")]
    assert row["value_bn"].iloc[0] == pytest.approx(4.88130 - 63.81144)


def test_chapters_need_both_flows_in_every_year_the_page_shows():
    hs2 = data.load_table("trade_hs2.csv")
    assert trade.check_hs2_years(hs2) is hs2
    without = hs2[~((hs2["flow"] == "exports") & (hs2["fiscal_year"] == "2025-26"))]
    with pytest.raises(schemas.DataError, match=r"trade_hs2\.csv: no exports rows for FY2025-26"):
        trade.check_hs2_years(without)


def test_a_chapter_is_named_for_what_it_holds_in_each_direction(tables):
    names = trade.chapter_names(tables["hs2"])
    assert names[("imports", "15")] == "HS15 Fats and oils (incl. sunflower oil)"
    assert names[("exports", "15")] == "HS15 Fats and oils"
    assert "potatoes" not in names[("imports", "07")]


@pytest.mark.parametrize(
    ("language", "written"), [("en", "1,137 (23.3%)"), ("hi", "1,137 (23.3%)"), ("ru", "1\u00a0137 (23,3\u00a0%)")]
)
def test_composition_labels_give_the_value_and_its_share_as_the_language_writes_them(tables, language, written):
    names = trade.chapter_names(tables["hs2"])
    shares = trade.composition(tables["hs2"], names, "exports", "2024-25")
    with i18n.using(language):
        datasets = charts.composition(shares).to_dict()["datasets"]
    assert next(row["label"] for rows in datasets.values() for row in rows) == written


def test_the_official_series_in_billions_carries_no_float_noise(tables):
    series = trade.annual_bn(tables["annual"])
    assert series.loc[0, "exports_bn"] == 0.98069
    assert series.to_csv().count("0000000") == 0


def test_the_sales_gap_warning_states_the_official_figures_and_how_far_apart_they_are():
    view = trade.view(
        data.load_trade_annual(),
        trade.check_hs2_years(data.load_table("trade_hs2.csv")),
        data.load_figures(),
        data.load_table("trade_items.csv"),
        data.load_table("trade_targets.csv"),
    )
    gap = view.gap_values
    official, article = (
        gap[("Engineering goods", "India's exports, official HS84")],
        gap[("Engineering goods", "India's sales, per article")],
    )
    warning = trade.sales_gap_warning(view)
    assert f"US$ {official:,.1f} mn in FY2024-25, {official / article:.0f} times more" in warning.replace("\\", "")
    assert f"US$ {view.engineering_imports_mn:,.1f} mn" in warning.replace("\\", "")


def test_money_is_printed_in_the_sources_unit_where_that_is_exact():
    assert trade.money_phrase(10_000, math.nan, "nearly") == "nearly US$ 10 bn"
    assert trade.money_phrase(2700, 2800, "") == "US$ 2.7–2.8 bn"
    assert trade.money_phrase(1137.42, math.nan, "") == "US$ 1,137.42 mn"  # not a whole number of 10 mn: kept in mn
    assert trade.money_phrase(577, math.nan, "") == "US$ 577 mn"


def test_farm_and_sea_exports_are_the_official_chapters_in_order():
    hs2 = data.load_table("trade_hs2.csv")
    rows = trade.agri_marine_exports(hs2)
    assert [chapter for chapter, _, _ in rows] == list(trade.AGRI_MARINE_CHAPTERS)
    fish = rows[0]
    assert fish[1] == "Fish and seafood" and fish[2] == {"2024-25": 123.05, "2025-26": 159.14}
