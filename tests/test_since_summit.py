"""Current to December 2026: each followed item's dated status from its strongest source, the timeline's events
since the summit, the changes feed, and the rule that a weak source never heads a card, a first screen or a
preview on its own."""

from __future__ import annotations

import re

import feedparser
import pytest
from conftest import PAGES, open_page

from components.core import pages, schemas
from components.server import feed, previews
from components.store import data, prepared
from components.store.sourcing import source_name
from components.topics import overview, status

SITE = "https://explorer.example"


def weak_sources() -> list[str]:
    ranks = data.load_sources()["rank"]
    return [sid for sid, rank in ranks.items() if rank >= schemas.WEAK]


def test_every_source_has_a_rank_and_official_material_ranks_first():
    sources = data.load_sources()
    assert set(sources["rank"]) == {1, 2, 3, 4}
    official = sources[sources["kind"].isin(["official statistics", "official statement"])]
    assert (official["rank"] == 1).all()
    assert sources.at["seed-002", "rank"] == schemas.WEAK  # the unattributed explainer
    for aggregator in ("seed-003", "wealthwave-2025-12", "binance-jin10-2026", "adda247-relos-2026"):
        assert sources.at[aggregator, "rank"] == schemas.WEAK, aggregator


@pytest.mark.parametrize("page", pages.PAGES[:-1], ids=lambda p: p.url_path)
def test_no_key_number_or_preview_line_rests_on_a_weak_source(page):
    weak = weak_sources()
    for number in prepared.key_numbers(page.script):
        assert number.source_id not in weak, (page.url_path, number)
    preview = previews.preview_for(page, {})
    named = f"{preview.title} {preview.description} {' '.join(preview.lines)}"
    for sid in weak:
        assert f"({source_name(sid)})" not in named, (page.url_path, sid)


def main_elements(app):
    """The page's elements in reading order."""

    def walk(node):
        children = getattr(node, "children", None)
        if children is not None and not hasattr(node, "value"):
            for key in sorted(children):
                yield from walk(children[key])
        else:
            yield node

    return list(walk(app.main))


@pytest.mark.parametrize("script", PAGES)
def test_a_first_screen_names_a_weak_source_only_as_reported_only_by_it(script):
    """Up to the page's second section: the title, the finding, the key numbers and the first section."""
    shown, headers = [], 0
    for element in main_elements(open_page(script)):
        headers += element.type == "header"
        if headers == 2:
            break
        if element.type in ("markdown", "caption", "title", "info", "warning"):
            shown.append(str(element.value))
    text = "\n".join(shown)
    for sid in weak_sources():
        name = re.escape(source_name(sid).replace(".", "\\."))
        for found in re.finditer(rf"\[?{name}\]?", text):
            before = text[max(0, found.start() - 18) : found.start()]
            weaker = "weaker sources: " in text[max(0, found.start() - 400) : found.start()]
            assert "reported only by" in before or weaker, (script, sid, text[max(0, found.start() - 80) : found.end()])


def test_the_timeline_holds_at_least_ten_cited_events_of_2026():
    timeline = data.load_timeline()
    events = timeline[timeline["date"].str.startswith("2026")]
    assert events["event_id"].nunique() >= 10
    assert events["source_id"].ne("").all() and events["evidence"].ne("").all()
    assert {"us-supreme-court", "us-section-122", "evisa-fee-waived", "su57-talks", "chabahar-mea"} <= set(
        events["event_id"]
    )


def test_every_followed_item_is_dated_and_the_weak_report_of_s400_stays_apart():
    followed = prepared.standings()
    assert set(followed) == set(data.load_tracked().index)
    for standing in followed.values():
        if standing.now is not None:
            assert standing.now.date_label and standing.now.source_id not in weak_sources()
        assert standing.search_note.endswith("6 Dec 2026")
    s400 = followed["s400"]
    assert s400.now.status.startswith("three of five") and s400.reported.status == "four of five squadrons delivered"
    assert followed["summit-24"].latest is None and followed["summit-24"].search_note.startswith("no report as of")
    assert next(iter(followed)) == "s400"  # newest news first: the weakly reported May 2026 delivery


def test_a_status_is_never_older_than_a_strongly_sourced_later_step():
    timeline, sources = data.load_timeline(), data.load_sources()
    for item_id, standing in prepared.standings().items():
        stated = status.history(timeline, item_id)
        stated = stated[(stated["status"] != "") & ~stated["source_id"].map(lambda c: status.weak(c, sources))]
        if standing.now is not None:
            assert standing.now.when == stated["when"].max(), item_id


def test_the_changes_feed_is_valid_atom_with_every_event_since_the_summit_dated_and_linked():
    timeline, sources = data.load_timeline(), data.load_sources()
    body = feed.changes_atom(timeline, sources, SITE)
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    since = status.since_summit(timeline)
    assert len(parsed.entries) == len(since) >= 20
    assert parsed.feed.title.startswith("India–Russia Partnership Explorer")
    assert any(link.rel == "self" and link.href == f"{SITE}/api/v1/changes.atom" for link in parsed.feed.links)
    ids = [entry.id for entry in parsed.entries]
    assert len(set(ids)) == len(ids)
    dates = [entry.updated for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True) and dates[-1] > "2025-12-05"
    for entry in parsed.entries:
        assert entry.title and entry.link.startswith("http") and "Source:" in entry.summary
    scotus = next(e for e in parsed.entries if "Supreme Court" in e.title)
    assert scotus.updated == "2026-02-20T00:00:00Z" and scotus.link.startswith("https://navhindtimes.in/")
    relos = next(e for e in parsed.entries if e.title.startswith("RELOS reported operational"))
    assert "reported only by Adda247" in relos.summary


def test_the_feed_escapes_what_it_quotes():
    timeline = data.load_timeline().copy()
    timeline.loc[timeline.index[-1], ["event", "date"]] = ["<script>alert(1)</script> & co", "2026-06-01"]
    timeline.loc[timeline.index[-1], "when"] = timeline.loc[timeline.index[-1], "date"]
    body = feed.changes_atom(timeline.assign(when=timeline["date"].astype("datetime64[ns]")), data.load_sources(), SITE)
    assert b"<script>" not in body and b"&lt;script&gt;" in body and feedparser.parse(body).bozo == 0


def test_agreement_tracker_and_overview_key_numbers_come_from_the_same_standings():
    shown = prepared.overview_page()
    assert shown.moved and all(line.startswith("**") for line in shown.moved)
    table = overview.expected_vs_outcome(data.load_table("agreements.csv"), prepared.standings())
    assert len(table) == len(data.load_table("agreements.csv"))
    assert shown.cards[0].label == "Total trade, FY2025-26 (provisional)"
