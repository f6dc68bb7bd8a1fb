"""Load the project's CSV files, validate them on load, and look up their sources.

Every table except the catalogue has a ``source_id`` column naming one or more
ids of ``sources.csv`` (separated by ``;``). A file that breaks its schema raises
:class:`DataError` with a message naming the file, the line and the problem.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SOURCE_KINDS = ("seed article", "official statistics", "database", "news", "official statement")
CONFIDENCE_LEVELS = ("verified", "verified (secondary)", "derived")
FIGURE_UNITS = (
    "US$ bn",
    "US$ mn",
    "%",
    "million tonnes",
    "million barrels a day",
    "count",
    "permits",
    "workers",
    "students",
    "visas",
    "seats",
    "visitors",
    "trips",
    "flights a week",
    "km",
    "nautical miles",
    "days",
    "EUR bn",
)
CLAIMS = ("measured", "reported", "study", "estimate", "forecast", "official statement", "official promise")
DOMAINS = (
    "trade",
    "defence",
    "nuclear & space",
    "mobility",
    "connectivity",
    "diplomacy",
    "health & food",
    "culture & media",
)
AGREEMENT_STATUSES = (
    "expected",
    "under negotiation",
    "announced",
    "signed",
    "ratified by one side",
    "ratified",
    "in force",
)
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


SOURCE_ID = Column("source_id", pattern=r"[a-z0-9-]+(;[a-z0-9-]+)*")
EVIDENCE = Column("evidence")

SCHEMAS: dict[str, tuple[Column, ...]] = {
    "sources.csv": (
        Column("id", pattern=r"[a-z0-9-]+"),
        Column("title"),
        Column("publisher"),
        Column("date", required=False, pattern=DATE_PATTERN),
        Column("url", required=False, pattern=r"https?://\S+"),
        Column("seed_file", required=False, pattern=r"\d{3}_[0-9a-f]{16}\.txt"),
        Column("kind", choices=SOURCE_KINDS),
        Column("accessed", pattern=r"\d{4}-\d{2}-\d{2}"),
        Column("note", required=False),
    ),
    "trade_annual.csv": (
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        Column("exports_usd_mn", "number", low=0, high=1_000_000),
        Column("imports_usd_mn", "number", low=0, high=1_000_000),
        Column("total_usd_mn", "number", low=0, high=2_000_000),
        Column("status", choices=("final", "provisional")),
        SOURCE_ID,
    ),
    "trade_hs2.csv": (
        Column("flow", choices=("exports", "imports")),
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        Column("hs", pattern=r"\d{2}"),
        Column("chapter"),
        Column("short_name", required=False),
        Column("value_usd_mn", "number", low=0, high=1_000_000),
        SOURCE_ID,
    ),
    "figures.csv": (
        Column("figure_id", pattern=r"[a-z0-9-]+"),
        Column("domain", choices=("trade", "defence", "mobility", "connectivity", "summit")),
        Column("metric"),
        Column("period"),
        Column("value", "number", low=-1_000_000, high=100_000_000),
        Column("value_high", "number", required=False, low=-1_000_000, high=100_000_000),
        Column("unit", choices=FIGURE_UNITS),
        Column(
            "qualifier",
            required=False,
            choices=(
                "nearly",
                "roughly",
                "around",
                "about",
                "just over",
                "more than",
                "fewer than",
                "as many as",
                "up to",
            ),
        ),
        SOURCE_ID,
        EVIDENCE,
        Column("confidence", choices=CONFIDENCE_LEVELS),
        Column("note", required=False),
        Column("year", "number", required=False, low=1990, high=2035),
        Column("claim", required=False, choices=CLAIMS),
    ),
    "trade_items.csv": (
        Column("item"),
        Column("flow", choices=("exports", "imports")),
        Column("hs", required=False, pattern=r"\d{2}(;\d{2})*"),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "summit_facts.csv": (
        Column("fact_id", pattern=r"[a-z0-9-]+"),
        Column("topic"),
        Column("fact"),
        SOURCE_ID,
        EVIDENCE,
    ),
    "timeline.csv": (
        Column("event_id", pattern=r"[a-z0-9-]+"),
        Column("date", pattern=r"\d{4}-\d{2}-\d{2}"),
        Column("precision", choices=("day", "month", "year")),
        Column("event"),
        Column("domain", choices=DOMAINS),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "agreements.csv": (
        Column("agreement_id", pattern=r"[a-z0-9-]+"),
        Column("agreement"),
        Column("domain", choices=DOMAINS),
        Column("parties"),
        Column("status", choices=AGREEMENT_STATUSES),
        Column("signed", required=False, pattern=r"\d{4}-\d{2}-\d{2}"),
        Column("steps", required=False, pattern=r"[a-z0-9-]+(;[a-z0-9-]+)*"),  # timeline event ids
        Column("what_it_does"),
        Column("expected", required=False),
        Column("expected_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("expected_evidence", required=False),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "sipri_india_arms_imports.csv": (
        Column("deal_id", pattern=r"\d+"),
        Column("supplier"),
        Column("recipient", choices=("India",)),
        Column("designation"),
        Column("description"),
        Column("category"),
        Column("order_year", "number", low=1950, high=2030),
        Column("order_year_is_estimate", choices=("Yes", "No")),
        Column("numbers_delivered", "number", low=0, high=1_000_000),
        Column("numbers_delivered_is_estimate", choices=("Yes", "No")),
        Column("delivery_year", "number", low=1950, high=2030),
        Column("delivery_year_is_estimate", choices=("Yes", "No")),
        Column("status"),
        Column("sipri_estimate", "number", low=0, high=100_000),
        Column("tiv_deal_unit", "number", low=0, high=100_000),
        Column("tiv_delivered", "number", low=0, high=100_000),
        Column("local_production", choices=("Yes", "No")),
        SOURCE_ID,
    ),
    "sipri_published_shares.csv": (
        Column("period_start", "number", low=1950, high=2030),
        Column("period_end", "number", low=1950, high=2030),
        Column("russia_share_pct", "number", low=0, high=100),
        Column("edition"),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "defence_platforms.csv": (
        Column("platform_id", pattern=r"[a-z0-9-]+"),
        Column("platform"),
        Column("short_name", pattern=r"[A-Za-z0-9-]+"),
        Column("category"),
        Column("how_made"),
        Column("status"),
        SOURCE_ID,
        EVIDENCE,
    ),
    "facts.csv": (
        Column("item_id", pattern=r"[a-z0-9-]+"),
        Column("fact"),
        Column("value"),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "route_nodes.csv": (
        Column("node_id", pattern=r"[a-z0-9-]+"),
        Column("name"),
        Column("lat", "number", low=-90, high=90),
        Column("lon", "number", low=-180, high=180),
        Column("kind", choices=("port or city", "drawing point")),
        SOURCE_ID,
        EVIDENCE,
        Column("note", required=False),
    ),
    "routes.csv": (
        Column("route_id", choices=("instc", "emc", "nsr", "suez")),
        Column("branch"),
        Column("seq", "number", low=1, high=100),
        Column("node_id", pattern=r"[a-z0-9-]+"),
        Column("mode"),
        SOURCE_ID,
        EVIDENCE,
    ),
    "journeys.csv": (
        Column("journey_id", pattern=r"[a-z0-9-]+"),
        Column("version"),
        Column("route_id", choices=("instc", "emc", "nsr", "suez")),
        Column("origin", pattern=r"[a-z0-9-]+"),
        Column("destination", pattern=r"[a-z0-9-]+"),
        Column("distance_km", "number", required=False, low=1, high=40_000),
        Column("days_low", "number", required=False, low=1, high=120),
        Column("days_high", "number", required=False, low=1, high=120),
        SOURCE_ID,
        EVIDENCE,
        Column("claim", choices=CLAIMS),
        Column("note", required=False),
    ),
    "scenario_bases.csv": (
        Column("base", pattern=r"\d{4}-\d{2}(\.r\d+)?"),
        Column("fiscal_year", pattern=r"\d{4}-\d{2}"),
        Column("status", choices=("final", "provisional")),
        Column("exports_usd_mn", "number", low=0, high=1_000_000),
        Column("imports_usd_mn", "number", low=0, high=1_000_000),
        Column("energy_imports_usd_mn", "number", low=0, high=1_000_000),
        Column("hs_imports_total_usd_mn", "number", low=0, high=1_000_000),
        Column("superseded_by", required=False, pattern=r"\d{4}-\d{2}(\.r\d+)?"),
        SOURCE_ID,
        Column("note", required=False),
    ),
    "trade_targets.csv": (
        Column("target_id", pattern=r"[a-z0-9-]+"),
        Column("target"),
        Column("goal", "number", required=False, low=0, high=1_000_000),
        Column("unit", required=False, choices=FIGURE_UNITS),
        Column("deadline", required=False, pattern=r"\d{4}"),
        SOURCE_ID,
        EVIDENCE,
        Column("set_at", required=False),
        Column("set_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("set_evidence", required=False),
        Column("status"),
        Column("status_source_id", required=False, pattern=SOURCE_ID.pattern),
        Column("status_evidence", required=False),
        Column("progress_figure_ids", required=False, pattern=SOURCE_ID.pattern),
        Column("note", required=False),
    ),
}


CITING_TABLES = tuple(name for name in SCHEMAS if name != "sources.csv")
"""Every table whose rows cite sources."""


def _check_cell(file: str, line: int, column: Column, cell: str) -> float | str | None:
    """Return the cell's value, or raise DataError naming file, line and problem."""
    where = f"{file}, line {line}, column '{column.name}'"
    if cell == "":
        if column.required:
            raise DataError(f"{where}: value is missing")
        return math.nan if column.kind == "number" else ""
    if column.kind == "number":
        try:
            number = float(cell)
        except ValueError:
            raise DataError(f"{where}: '{cell}' is not a number") from None
        if not math.isfinite(number):
            raise DataError(f"{where}: '{cell}' is not a finite number")
        if (column.low is not None and number < column.low) or (column.high is not None and number > column.high):
            raise DataError(f"{where}: {cell} is outside the allowed range {column.low:g} to {column.high:g}")
        return number
    if column.choices and cell not in column.choices:
        if column.name == "confidence" and cell == "recalled":
            raise DataError(f"{where}: a 'recalled' figure is not verified and cannot be shown as fact")
        raise DataError(f"{where}: '{cell}' is not one of {', '.join(column.choices)}")
    if column.pattern and not re.fullmatch(column.pattern, cell):
        raise DataError(f"{where}: '{cell}' is not in the expected form")
    return cell


def read_table(name: str, known_source_ids: frozenset[str] | None = None) -> pd.DataFrame:
    """Read ``data/<name>`` and validate every cell against its schema."""
    path = DATA_DIR / name
    columns = SCHEMAS[name]
    try:
        text = path.read_bytes()
        if text and not text.endswith(b"\n"):  # checked first: a cut inside a quoted cell also breaks parsing
            raise DataError(f"{name}: the file ends in the middle of a line; it may be truncated")
        raw = pd.read_csv(io.BytesIO(text), dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataError(f"{name}: the file is missing from data/") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DataError(f"{name}: the file cannot be read as CSV ({exc})") from None
    expected = [c.name for c in columns]
    missing = [c for c in expected if c not in raw.columns]
    if missing:
        raise DataError(f"{name}: column(s) missing: {', '.join(missing)}")
    if raw.empty:
        raise DataError(f"{name}: the file has no rows")
    records = []
    for index, row in enumerate(raw.to_dict("records")):
        line = index + 2  # the header is line 1
        record = {c.name: _check_cell(name, line, c, row[c.name].strip()) for c in columns}
        for column in [c for c in record if c.endswith("source_id")] if known_source_ids is not None else ():
            unknown = [s for s in source_ids(record[column]) if s not in known_source_ids]
            if unknown:
                raise DataError(
                    f"{name}, line {line}, column '{column}': source id(s) {', '.join(unknown)} not in sources.csv"
                )
        records.append(record)
    table = pd.DataFrame.from_records(records, columns=expected)
    table.attrs["file"] = name
    return table


def check_unique(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """The table, or DataError naming its file and the first value of ``column`` that repeats."""
    duplicated = table[column][table[column].duplicated()]
    if not duplicated.empty:
        raise DataError(f"{table.attrs['file']}: duplicate {column} '{duplicated.iloc[0]}'")
    return table


@st.cache_data(show_spinner=False)
def load_sources() -> pd.DataFrame:
    """The source catalogue, indexed by id."""
    sources = check_unique(read_table("sources.csv"), "id")
    for line, row in enumerate(sources.itertuples(), start=2):
        if not row.url and not row.seed_file:
            raise DataError(f"sources.csv, line {line}: a source needs a url or a seed_file")
    return sources.set_index("id", drop=False)


@st.cache_data(show_spinner=False)
def load_table(name: str) -> pd.DataFrame:
    """A validated data table whose source ids all exist in the catalogue."""
    return read_table(name, frozenset(load_sources().index))


@st.cache_data(show_spinner=False)
def load_timeline() -> pd.DataFrame:
    """Dated events, with ``when`` as a timestamp, in date order."""
    timeline = load_table("timeline.csv")
    return timeline.assign(when=pd.to_datetime(timeline["date"])).sort_values("when", kind="stable")


@st.cache_data(show_spinner=False)
def load_trade_annual() -> pd.DataFrame:
    """The official annual series, with each total checked against its parts."""
    annual = load_table("trade_annual.csv")
    for line, row in enumerate(annual.itertuples(), start=2):
        if abs(row.exports_usd_mn + row.imports_usd_mn - row.total_usd_mn) > 0.05:
            raise DataError(f"trade_annual.csv, line {line}: total_usd_mn is not exports + imports")
    starts = annual["fiscal_year"].str[:4].astype(int)
    if not starts.diff().iloc[1:].eq(1).all():
        raise DataError("trade_annual.csv: fiscal years are not consecutive and in order")
    return annual


@st.cache_data(show_spinner=False)
def load_scenario_bases() -> pd.DataFrame:
    """The what-if's base years, each frozen as links made from it computed it, in order; checked for links."""
    bases = check_unique(load_table("scenario_bases.csv"), "base")
    for line, row in enumerate(bases.itertuples(), start=2):
        if row.superseded_by and row.superseded_by not in set(bases["base"]):
            raise DataError(f"scenario_bases.csv, line {line}: superseded_by '{row.superseded_by}' is not a base")
        if not 0 < row.energy_imports_usd_mn <= row.hs_imports_total_usd_mn:
            raise DataError(f"scenario_bases.csv, line {line}: energy imports must be part of all imports")
    return bases


@st.cache_data(show_spinner=False)
def load_figures() -> pd.DataFrame:
    """Every reported figure, indexed by figure id."""
    figures = check_unique(load_table("figures.csv"), "figure_id")
    return figures.set_index("figure_id", drop=False)


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
