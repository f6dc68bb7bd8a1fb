"""What a fact-check of the app found, as a reader sees it: each error cannot come back without a test failing."""

from __future__ import annotations

import ast
import json
import re

import pytest
from conftest import PAGES, answer, open_page, warnings
from streamlit.testing.v1 import AppTest

from components import pages

INTERNAL_FILE = re.compile(r"\d{3}_[0-9a-f]{16}(\.txt)?")


def everything_shown(app: AppTest, tables: bool = True) -> str:
    """All the text a reader can see or download from the page's elements, tables included unless not wanted."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "latex"):
        parts += [str(e.value) for e in getattr(app, kind)]
    parts += [f"{m.label} {m.value} {m.proto.delta} {m.help}" for m in app.metric]
    if shown := answer(app):
        parts += [shown["sentence"], *(" ".join(card.values()) for card in shown["cards"])]
    if tables:
        parts += [e.value.to_csv() for e in app.dataframe] + [e.value.to_csv() for e in app.table]
    return "\n".join(parts).replace("\\", "")


def opened_fully(script: str) -> AppTest:
    """The page with every closed section (tables, grid, method) opened."""
    keys = tuple(e.key for e in open_page(script).expander if e.key)
    return open_page(script, opened=keys)


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


def test_every_agreement_status_says_as_of_when_and_relos_shows_its_steps():
    app = open_page(pages.OVERVIEW.script)
    outcomes = app.table[0].value["What happened (status, as of)"]
    assert outcomes.str.contains(", as of 20").all()
    relos = outcomes[outcomes.str.startswith("ratified")]
    assert list(relos) == ["ratified by one side, as of 2025-12-16; signed 2025-02-18 — Republic World"]
    text = everything_shown(app)
    assert "ratified, 2025-02-18" not in text
    steps = next(line for line in text.splitlines() if line.startswith("**Step by step — Reciprocal Exchange"))
    for date in ("18 Feb 2025", "2 Dec 2025", "8 Dec 2025", "10 Dec 2025", "15 Dec 2025"):
        assert date in steps
    assert "no source found reports India's ratification" in steps
    fta = next(line for line in text.splitlines() if line.startswith("**Step by step — India–Eurasian"))
    assert "20 Aug 2025" in fta and "26 Nov 2025" in fta and "last year" in fta


def test_the_visit_is_called_both_a_state_and_an_official_visit():
    text = everything_shown(open_page(pages.OVERVIEW.script))
    assert "rare state visit" in text and "'two-day official visit'" in text


def test_trade_page_corrects_the_deficit_claim_the_engineering_gap_and_the_composition_labels():
    app = open_page(pages.TRADE.script, flow="imports", year="2024-25")
    text = everything_shown(app)
    assert "promised to narrow" not in text
    (gap,) = [w.value.replace("\\", "") for w in app.warning if "official data tell another story" in w.value]
    assert "matches India's HS84 imports *from* Russia instead (US$ 92.4 mn in FY2024-25)" in gap
    assert "each label gives the value in US$ million and, in brackets, its share of the flow" in text
    assert "Vegetables (incl. potatoes)" not in text and "mainly sunflower oil" not in text
    assert "Fats and oils (incl. sunflower oil)" in text


def test_trade_statuses_are_current_and_dated():
    text = everything_shown(open_page(pages.TRADE.script))
    assert "Status (as of 2026-02-07): 50% at the summit. The 25% Russia-oil penalty was lifted from 7 Feb 2026" in text
    assert "had yet to take effect" in text
    assert "estimates disagree" in text and "about 0.4 million barrels a day" in text
    assert "Terms of reference signed 20 Aug 2025" in text


def test_defence_page_says_what_sipri_says_and_dates_the_s400_status():
    app = open_page(pages.DEFENCE.script, platform="S-400")
    assert "less so each year" not in app.title[0].value
    text = everything_shown(app)
    assert "fallen for fifteen years" not in text
    assert "2010–14 was 70% in SIPRI Trends 2014 (Mar 2015), then 72%" in text
    assert "Status as of 2026-01" in text and "the fourth due by end-May 2026" in text
    table = next(df.value for df in app.dataframe if "as_of" in df.value.columns).set_index("short_name")
    assert table.loc["S-400", "as_of"] == "2026-01" and table["as_of"].ne("").sum() >= 5
    assert "INR 390 bn" in text and "4th by end-May 2026, 5th in 2027 (January 2026 report)" in text


def test_mobility_computes_how_far_the_counts_differ_and_shows_both_2024_versions():
    app = open_page(pages.MOBILITY.script)
    text = everything_shown(app)
    assert "factor of two" not in text
    (counts,) = [i.value.replace("\\", "") for i in app.info if "Two kinds of count" in i.value]
    assert "1.86 times Rosstat's for Indians visiting Russia" in counts
    assert "1.74 times Rosstat's for Russians visiting India" in counts
    assert "fewer than 60,000 visitors" in text and "'Similar figures' to 2023" in text
    assert "each other's nationals" in text
    assert not warnings(app)


def test_connectivity_compares_like_with_like_and_shows_every_version():
    app = open_page(pages.CONNECTIVITY.script, origin="chennai", destination="vladivostok", via="emc")
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
