"""What a fact-check of the app found, as a reader sees it: each error cannot come back without a test failing."""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import PAGES, everything_shown, frame_with, open_fully, open_page, warnings
from streamlit.testing.v1 import AppTest

from components.core import pages
from components.store import data

INTERNAL_FILE = re.compile(r"\d{3}_[0-9a-f]{16}(\.txt)?")


def opened_fully(script: str, **query: str | list[str]) -> AppTest:
    """The page with every closed section (details, tables, grid, method) opened."""
    return open_fully(script, **query)


@pytest.mark.parametrize("script", PAGES)
def test_no_page_names_an_internal_file_or_an_anonymous_seed(script):
    text = everything_shown(opened_fully(script))
    assert not INTERNAL_FILE.search(text)
    assert "Seed article" not in text and "seed file" not in text.lower()
    assert not re.search(r"seed \d{3}", text, re.IGNORECASE)  # ids such as seed-004 appear only as source_id keys


@pytest.mark.parametrize("script", PAGES)
def test_money_reads_the_same_everywhere_outside_verbatim_quotes(script):
    """'US$ 1.021 bn' and '€ 1.3 bn', never '1.021 US$ bn' or 'US$5.2bn' (table cells quoting a source may)."""
    text = everything_shown(opened_fully(script), tables=False)
    assert not re.search(r"US\$\d|\d ?US\$ ?(bn|mn)|EUR \d|\d EUR\b", text), re.findall(r".{40}US\$\d.{10}", text)


def test_every_agreement_says_where_it_stands_with_a_date_and_when_it_was_searched():
    app = opened_fully(pages.OVERVIEW.script)
    table = frame_with(app, "As of").replace(r"\\", "", regex=True).set_index("Agreement")  # as Markdown shows it
    assert table["As of"].str.contains(r"\d{4}").all()
    assert table.loc["RELOS military logistics pact", "Status"] == "ratified by one side"
    assert table.loc["Free e-tourist visa for Russians", ["Status", "As of"]].tolist() == ["in force", "1 Jan 2026"]
    text = everything_shown(app)
    relos = next(line for line in text.splitlines() if line.startswith("- **Reciprocal Exchange"))
    assert (
        "now: **ratified by one side: Russia's ratification law signed; India's step not reported** (15 Dec 2025"
        in relos
    )
    assert "reported only by [Adda247 Current Affairs]" in relos and "in force (reported) (Apr 2026)" in relos
    assert "ratified, 2025-02-18" not in text
    steps = next(line for line in text.splitlines() if line.startswith("**Step by step — Reciprocal Exchange"))
    for date in ("18 Feb 2025", "2 Dec 2025", "8 Dec 2025", "10 Dec 2025", "15 Dec 2025", "Apr 2026"):
        assert date in steps
    assert "India's ratification and the exchange of instruments" in steps
    fta = next(line for line in text.splitlines() if line.startswith("**Step by step — India–Eurasian"))
    assert "20 Aug 2025" in fta and "26 Nov 2025" in fta and "last year" in fta
    visa = next(line for line in text.splitlines() if line.startswith("- **Free 30-day e-tourist"))
    assert "1 Jan 2026" in visa and "signed" not in visa  # an announcement has no signing date
    assert "no later report as of 6 Dec 2026" in text


def test_since_the_summit_lists_the_news_newest_first_and_says_where_nothing_was_found():
    app = open_page(pages.OVERVIEW.script, opened=("since-all",))
    assert any(h.value.startswith("Since the summit") for h in app.header)
    latest = next(m.value for m in app.markdown if m.value.startswith("- **")).replace("\\", "").splitlines()
    assert len(latest) == 5 and latest[0].startswith("- **S-400 deliveries:** **three of five squadrons delivered")
    assert "reported only by [C4S Courses" in latest[0] and "May 2026" in latest[0]
    items = [m.value for m in app.markdown if m.value.startswith("- **")][1].replace("\\", "").splitlines()
    assert items[0].startswith("- **S-400 deliveries** — at the summit: three of five squadrons delivered")
    chabahar = next(i for i in items if i.startswith("- **Chabahar"))
    assert "valid until 26 Apr 2026" in chabahar and "revoked" not in chabahar.split("Now:")[1]
    quiet = next(m.value for m in app.markdown if "**No later report found:**" in m.value).replace("\\", "")
    quiet = quiet.split("**No later report found:**")[1]
    assert "The 24th annual summit" in quiet and "Labour mobility agreement (signed, 5 Dec 2025)" in quiet
    assert any("news checked to 6 Dec 2026" in m.value for m in app.markdown)
    assert "changes.atom" in " ".join(c.value for c in app.caption)


def test_the_visit_is_called_both_a_state_and_an_official_visit():
    text = everything_shown(open_page(pages.OVERVIEW.script, opened=("at-a-glance",)))
    assert "rare state visit" in text and "'two-day official visit'" in text


def test_trade_page_corrects_the_deficit_claim_the_engineering_gap_and_the_composition_labels():
    app = opened_fully(pages.TRADE.script, flow="imports", year="2024-25")
    text = everything_shown(app)
    assert "promised to narrow" not in text
    (gap,) = [m.value.replace("\\", "") for m in app.markdown if "official data tell another story" in m.value]
    assert "matches India's HS84 imports *from* Russia instead (US$ 92.4 mn in FY2024-25)" in gap
    assert "in brackets, the share of the flow" in text
    assert "Vegetables (incl. potatoes)" not in text and "mainly sunflower oil" not in text
    assert "Fats and oils (incl. sunflower oil)" in text


def test_trade_leads_with_the_latest_year_and_its_statuses_are_current_and_dated():
    app = opened_fully(pages.TRADE.script)
    first = app.markdown[1].value.replace("\\", "")  # after the contents line
    assert first.startswith("India–Russia goods trade was **US$ 59.86 bn in FY2025-26** (provisional), down 12.9%")
    assert app.header[0].value == "The latest year, FY2025-26"
    text = everything_shown(app)
    assert "Status: **a temporary surcharge for 150 days (Section 122), to late July 2026** (24 Feb 2026" in text
    assert "US Supreme Court strikes down" in text and "The US lifts its 25% tariff penalty" in text
    assert "from 24 Feb 2026: **10%**" in text and "from 24 Feb 2026: **15%**" in text  # both versions, each cited
    assert "doesn't discuss who will buy what and from where" in text
    assert "Only Trump has said India will stop buying Russian oil" in text
    assert "1.5 million barrels a day" in text and "1–11 March 2026" in text
    assert "Terms of reference signed 20 Aug 2025" in text


def test_which_figure_note_says_only_what_the_articles_say():
    text = everything_shown(opened_fully(pages.TRADE.script))
    note = next(line for line in text.splitlines() if line.startswith("**Which figure is right?**"))
    assert "an earlier release" not in note and "no archived release with that figure was found" in note
    assert "goods *and services* at 'roughly $65 billion'" in note
    assert "'around $5 billion', without saying what the second counts" in note


def test_kudankulam_2_went_commercial_on_31_march_2017_by_a_report_written_after_it():
    facts = data.load_table("facts.csv")
    unit_2 = facts[(facts["item_id"] == "kudankulam-2") & (facts["fact"] == "Commercial operation")].iloc[0]
    assert unit_2["value"] == "31 Mar 2017" and unit_2["source_id"] == "indianexpress-kudankulam-2017-03-31"
    assert data.load_sources().at[unit_2["source_id"], "date"] >= "2017-03-31"


def test_dried_pulses_are_named_only_on_the_import_side_and_corridor_comparators_are_named():
    hs2 = data.load_table("trade_hs2.csv")
    vegetables = hs2[hs2["hs"] == "07"].set_index(["flow", "fiscal_year"])["short_name"]
    assert "pulses" not in vegetables[("exports", "2024-25")] and "pulses" in vegetables[("imports", "2024-25")]
    figures = data.load_figures()
    assert figures.at["emc-distance-cut", "period"] == "versus Mumbai–St Petersburg via Suez"
    assert "India to Russia's Far East via Europe" in figures.at["emc-days", "note"]


def test_relos_term_is_reported_by_more_than_one_source():
    facts = data.load_table("facts.csv")
    term = facts[(facts["item_id"] == "relos") & (facts["fact"] == "Term")]
    assert len(set(term["source_id"])) >= 2 and not term["note"].str.contains("single source").any()


def test_defence_page_says_what_sipri_says_and_dates_the_s400_status():
    app = opened_fully(pages.DEFENCE.script, platform="S-400")
    assert "less so each year" not in app.title[0].value
    text = everything_shown(app)
    assert "fallen for fifteen years" not in text
    assert "2010–14 was 70% in SIPRI Trends 2014 (Mar 2015), then 72%" in text
    assert "Status as of Jan 2026" in text and "the fourth due by end-May 2026" in text
    assert "later reported only by C4S Courses" in text and "four of five squadrons delivered, May 2026" in text
    table = next(df.value for df in app.dataframe if "as_of" in df.value.columns).set_index("short_name")
    assert table.loc["S-400", "as_of"] == "Jan 2026" and table["as_of"].ne("").sum() >= 5
    assert table.loc["Su-57", "as_of"] == "28 Jan 2026" and "deep technical stage" in table.loc["Su-57", "status"]
    assert table.loc["Submarines", "status"].startswith("Delivery slipped to 2028")
    assert "INR 390 bn" in text and "4th by end-May 2026, 5th in 2027 (January 2026 report)" in text


def test_mobility_computes_how_far_the_counts_differ_and_shows_both_2024_versions():
    app = opened_fully(pages.MOBILITY.script)
    text = everything_shown(app)
    assert "factor of two" not in text
    (counts,) = [m.value.replace("\\", "") for m in app.markdown if "Rosstat counts tourist trips" in m.value]
    assert "1.86 times Rosstat's for Indians visiting Russia" in counts
    assert "1.74 times Rosstat's for Russians visiting India" in counts
    assert "fewer than 60,000 visitors" in text and "'Similar figures' to 2023" in text
    assert "each other's nationals" in text
    assert not warnings(app)


def test_connectivity_compares_like_with_like_and_shows_every_version():
    app = opened_fully(pages.CONNECTIVITY.script, origin="chennai", destination="vladivostok", via="emc")
    text = everything_shown(app)
    assert "No like-for-like Suez figure exists for Chennai–Vladivostok" in text
    assert "8,675 nmi" in text and "≈10,000 nautical miles" in text
    assert "41 million tonnes" in text and "45 million tonnes" in text
    assert "30%" in text and "40%" in text and "30–40%" not in text


@pytest.mark.parametrize("script", PAGES)
def test_no_page_writes_a_bare_value_to_the_reader(script):
    """Streamlit's 'magic' would show a bare string (such as a constant's docstring) on the page; it is off, and
    page files hold no bare value below their module docstring."""
    from pathlib import Path

    from streamlit import config

    assert config.get_option("runner.magicEnabled") is False
    body = ast.parse(Path(script).read_text(encoding="utf-8")).body[1:]
    assert not [node.lineno for node in body if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)]


def shown_columns(table) -> list[str]:
    """A table's column headers as the reader sees them: its shown columns, under their configured labels."""
    config = json.loads(table.proto.columns or "{}")
    order = list(table.proto.column_order) or list(table.value.columns)
    return [config.get(column, {}).get("label") or column for column in order]


@pytest.mark.parametrize("script", PAGES)
def test_every_table_shows_readable_headers_and_a_dash_for_a_missing_value(script):
    app = opened_fully(script)
    assert app.dataframe
    for table in app.dataframe:
        headers = shown_columns(table)
        assert all(h[0].isupper() and "_" not in h for h in headers), headers
        config = json.loads(table.proto.columns or "{}")
        order = list(table.proto.column_order) or list(table.value.columns)
        unlinked = [c for c in order if config.get(c, {}).get("type_config", {}).get("type") != "link"]
        assert not (table.value[unlinked].isna() | table.value[unlinked].eq("")).any().any(), headers
