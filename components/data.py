"""Load the project's CSV files, validate them on load, and look up their sources.

Every table except the catalogue has a ``source_id`` column naming one or more
ids of ``sources.csv`` (separated by ``;``). A file that breaks its schema raises
:class:`DataError` with a message naming the file, the line and the problem.
"""

from __future__ import annotations

import functools
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_PLAIN_CACHES: list = []


def cached(function=None, *, maxsize: int | None = None):
    """``functools.lru_cache`` (unbounded without ``maxsize``) for caches kept outside Streamlit's (the API's and the
    link previews', which serve requests that run no script), emptied by :func:`clear_all` with Streamlit's."""

    def decorate(inner):
        kept = functools.lru_cache(maxsize=maxsize)(inner)
        _PLAIN_CACHES.append(kept)
        return kept

    return decorate(function) if function is not None else decorate


def clear_all() -> None:
    """Empty every cache, so the next read sees the data files as they are now: Streamlit's (loaders and what pages
    prepare) and the plain ones (:func:`cached`)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    for kept in _PLAIN_CACHES:
        kept.cache_clear()


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
    return sources.assign(rank=sources["rank"].astype(int)).set_index("id", drop=False)


def data_version() -> str:
    """The data's version: the day its sources were last checked (ISO)."""
    return str(load_sources()["accessed"].max())


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
def load_tracked() -> pd.DataFrame:
    """The items whose statuses are followed, indexed by id, checked against the timeline that dates them and the
    agreements (every agreement is followed)."""
    tracked = check_unique(load_table("tracked.csv"), "item_id").set_index("item_id", drop=False)
    timeline, agreements = load_table("timeline.csv"), load_table("agreements.csv")
    for line, event in enumerate(timeline.itertuples(), start=2):
        unknown = [i for i in source_ids(event.item_id) if i not in tracked.index]
        if unknown:
            raise DataError(f"timeline.csv, line {line}: item '{unknown[0]}' is not in tracked.csv")
        if event.status and not event.item_id:
            raise DataError(f"timeline.csv, line {line}: a status needs the item_id it belongs to")
    untracked = [a for a in agreements["agreement_id"] if a not in tracked.index]
    if untracked:
        raise DataError(f"tracked.csv: agreement '{untracked[0]}' is not tracked")
    for line, agreement in enumerate(agreements.itertuples(), start=2):
        if agreement.signed and agreement.status in UNSIGNED:
            raise DataError(f"agreements.csv, line {line}: '{agreement.status}' comes before signing: no signing date")
    return tracked


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


@st.cache_resource(show_spinner=False)
def load_countries() -> dict:
    """Natural Earth 1:110m countries (world-atlas TopoJSON), shipped in data/; read once per server and shared
    read-only (a copy per run of this 100 kB structure cost more than the rest of the page)."""
    path = DATA_DIR / "world-atlas" / "countries-110m.json"
    try:
        topology = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise DataError("world-atlas/countries-110m.json: the file is missing from data/") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(f"world-atlas/countries-110m.json: not valid JSON ({error})") from None
    if not (
        isinstance(topology, dict)
        and topology.get("type") == "Topology"
        and isinstance(topology.get("objects"), dict)
        and isinstance(topology["objects"].get("countries"), dict)
        and isinstance(topology.get("arcs"), list)
    ):
        raise DataError("world-atlas/countries-110m.json: not a TopoJSON topology with a 'countries' object and arcs")
    return topology
