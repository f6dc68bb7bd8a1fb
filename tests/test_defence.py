"""Defence computations against SIPRI's register rows and hand-computed cases."""

from __future__ import annotations

import pandas as pd
import pytest

from components.store import data
from components.topics import defence


@pytest.fixture(scope="module")
def sipri():
    return data.load_table("sipri_india_arms_imports.csv")


def tiny_register() -> pd.DataFrame:
    """Three years, three suppliers, yearly totals of 100, 300 and 50: easy to compute by hand, and unequal so
    that a TIV-weighted window share and a plain average of yearly shares differ."""
    rows = [
        ("Russia", 2001, "Aircraft", 60.0),
        ("France", 2001, "Aircraft", 40.0),
        ("Russia", 2002, "Ships", 30.0),
        ("France", 2002, "Missiles", 270.0),
        ("Russia", 2003, "Aircraft", 15.0),
        ("Israel", 2003, "Sensors", 35.0),
    ]
    return pd.DataFrame(rows, columns=["supplier", "delivery_year", "category", "tiv_delivered"])


def test_window_share_is_tiv_weighted_not_an_average_of_years():
    shares = defence.russia_share(tiny_register(), window=2).set_index("year")
    assert shares.loc[2001, "share_pct"] == pytest.approx(60)
    assert shares.loc[2002, "share_pct"] == pytest.approx(10)
    assert shares.loc[2003, "share_pct"] == pytest.approx(30)
    # (60 + 30) / (100 + 300) = 22.5%, not the plain average of 60% and 10% (35%)
    assert shares.loc[2002, "window_share_pct"] == pytest.approx(22.5)
    assert shares.loc[2002, "window_share_pct"] != pytest.approx((60 + 10) / 2)
    # (30 + 15) / (300 + 50) ≈ 12.9%, not (10% + 30%) / 2 = 20%
    assert shares.loc[2003, "window_share_pct"] == pytest.approx((30 + 15) / (300 + 50) * 100)
    assert pd.isna(shares.loc[2001, "window_share_pct"])
    assert shares.loc[2003, "window"] == "2002–03"


def test_a_one_year_window_is_the_yearly_share():
    shares = defence.russia_share(tiny_register(), window=1)
    assert (shares["window_share_pct"] - shares["share_pct"]).abs().max() < 1e-9
    assert list(shares["window"]) == ["2001", "2002", "2003"]


def test_five_year_shares_match_a_hand_sum_and_sipri(sipri):
    # 2009–13 from the register: Russia 1,425 + 2,276 + 2,496 + 3,830 + 3,720; all suppliers 1,937 + … + 5,242
    share = defence.share_over(sipri, 2009, 2013)
    russia = sipri[(sipri["supplier"] == "Russia") & sipri["delivery_year"].between(2009, 2013)]["tiv_delivered"].sum()
    total = sipri[sipri["delivery_year"].between(2009, 2013)]["tiv_delivered"].sum()
    assert share == pytest.approx(russia / total * 100)
    assert round(share, 1) == 75.9  # SIPRI published 76%
    assert round(defence.share_over(sipri, 2019, 2023), 1) == 36.5  # SIPRI published 36%
    assert defence.share_over(sipri, 2020, 2024) is None  # the register ends in 2023


def test_published_shares_sit_beside_the_computed_ones(sipri):
    published = data.load_table("sipri_published_shares.csv")
    table = defence.published_vs_computed(sipri, published)
    row = table[(table["period"] == "2009–13")].iloc[0]
    assert (row["published_pct"], row["computed_pct"]) == (76, 75.9)
    assert set(table.loc[table["period"] == "2010–14", "published_pct"]) == {70, 72}
    later = table[table["period"] == "2021–25"].iloc[0]
    assert later["published_pct"] == 40 and pd.isna(later["computed_pct"])


def test_supply_by_year_groups_the_other_suppliers_and_keeps_every_tiv(sipri):
    supply = defence.supply_by_year(sipri, ("Russia", "France"), (2010, 2015))
    assert set(supply["supplier"]) == {"Russia", "France", defence.OTHERS}
    assert supply["year"].between(2010, 2015).all()
    in_years = sipri[sipri["delivery_year"].between(2010, 2015)]["tiv_delivered"].sum()
    assert supply["tiv_mn"].sum() == pytest.approx(in_years)
    reversed_years = defence.supply_by_year(sipri, ("Russia",), (2015, 2010))
    assert reversed_years["tiv_mn"].sum() == pytest.approx(in_years)


def test_categories_split_each_block_of_years(sipri):
    blocks = defence.category_periods(2000, 2023)
    assert blocks == [(2000, 2007), (2008, 2015), (2016, 2023)]
    categories = defence.russian_categories(sipri, blocks)
    assert categories.groupby("period")["share_pct"].sum().round(6).eq(100).all()
    russia = sipri[sipri["supplier"] == "Russia"]["tiv_delivered"].sum()
    assert categories["tiv_mn"].sum() == pytest.approx(russia)
    assert defence.category_periods(2000, 2004, 2) == [(2000, 2002), (2003, 2004)]


def test_search_is_literal_and_case_insensitive():
    platforms = data.load_table("defence_platforms.csv")
    assert list(defence.search_platforms(platforms, "hal")["short_name"]) == ["Su-30MKI"]
    assert set(defence.search_platforms(platforms, "SHIPS")["short_name"]) >= {"Vikramaditya", "Frigates"}
    assert defence.search_platforms(platforms, "(.*").empty
    assert len(defence.search_platforms(platforms, "  ")) == len(platforms)


def test_versions_list_the_disagreements_the_issue_names():
    facts = data.load_table("facts.csv")
    versions = defence.versions(facts)
    disputed = set(zip(versions["item_id"], versions["fact"], strict=True))
    assert ("s400", "Contract value") in disputed
    assert ("s400", "Remaining two systems") in disputed
    assert ("ak203", "Rifles ordered") in disputed
    assert ("s400", "Contract") not in disputed


def test_parameters_come_from_the_data(sipri):
    params = defence.defence_params(sipri, data.load_table("defence_platforms.csv"))
    assert (params["period"].low, params["period"].high) == (2000, 2023)
    offered = params["suppliers"].options  # a supplier a reader could see on the chart: half a per cent or more
    assert offered[:4] == ("Russia", "France", "United States", "Israel") and "Ukraine" in offered
    assert "Canada" not in offered and len(offered) == 11  # Canada's deliveries are 0.18% of all
    assert params["suppliers"].default == ("Russia", "France", "Israel", "United States")
    assert params["window"].default == 5
    assert "S-400" in params["platform"].options


def published(rows: list[tuple[int, int, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["period_start", "period_end", "russia_share_pct", "edition"]).assign(
        source_id="s", evidence="", note=""
    )


def test_the_share_story_says_what_the_editions_say():
    story, cited = defence.share_story(data.load_table("sipri_published_shares.csv"))
    assert story.startswith("SIPRI's newest edition, SIPRI Trends 2025 (9 Mar 2026), puts Russia's share")
    assert "70% in 2011–15, 51% in 2016–20 and 40% in 2021–25" in story
    assert "lowest share any edition has published is 36%" in story and "4 percentage points above" in story
    assert "2015–19 was 56% in SIPRI Trends 2019 (Mar 2020), then 55% in SIPRI Trends 2024 (Mar 2025)" in story
    assert "deccanherald-sipri-2026-03-09" in cited.split(";")


def test_the_share_story_follows_the_rows_not_a_script():
    rising = published([(2010, 2014, 30, "SIPRI Trends 2015 (Mar 2016)"), (2015, 2019, 50, "SIPRI Trends 2020 (x)")])
    story, _ = defence.share_story(rising)
    assert "puts Russia's share of India's arms imports at 50% in 2015–19" in story
    assert "lowest share any edition has published is 30%, for 2010–14" in story
    assert "20 percentage points above" in story and "revise" not in story
