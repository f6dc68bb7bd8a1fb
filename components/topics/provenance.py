"""Which figures cite each source, across every data table, and where dated sources disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from components.core.formatting import figure_phrase, iso_day_label
from components.core.i18n import mark, tr
from components.core.params import ChoiceParam
from components.core.schemas import source_ids

ALL_SOURCES = "all"

DESCRIBE = {
    "trade_annual.csv": "Exports, imports and total, FY{fiscal_year} ({status})",
    "scenario_bases.csv": "What-if base {base}: FY{fiscal_year} exports, imports, energy share",
    "trade_hs2.csv": "HS chapter values, {flow}, FY{fiscal_year}",
    "figures.csv": "{metric}, {period}: {phrase}",
    "trade_items.csv": "Named good ({flow}): {item}",
    "trade_targets.csv": "Target: {target}",
    "summit_facts.csv": "Summit fact: {fact}",
    "timeline.csv": "Event, {date}: {event}",
    "agreements.csv": "Agreement: {agreement}",
    "sipri_india_arms_imports.csv": "Arms deliveries to India in {delivery_year:.0f} (register rows)",
    "sipri_published_shares.csv": (
        "Russia's share of India's arms imports, {period_start:.0f}–{period_end:.0f} ({edition}): {russia_share_pct:g}%"
    ),
    "defence_platforms.csv": "Platform status: {platform}",
    "facts.csv": "{fact} ({item_id}): {value}",
    "route_nodes.csv": "Map point: {name} ({kind})",
    "routes.csv": "Route drawn: {route}, {branch}",
    "journeys.csv": "Journey {origin}–{destination} by {route} ({version})",
}
"""For each data file, what one of its rows states, in words: a template filled by ``describe``."""
ROLES = {"source_id": "", "expected_source_id": " (what was expected)", "set_source_id": " (when set)"}


def describe(file: str, row: dict) -> str:
    """What a row of a data file states, in words, for the Sources page."""
    words = {"route": str(row.get("route_id", "")).upper(), "date": iso_day_label(str(row.get("date", "")))}
    if file == "figures.csv":
        words["phrase"] = figure_phrase(row["value"], row["unit"], row["qualifier"], row["value_high"])
    return DESCRIBE[file].format_map(row | words)


def citations(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (source, file, figure): what each source is cited for, and where."""
    rows = []
    for name, table in tables.items():
        seen = set()
        for record in table.to_dict("records"):
            for column in (c for c in table.columns if c.endswith("source_id")):
                role = ROLES.get(column, " (status)")
                for sid in source_ids(record[column]):
                    figure = describe(name, record) + role
                    if (sid, figure) not in seen:
                        seen.add((sid, figure))
                        rows.append({"source_id": sid, "file": name, "figure": figure})
    return pd.DataFrame(rows, columns=["source_id", "file", "figure"])


def latest_date(source_cell: str, sources: pd.DataFrame) -> str:
    """The latest date among a cell's sources, '' when none is dated: what a status is known as of."""
    return max((sources.at[s, "date"] for s in source_ids(source_cell) if sources.at[s, "date"]), default="")


UNDATED = mark("source undated")
"""What a status says when none of its sources gives a date (in English; ``tr`` it for a reader's table)."""


def as_of(source_cell: str, sources: pd.DataFrame) -> str:
    """'as of 7 Feb 2026', from the status's own sources, or ``UNDATED``."""
    date = latest_date(source_cell, sources)
    return f"as of {iso_day_label(date)}" if date else UNDATED


def date_disagreements(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events that sources date differently, one row per version."""
    spread = timeline.groupby("event_id")["date"].transform("nunique")
    columns = ["event_id", "event", "date", "source_id", "note"]
    return timeline.loc[spread > 1, columns].sort_values(["event_id", "date"]).reset_index(drop=True)


def edition_revisions(published: pd.DataFrame) -> pd.DataFrame:
    """Periods for which SIPRI's editions published different shares, one row per edition."""
    spread = published.groupby(["period_start", "period_end"])["russia_share_pct"].transform("nunique")
    return published[spread > 1].sort_values(["period_start", "edition"]).reset_index(drop=True)


def source_param(sources: pd.DataFrame) -> ChoiceParam:
    """The Sources page's URL parameter: one source's id, or all of them."""
    publishers = (publisher.split(";")[0].split(" (")[0] for publisher in sources["publisher"])
    named = (f"{publisher}: {title}" for publisher, title in zip(publishers, sources["title"], strict=True))
    return ChoiceParam(
        "source",
        "Show the figures citing",
        (ALL_SOURCES, *sources.index),
        ALL_SOURCES,
        help="One source, to list every figure that cites it; or all of them.",
        words=(mark("All sources"), *(name if len(name) <= 90 else name[:89] + "…" for name in named)),
    )


def source_words(param: ChoiceParam) -> Callable[[str], str]:
    """How the source control names its options: 'All sources' in the reader's language, each source by its
    publisher and title as they are."""
    return lambda option: tr(param.word(option)) if option == ALL_SOURCES else param.word(option)
