"""Which figures cite each source, across every data table, and where dated sources disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from components.data import source_ids
from components.formatting import figure_phrase
from components.params import ChoiceParam

ALL_SOURCES = "all"

DESCRIBE: dict[str, Callable[[dict], str]] = {
    "trade_annual.csv": lambda r: f"Exports, imports and total, FY{r['fiscal_year']} ({r['status']})",
    "scenario_bases.csv": lambda r: f"What-if base {r['base']}: FY{r['fiscal_year']} exports, imports, energy share",
    "trade_hs2.csv": lambda r: f"{r['flow'].title()} by HS chapter, FY{r['fiscal_year']}",
    "figures.csv": lambda r: (
        f"{r['metric']}, {r['period']}: {figure_phrase(r['value'], r['unit'], r['qualifier'], r['value_high'])}"
    ),
    "trade_items.csv": lambda r: f"Named good ({r['flow']}): {r['item']}",
    "trade_targets.csv": lambda r: f"Target: {r['target']}",
    "summit_facts.csv": lambda r: f"Summit fact: {r['fact']}",
    "timeline.csv": lambda r: f"Event, {r['date']}: {r['event']}",
    "agreements.csv": lambda r: f"Agreement: {r['agreement']}",
    "sipri_india_arms_imports.csv": lambda r: f"Arms deliveries to India in {r['delivery_year']:.0f} (register rows)",
    "sipri_published_shares.csv": lambda r: (
        f"Russia's share of India's arms imports, {r['period_start']:.0f}–{r['period_end']:.0f} "
        f"({r['edition']}): {r['russia_share_pct']:g}%"
    ),
    "defence_platforms.csv": lambda r: f"Platform status: {r['platform']}",
    "facts.csv": lambda r: f"{r['fact']} ({r['item_id']}): {r['value']}",
    "route_nodes.csv": lambda r: f"Map point: {r['name']} ({r['kind']})",
    "routes.csv": lambda r: f"Route drawn: {r['route_id'].upper()}, {r['branch']}",
    "journeys.csv": lambda r: f"Journey {r['origin']}–{r['destination']} by {r['route_id'].upper()} ({r['version']})",
}
ROLES = {"source_id": "", "expected_source_id": " (what was expected)", "set_source_id": " (when set)"}


def citations(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (source, file, figure): what each source is cited for, and where."""
    rows = []
    for name, table in tables.items():
        describe = DESCRIBE[name]
        seen = set()
        for record in table.to_dict("records"):
            for column in (c for c in table.columns if c.endswith("source_id")):
                role = ROLES.get(column, " (status)")
                for sid in source_ids(record[column]):
                    figure = describe(record) + role
                    if (sid, figure) not in seen:
                        seen.add((sid, figure))
                        rows.append({"source_id": sid, "file": name, "figure": figure})
    return pd.DataFrame(rows, columns=["source_id", "file", "figure"])


def latest_date(source_cell: str, sources: pd.DataFrame) -> str:
    """The latest date among a cell's sources, '' when none is dated: what a status is known as of."""
    return max((sources.at[s, "date"] for s in source_ids(source_cell) if sources.at[s, "date"]), default="")


UNDATED = "source undated"
"""What a status says when none of its sources gives a date."""


def as_of(source_cell: str, sources: pd.DataFrame) -> str:
    """'as of 2026-02-07', from the status's own sources, or ``UNDATED``."""
    date = latest_date(source_cell, sources)
    return f"as of {date}" if date else UNDATED


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
    return ChoiceParam(
        "source", "Show the figures citing", (ALL_SOURCES, *sources.index), ALL_SOURCES, help="A source id, or all."
    )
