"""Overview computations: key numbers, filters, expected vs outcome, dates that disagree."""

from __future__ import annotations

import pandas as pd
import pytest

from components import data, overview, trade
from components.provenance import date_disagreements


@pytest.fixture(scope="module")
def timeline():
    return data.load_timeline()


@pytest.fixture(scope="module")
def agreements():
    return data.load_table("agreements.csv")


def test_the_timeline_holds_the_issues_milestones(timeline):
    dated = dict(zip(timeline["event_id"], timeline["date"], strict=False))
    assert dated["strategic-partnership"].startswith("2000")
    assert dated["summit-22"] == "2024-07-08"
    assert dated["relos-signed"] == "2025-02-18"
    assert dated["irigc-tec-26"] == "2025-08-20"
    assert dated["maritime-consultation"] == "2025-11-17"
    assert dated["relos-duma"] == "2025-12-02"
    assert dated["summit-23"] == "2025-12-04"
    assert {"relos-putin", "fy2026-ends"} <= set(dated)
    assert list(timeline["when"]) == sorted(timeline["when"])


def test_timeline_filters_by_domain_and_period(timeline):
    defence = overview.timeline_view(timeline, ("defence",), "all")
    assert set(defence["domain"]) == {"defence"} and len(defence) == (timeline["domain"] == "defence").sum()
    recent = overview.timeline_view(timeline, tuple(data.DOMAINS), "summit-weeks")
    assert recent["when"].min() >= pd.Timestamp("2025-11-01")
    assert recent["when"].max() <= pd.Timestamp("2025-12-31")
    assert overview.timeline_view(timeline, (), "all").empty


def test_dates_are_shown_as_precisely_as_their_source_gives_them(timeline):
    view = overview.timeline_view(timeline, tuple(data.DOMAINS), "all").set_index("event_id")
    assert view.loc["strategic-partnership", "date_label"] == "2000"
    assert view.loc["investment-target", "date_label"] == "Sep 2018"
    assert view.loc["relos-duma", "date_label"] == "2 Dec 2025"


def test_agreements_filter_by_domain_and_status(agreements):
    signed_mobility = overview.agreements_view(agreements, ("mobility",), ("signed",))
    assert set(signed_mobility["agreement_id"]) == {"labour", "irregular-migration"}
    everything = overview.agreements_view(agreements, tuple(data.DOMAINS), data.AGREEMENT_STATUSES)
    assert len(everything) == len(agreements)


def test_expected_vs_outcome_puts_the_articles_beside_what_happened(agreements):
    table = overview.expected_vs_outcome(agreements).set_index("agreement")
    labour = table.loc["Agreement on temporary labour activity of citizens of one state in the territory of the other"]
    assert labour["expected_source_id"] == "seed-001"
    assert labour["outcome"] == "signed, 2025-12-05"
    assert table.loc["Food-safety MoU", "articles_expected"] == "(not anticipated)"
    assert table.loc["India–Eurasian Economic Union free trade agreement", "outcome"] == "under negotiation"


def test_the_agreements_cover_what_the_issue_names(agreements):
    assert {
        "labour",
        "irregular-migration",
        "relos",
        "eaeu-fta",
        "programme-2030",
        "health",
        "food-safety",
        "polar-training",
        "urea-jv",
        "customs",
        "e-tourist-visa",
    } <= set(agreements["agreement_id"])


def test_date_disagreements_list_each_version(timeline):
    versions = date_disagreements(timeline)
    labour = versions[versions["event_id"] == "labour-agreements"]
    assert list(labour["date"]) == ["2025-12-05", "2025-12-06"]
    assert list(labour["source_id"]) == ["sentinel-2025-12", "visahq-2025-12-07"]
    assert set(versions["event_id"]) == {"labour-agreements", "relos-federation-council"}


def test_trade_key_numbers_are_the_trade_pages_rows():
    annual = data.load_trade_annual()
    numbers = overview.trade_key_numbers(annual)
    record = trade.official_year(annual, trade.HEADLINE_YEAR)
    assert numbers[0].value == f"US$ {record['total_bn']:,.2f} bn" == "US$ 68.69 bn"
    assert numbers[1].value == "−US$ 58.93 bn"
    assert numbers[2].label == "Total trade, FY2025-26 (provisional)"
    assert {n.page.script for n in numbers} == {"app_pages/trade.py"}
    assert {n.source_id for n in numbers} == {trade.OFFICIAL_SOURCE}


def test_filter_options_are_the_domains_and_statuses_in_the_data(timeline, agreements):
    params = overview.overview_params(timeline, agreements)
    assert params["timeline_domain"].options == (
        "trade",
        "defence",
        "nuclear & space",
        "mobility",
        "connectivity",
        "diplomacy",
    )
    assert params["agreement_status"].options == ("under negotiation", "announced", "signed", "ratified")
    assert params["timeline_period"].default in overview.PERIODS


def test_defence_key_numbers_are_the_defence_pages_published_shares():
    numbers = overview.defence_key_numbers(
        data.load_table("sipri_india_arms_imports.csv"), data.load_table("sipri_published_shares.csv")
    )
    assert [(n.label, n.value) for n in numbers] == [
        ("Russia's share of India's arms imports, 2021–25", "40%"),
        ("Russia's share of India's arms imports, 2009–13", "76%"),
    ]
    assert {n.page.script for n in numbers} == {"app_pages/defence.py"}


def test_connectivity_key_numbers_are_the_corridor_claims_the_page_shows():
    numbers = overview.connectivity_key_numbers(data.load_figures())
    assert [n.value for n in numbers] == ["up to 40%", "about 24 days"]
    assert {n.page.script for n in numbers} == {"app_pages/connectivity.py"}
