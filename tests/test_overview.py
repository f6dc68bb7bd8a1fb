"""Overview computations: key numbers, filters, expected vs outcome, dates that disagree."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import streamlit as st

from components.core import pages, schemas
from components.store import data
from components.topics import overview, status, trade
from components.topics.provenance import date_disagreements


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
    recent = overview.timeline_view(timeline, tuple(schemas.DOMAINS), "summit-weeks")
    assert recent["when"].min() >= pd.Timestamp("2025-11-01")
    assert recent["when"].max() <= pd.Timestamp("2025-12-31")
    assert overview.timeline_view(timeline, (), "all").empty


def labelled(label: str, events: pd.DataFrame, domain: str) -> list[int]:
    """The numbers of the events a label names: those listed ('6, 7'), or a row's events from first to last
    ('41–54')."""
    if "–" not in label:
        return [int(n) for n in label.split(", ")]
    first, last = (int(n) for n in label.split("–"))
    row = events[events["domain"] == domain]["number"]
    return [int(n) for n in row if first <= n <= last]


def test_a_long_run_of_numbers_is_labelled_by_its_first_and_last():
    assert overview.number_label([3]) == "3" and overview.number_label([6, 7, 8]) == "6, 7, 8"
    assert overview.number_label([41, 42, 43, 45, 47]) == "41–47"  # a phone's row has no room for the list


@pytest.mark.parametrize("period", list(overview.PERIODS))
def test_every_event_number_is_on_the_timeline_once_and_close_events_share_a_label(timeline, period):
    events = overview.timeline_view(timeline, tuple(schemas.DOMAINS), period)
    labels = overview.timeline_labels(events)
    numbers = [n for label in labels.itertuples() for n in labelled(label.numbers, events, label.domain)]
    assert sorted(numbers) == list(events["number"])
    close = (events["when"].max() - events["when"].min()) / overview.LABELS_ACROSS
    for domain in set(events["domain"]):  # two labels of a row are never closer than half that
        gaps = labels.loc[labels["domain"] == domain, "when"].sort_values().diff().dropna()
        assert (gaps > close / 2).all(), (period, domain)
    if period == "2024-2026":  # the summit week's trade events print as one label, not over each other
        summit = events[(events["domain"] == "trade") & (events["when"].between("2025-12-01", "2025-12-07"))]
        shared = [
            label
            for label in labels.itertuples()
            if summit["number"].iloc[0] in labelled(label.numbers, events, "trade")
        ]
        assert len(summit) > 1 and set(summit["number"]) <= set(labelled(shared[0].numbers, events, "trade"))


def test_timeline_labels_join_events_days_apart_and_keep_distant_ones_apart():
    events = pd.DataFrame(
        {
            "domain": ["trade", "trade", "trade", "defence"],
            "when": pd.to_datetime(["2024-01-01", "2025-12-04", "2025-12-05", "2025-12-05"]),
            "number": [1, 2, 4, 3],
        }
    )
    labels = overview.timeline_labels(events).set_index("numbers")
    assert list(labels.index) == ["3", "1", "2, 4"]
    assert labels.loc["2, 4", "when"] == pd.Timestamp("2025-12-04 12:00")
    assert labels["above"].all()  # far apart: every label above its points
    near = pd.DataFrame(
        {
            "domain": ["defence", "trade", "trade", "trade", "trade"],
            "when": pd.to_datetime(["2024-01-01", "2025-10-01", *["2025-12-05"] * 3]),  # a slot: 2 years / 12
            "number": [1, 2, 3, 4, 5],
        }
    )
    labels = overview.timeline_labels(near)
    assert list(labels["numbers"]) == ["1", "2", "3, 4, 5"]
    assert list(labels["above"]) == [True, True, False]  # "2" and "3, 4, 5" would meet on a phone: one goes below
    assert overview.timeline_labels(near[near["number"] < 4])["above"].all()  # "2" and "3" would not


def test_dates_are_shown_as_precisely_as_their_source_gives_them(timeline):
    view = overview.timeline_view(timeline, tuple(schemas.DOMAINS), "all").set_index("event_id")
    assert view.loc["strategic-partnership", "date_label"] == "2000"
    assert view.loc["investment-target", "date_label"] == "Sep 2018"
    assert view.loc["relos-duma", "date_label"] == "2 Dec 2025"


def test_agreements_filter_by_domain_and_status(agreements):
    signed_mobility = overview.agreements_view(agreements, ("mobility",), ("signed",))
    assert set(signed_mobility["agreement_id"]) == {"labour", "irregular-migration"}
    everything = overview.agreements_view(agreements, tuple(schemas.DOMAINS), schemas.AGREEMENT_STATUSES)
    assert len(everything) == len(agreements)


def standings() -> dict[str, status.Standing]:
    return {s.item_id: s for s in status.standings(data.load_tracked(), data.load_timeline(), data.load_sources())}


def test_expected_vs_outcome_puts_the_articles_beside_where_each_stands(agreements):
    table = overview.expected_vs_outcome(agreements, standings()).set_index("agreement")
    labour = table.loc["Agreement on temporary labour activity of citizens of one state in the territory of the other"]
    assert labour["expected_source_id"] == "seed-001"
    now = labour["standing"].now
    assert (now.status, now.date_label, now.source_id) == ("signed", "5 Dec 2025", "sentinel-2025-12")
    assert not labour["standing"].moved and labour["standing"].search_note == "no later report as of 6 Dec 2026"
    assert table.loc["Food-safety MoU", "articles_expected"] == "(not anticipated)"
    fta = table.loc["India–Eurasian Economic Union free trade agreement"]
    assert fta["standing"].now.status.startswith("under negotiation")
    assert "'the first round of negotiations took place last year'" in fta["articles_expected"]


def test_the_visa_announced_at_the_summit_is_in_force_since_january_and_has_no_signing_date(agreements):
    visa = agreements.set_index("agreement_id").loc["e-tourist-visa"]
    assert visa["status"] == "in force" and visa["signed"] == ""
    standing = standings()["e-tourist-visa"]
    assert standing.at_summit.status == "announced" and standing.at_summit.date_label == "5 Dec 2025"
    assert standing.now.status.startswith("in force") and standing.now.date_label == "1 Jan 2026"


def test_relos_stands_at_russias_ratification_and_a_weak_report_of_entry_into_force_stays_apart(agreements):
    """The fact-check found RELOS shown as 'ratified, 2025-02-18': the signing date, and India's step unsourced. A
    later report that it is in force comes only from an exam-coaching site: it never becomes the status."""
    relos = standings()["relos"]
    assert relos.now.status.startswith("ratified by one side") and relos.now.date_label == "15 Dec 2025"
    assert relos.reported.status == "in force (reported)" and relos.reported.source_id == "adda247-relos-2026"
    assert data.load_sources().at["adda247-relos-2026", "rank"] == schemas.WEAK
    steps = overview.agreement_steps(agreements[agreements["agreement_id"] == "relos"], data.load_timeline())
    assert list(steps["date"]) == sorted(steps["date"])
    assert ("2025-02-18", "seed-001") in set(zip(steps["date"], steps["source_id"], strict=True))
    assert {"2025-12-02", "2025-12-08", "2025-12-10", "2025-12-15", "2026-04-01"} <= set(steps["date"])
    assert not steps["event"].str.contains("India ratifies", case=False).any()


def test_every_agreement_status_is_its_latest_strongly_sourced_step(agreements):
    followed = standings()
    for agreement in agreements.itertuples():
        standing = followed[agreement.agreement_id]
        assert standing.now is not None, agreement.agreement_id
        assert standing.now.status.startswith(agreement.status), (agreement.agreement_id, standing.now.status)
        assert not (agreement.signed and agreement.status in schemas.UNSIGNED), agreement.agreement_id


def test_an_announcement_with_a_signing_date_is_refused(tmp_path, monkeypatch):
    """The fact-check found the e-visa shown as 'announced … signed 2025-12-05': an announcement has no signing."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    table = (copy / "agreements.csv").read_text(encoding="utf-8")
    (copy / "agreements.csv").write_text(table.replace(",in force,,", ",announced,2025-12-05,", 1), encoding="utf-8")
    st.cache_data.clear()
    try:
        with pytest.raises(schemas.DataError, match="no signing date"):
            data.load_tracked()
    finally:
        st.cache_data.clear()


def test_the_eaeu_fta_is_dated_by_its_steps_not_by_an_articles_last_year(agreements):
    steps = overview.agreement_steps(agreements[agreements["agreement_id"] == "eaeu-fta"], data.load_timeline())
    assert list(steps["date"]) == ["2025-08-20", "2025-11-26", "2025-12-05"]
    targets = data.load_table("trade_targets.csv").set_index("target_id")
    assert "2024" not in targets.loc["eaeu-fta", "set_at"]
    assert "20 Aug 2025" in targets.loc["eaeu-fta", "set_at"] and "26 Nov 2025" in targets.loc["eaeu-fta", "set_at"]


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


def test_trade_key_numbers_lead_with_the_latest_year_and_its_fall_then_the_record():
    annual = data.load_trade_annual()
    numbers = overview.trade_key_numbers(annual)
    record = trade.official_year(annual, trade.HEADLINE_YEAR)
    assert numbers[0].label == "Total trade, FY2025-26 (provisional)" and numbers[0].value == "US$ 59.86 bn"
    assert numbers[0].said.endswith("down 12.9% on FY2024-25")
    assert numbers[1].value == f"US$ {record['total_bn']:,.2f} bn" == "US$ 68.69 bn" and "record" in numbers[1].label
    assert numbers[2].value == "−US$ 58.93 bn"
    assert {n.page.script for n in numbers} == {pages.TRADE.script}
    assert {n.source_id for n in numbers} == {trade.OFFICIAL_SOURCE}


def test_filter_options_are_the_domains_and_statuses_in_the_data(timeline, agreements):
    params = overview.overview_params(timeline, agreements)
    in_the_data = ("trade", "defence", "nuclear & space", "mobility", "connectivity", "diplomacy")
    assert params["timeline_domain"].options == in_the_data
    assert params["agreement_status"].options == ("under negotiation", "signed", "ratified by one side", "in force")
    assert params["timeline_period"].default in overview.PERIODS


def test_defence_key_numbers_are_the_defence_pages_published_shares():
    numbers = overview.defence_key_numbers(
        data.load_table("sipri_india_arms_imports.csv"), data.load_table("sipri_published_shares.csv")
    )
    assert [(n.label, n.value) for n in numbers] == [
        ("Russia's share of arms imports, 2021–25", "40%"),
        ("Russia's share of arms imports, 2009–13", "76%"),
    ]
    assert {n.page.script for n in numbers} == {pages.DEFENCE.script}


def test_connectivity_key_numbers_are_the_corridor_claims_the_page_shows():
    numbers = overview.connectivity_key_numbers(data.load_figures())
    assert [n.value for n in numbers] == ["~25 days", "~24 days"]
    assert (
        numbers[0].wording
        == "INSTC: Mumbai–Moscow transit time (Concor's planned route), February 2020 plan: about 25 days"
    )
    ranks = data.load_sources()["rank"]
    assert all(ranks[n.source_id] < schemas.WEAK for n in numbers)  # TheTrendingPeople.com headed this card before
    assert {n.page.script for n in numbers} == {pages.CONNECTIVITY.script}
