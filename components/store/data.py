"""Read the project's data files, check each against its schema (``components.core.schemas``) on load, and keep
every cache: Streamlit's for the loaders and what pages prepare, :func:`cached` for the rest, :func:`clear_all` for
all of them."""

from __future__ import annotations

import functools
import io
import json
import math
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from components.core import i18n
from components.core.schemas import SCHEMAS, UNSIGNED, Column, DataError, check_unique, source_ids

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_PLAIN_CACHES: list = []


def cached(function=None, *, maxsize: int | None = None):
    """``functools.lru_cache`` (unbounded without ``maxsize``) for caches kept outside Streamlit's (the API's and the
    link previews', which serve requests that run no script), keyed by the reader's language as well as the
    arguments, emptied by :func:`clear_all` with Streamlit's."""

    def decorate(inner):
        kept = functools.lru_cache(maxsize=maxsize)(lambda language, *args: inner(*args))
        _PLAIN_CACHES.append(kept)

        @functools.wraps(inner)
        def in_language(*args):
            return kept(i18n.current(), *args)

        return in_language

    return decorate(function) if function is not None else decorate


def per_language(**settings):
    """``st.cache_resource`` with ``settings``, keyed by the reader's language as well as the arguments: for what a
    page prepares in words (one copy per language, each shared by every session and read-only)."""

    def decorate(inner):
        @functools.wraps(inner)  # Streamlit tells caches apart by the function's name and source: ``inner``'s
        def in_language(language: str, *args, **kwargs):  # named without '_': Streamlit hashes it
            return inner(*args, **kwargs)

        kept = st.cache_resource(**settings)(in_language)

        @functools.wraps(inner)
        def call(*args, **kwargs):
            return kept(i18n.current(), *args, **kwargs)

        return call

    return decorate


def clear_all() -> None:
    """Empty every cache, so the next read sees the data files as they are now: Streamlit's (loaders and what pages
    prepare) and the plain ones (:func:`cached`)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    for kept in _PLAIN_CACHES:
        kept.cache_clear()


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
