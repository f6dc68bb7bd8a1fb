"""What every data file must hold — its columns, their patterns, ranges and allowed values — and small lookups in
the tables once loaded. Pure: reading the files and caching them is ``components.store.data``'s work.

Every table except the catalogue has a ``source_id`` column naming one or more ids of ``sources.csv`` (separated by
``;``). A file that breaks its schema raises :class:`DataError` naming the file, the line and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.core.i18n import mark

SOURCE_KINDS = ("seed article", "official statistics", "database", "news", "official statement")
SOURCE_RANKS = {
    1: "official statistics or government document",
    2: "wire service or national paper of record",
    3: "named outlet",
    4: "aggregator, blog or unattributed page",
}
"""How strong a source is, strongest first: a figure's headline citation is its strongest source."""
WEAK = 4
"""The rank of a source that never heads a card, a first screen or a preview on its own."""
CONFIDENCE_LEVELS = ("verified", "verified (secondary)", "derived")
FIGURE_UNITS = (
    "US$ bn",
    "US$ mn",
    "%",
    mark("million tonnes"),
    mark("million barrels a day"),
    "count",
    mark("permits"),
    mark("workers"),
    mark("students"),
    mark("visas"),
    mark("seats"),
    mark("visitors"),
    mark("trips"),
    mark("flights a week"),
    mark("km"),
    mark("nautical miles"),
    mark("days"),
    "EUR bn",
)
CLAIMS = ("measured", "reported", "study", "estimate", "forecast", "official statement", "official promise")
DOMAINS = (
    mark("trade"),
    mark("defence"),
    mark("nuclear & space"),
    mark("mobility"),
    mark("connectivity"),
    mark("diplomacy"),
    mark("health & food"),
    mark("culture & media"),
)
AGREEMENT_STATUSES = (
    mark("expected"),
    mark("under negotiation"),
    mark("announced"),
    mark("signed"),
    mark("ratified by one side"),
    mark("ratified"),
    mark("in force"),
)
UNSIGNED = ("expected", "under negotiation", "announced")
"""Agreement statuses before any signing: a row with one of them has no signing date."""
DATE_PATTERN = r"(\d{4}(-\d{2}(-\d{2})?)?)?"


class DataError(Exception):
    """A data file is missing or breaks its schema."""


@dataclass(frozen=True)
class Column:
    """One column of a data file and the rule each of its cells must follow."""

    name: str
    kind: str = "text"  # "text" or "number"
    required: bool = True
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    pattern: str | None = None


ID_PATTERN = r"[a-z0-9-]+"
IDS_PATTERN = r"[a-z0-9-]+(;[a-z0-9-]+)*"
YES_NO = ("Yes", "No")
DAY_PATTERN = r"\d{4}-\d{2}-\d{2}"
SOURCE_ID = Column("source_id", pattern=IDS_PATTERN)
EVIDENCE = Column("evidence")
NOTE = Column("note", required=False)
CITED = (SOURCE_ID, EVIDENCE)
"""The two columns of every cited row: its sources' ids and the words the figure or fact rests on."""


def number(name: str, low: float, high: float, required: bool = True) -> Column:
    """A numeric column whose values must lie between ``low`` and ``high``."""
    return Column(name, "number", required=required, low=low, high=high)


def key(name: str) -> Column:
    """A row's identifier column: lower-case letters, digits and hyphens."""
    return Column(name, pattern=ID_PATTERN)


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "sources.csv": (
        key("id"),
        Column("title"),
        Column("publisher"),
        Column("date", required=False, pattern=DATE_PATTERN),
        Column("url", required=False, pattern=r"https?://\S+"),
        Column("seed_file", required=False, pattern=r"\d{3}_[0-9a-f]{16}\.txt"),
        Column("kind", choices=SOURCE_KINDS),
        Column("rank", choices=tuple(str(rank) for rank in SOURCE_RANKS)),
        Column("accessed", pattern=DAY_PATTERN),
        Column("note", required=False),
        Column("origin", required=False),  # where the project took it from (a fact sheet or file): not shown
    ),
    "trade_annual.csv": (
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        number("exports_usd_mn", 0, 1_000_000),
        number("imports_usd_mn", 0, 1_000_000),
        number("total_usd_mn", 0, 2_000_000),
        Column("status", choices=("final", "provisional")),
        SOURCE_ID,
    ),
    "trade_hs2.csv": (
        Column("flow", choices=("exports", "imports")),
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        Column("hs", pattern=r"\d{2}"),
        Column("chapter"),
        Column("short_name", required=False),
        number("value_usd_mn", 0, 1_000_000),
        SOURCE_ID,
    ),
    "figures.csv": (
        key("figure_id"),
        Column("domain", choices=("trade", "defence", "mobility", "connectivity", "summit")),
        Column("metric"),
        Column("period"),
        number("value", -1_000_000, 100_000_000),
        number("value_high", -1_000_000, 100_000_000, required=False),
        Column("unit", choices=FIGURE_UNITS),
        Column(
            "qualifier",
            required=False,
            choices=(
                mark("nearly"),
                mark("roughly"),
                mark("around"),
                mark("about"),
                mark("just over"),
                mark("more than"),
                mark("fewer than"),
                mark("as many as"),
                mark("up to"),
            ),
        ),
        *CITED,
        Column("confidence", choices=CONFIDENCE_LEVELS),
        Column("note", required=False),
        number("year", 1990, 2035, required=False),
        Column("claim", required=False, choices=CLAIMS),
    ),
    "trade_items.csv": (
        Column("item"),
        Column("flow", choices=("exports", "imports")),
        Column("hs", required=False, pattern=r"\d{2}(;\d{2})*"),
        *CITED,
        NOTE,
    ),
    "summit_facts.csv": (
        key("fact_id"),
        Column("topic"),
        Column("fact"),
        *CITED,
    ),
    "timeline.csv": (
        key("event_id"),
        Column("date", pattern=DAY_PATTERN),
        Column("precision", choices=("day", "month", "year")),
        Column("event"),
        Column("domain", choices=DOMAINS),
        Column("item_id", required=False, pattern=IDS_PATTERN),  # the tracked items (tracked.csv) the event moves
        Column("status", required=False),  # the item's status after the event, where it changes it
        *CITED,
        NOTE,
    ),
    "agreements.csv": (
        key("agreement_id"),
        Column("agreement"),
        Column("domain", choices=DOMAINS),
        Column("parties"),
        Column("status", choices=AGREEMENT_STATUSES),
        Column("signed", required=False, pattern=DAY_PATTERN),
        Column("what_it_does"),
        Column("expected", required=False),
        Column("expected_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("expected_evidence", required=False),
        *CITED,
        NOTE,
    ),
    "sipri_india_arms_imports.csv": (
        Column("deal_id", pattern=r"\d+"),
        Column("supplier"),
        Column("recipient", choices=("India",)),
        Column("designation"),
        Column("description"),
        Column("category"),
        number("order_year", 1950, 2030),
        Column("order_year_is_estimate", choices=YES_NO),
        number("numbers_delivered", 0, 1_000_000),
        Column("numbers_delivered_is_estimate", choices=YES_NO),
        number("delivery_year", 1950, 2030),
        Column("delivery_year_is_estimate", choices=YES_NO),
        Column("status"),
        number("sipri_estimate", 0, 100_000),
        number("tiv_deal_unit", 0, 100_000),
        number("tiv_delivered", 0, 100_000),
        Column("local_production", choices=YES_NO),
        SOURCE_ID,
    ),
    "sipri_published_shares.csv": (
        number("period_start", 1950, 2030),
        number("period_end", 1950, 2030),
        number("russia_share_pct", 0, 100),
        Column("edition"),
        *CITED,
        NOTE,
    ),
    "defence_platforms.csv": (
        key("platform_id"),
        Column("platform"),
        Column("short_name", pattern=r"[A-Za-z0-9-]+"),
        Column("category"),
        Column("how_made"),
        Column("status"),
        *CITED,
    ),
    "facts.csv": (
        key("item_id"),
        Column("fact"),
        Column("value"),
        *CITED,
        NOTE,
    ),
    "route_nodes.csv": (
        key("node_id"),
        Column("name"),
        number("lat", -90, 90),
        number("lon", -180, 180),
        Column("kind", choices=("port or city", "drawing point")),
        *CITED,
        NOTE,
    ),
    "routes.csv": (
        Column("route_id", choices=("instc", "emc", "nsr", "suez")),
        Column("branch"),
        number("seq", 1, 100),
        key("node_id"),
        Column("mode"),
        *CITED,
    ),
    "journeys.csv": (
        key("journey_id"),
        Column("version"),
        Column("route_id", choices=("instc", "emc", "nsr", "suez")),
        key("origin"),
        key("destination"),
        number("distance_km", 1, 40_000, required=False),
        number("days_low", 1, 120, required=False),
        number("days_high", 1, 120, required=False),
        *CITED,
        Column("claim", choices=CLAIMS),
        Column("note", required=False),
    ),
    "tracked.csv": (
        key("item_id"),
        Column("item"),
        Column("domain", choices=DOMAINS),
        Column("searched", pattern=DAY_PATTERN),  # the day stored public reporting was last searched for its news
    ),
    "scenario_bases.csv": (
        Column("base", pattern=r"\d{4}-\d{2}(\.r\d+)?"),
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        Column("status", choices=("final", "provisional")),
        number("exports_usd_mn", 0, 1_000_000),
        number("imports_usd_mn", 0, 1_000_000),
        number("energy_imports_usd_mn", 0, 1_000_000),
        number("hs_imports_total_usd_mn", 0, 1_000_000),
        Column("superseded_by", required=False, pattern=r"\d{4}-\d{2}(\.r\d+)?"),
        SOURCE_ID,
        Column("note", required=False),
    ),
    "trade_targets.csv": (
        key("target_id"),
        Column("target"),
        number("goal", 0, 1_000_000, required=False),
        Column("unit", required=False, choices=FIGURE_UNITS),
        Column("deadline", required=False, pattern=r"\d{4}"),
        *CITED,
        Column("set_at", required=False),
        Column("set_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("set_evidence", required=False),
        Column("status", required=False),  # empty for a target tracked in tracked.csv: its status is its history's
        Column("status_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("status_evidence", required=False),
        Column("progress_figure_ids", required=False, pattern=SOURCE_ID.pattern),
        Column("note", required=False),
    ),
}


UNCITED_TABLES = ("sources.csv", "tracked.csv")
"""The catalogue, and the list of items whose statuses are followed (their statuses are dated, cited events)."""
CITING_TABLES = tuple(name for name in SCHEMAS if name not in UNCITED_TABLES)
"""Every table whose rows cite sources."""


def check_unique(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """The table, or DataError naming its file and the first value of ``column`` that repeats."""
    duplicated = table[column][table[column].duplicated()]
    if not duplicated.empty:
        raise DataError(f"{table.attrs['file']}: duplicate {column} '{duplicated.iloc[0]}'")
    return table


def source_ids(cell: str) -> list[str]:
    """Split a ``source_id`` cell into its catalogue ids."""
    return [s for s in cell.split(";") if s]


def rows(table: pd.DataFrame, column: str, keys: list[str]) -> pd.DataFrame:
    """The rows whose ``column`` holds each key, in that order; DataError naming the file if one is absent."""
    values = table[column].tolist()
    absent = [key for key in keys if key not in values]
    if absent:
        raise DataError(
            f"{table.attrs.get('file', 'a data file')}: no row has {column} '{absent[0]}', which this page needs"
        )
    return table.iloc[[values.index(key) for key in keys]]


def row(table: pd.DataFrame, column: str, key: str) -> pd.Series:
    """The one row whose ``column`` holds ``key``; DataError naming the file if it is absent."""
    return rows(table, column, [key]).iloc[0]


def figure(figures: pd.DataFrame, figure_id: str) -> pd.Series:
    """One row of figures.csv; DataError if the file lacks it."""
    return row(figures, "figure_id", figure_id)
