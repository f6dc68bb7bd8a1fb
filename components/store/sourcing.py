"""Who said each figure: the reader's citations of every source, built once per server from the catalogue
(``sources.csv``) and kept in Streamlit's resource cache (read-only)."""

from __future__ import annotations

import re

import pandas as pd

from components.core.formatting import figure_phrase, iso_day_label, md
from components.core.schemas import source_ids
from components.store.data import load_sources, load_table, per_language
from components.topics import status


@per_language(show_spinner=False)
def _citations() -> dict[str, tuple[str, str, str]]:
    """For each source id: its short name, short Markdown citation and full Markdown citation, built once.

    A seed article is named by its publisher like any other source; where its publisher is unknown, the
    name says so. Internal file names never reach the reader.
    """
    citations = {}
    for sid, s in load_sources().iterrows():
        name = s["publisher"].split(";")[0]
        if acronym := re.search(r"\(([A-Z]{3,})\)$", name):  # 'Ministry of … (TRADESTAT)' is TRADESTAT
            name = acronym.group(1)
        if s["kind"] == "seed article":  # the outlet, without where its copy was found
            name = name.split(" (")[0] if s["url"] else "Unattributed explainer (publisher unknown)"
        short = f"[{md(name)}]({s['url']})" if s["url"] else md(name)
        title, dated = md(s["title"]), f", {md(iso_day_label(s['date']))}" if s["date"] else ""
        if s["url"]:
            full = f"[{title}]({s['url']}) ({md(s['publisher'])}{dated})"
        else:
            full = f"*{title}* ({md(s['publisher'])}; original publication not found)"
        citations[sid] = (name, short, full)
    return citations


def source_name(source_id: str) -> str:
    """A short name for a source: its publisher."""
    return _citations()[source_id][0]


def source_names(cell: str) -> str:
    """Short names for every source in a ``source_id`` cell, each once."""
    return "; ".join(dict.fromkeys(source_name(s) for s in source_ids(cell)))


def source_markdown(cell: str, short: bool = False) -> str:
    """A Markdown citation for every source in a ``source_id`` cell, strongest first, linked where possible; a
    statement only weak sources make says it is 'reported only by' them, and weak sources beside strong ones are
    named as weaker sources.

    ``short`` gives the source's short name only, linked to its address where it has one. Built once per server
    for each cell (cells come from the data files, never from a link; read-only).
    """
    return _source_markdown(cell, short)


@per_language(show_spinner=False)
def _source_markdown(cell: str, short: bool) -> str:
    citations, sources = _citations(), load_sources()
    ids = source_ids(status.strongest_first(cell, sources))
    strong = [citations[s][1 if short else 2] for s in ids if not status.weak(s, sources)]
    weak = [citations[s][1 if short else 2] for s in ids if status.weak(s, sources)]
    if not strong:
        return "reported only by " + "; ".join(weak)
    return "; ".join(strong) + (f"; weaker sources: {'; '.join(weak)}" if weak else "")


def figure_markdown(figure: pd.Series | tuple, with_note: bool = True) -> str:
    """A reported figure as its source words it, followed by the citation (and its note)."""
    row = figure._asdict() if hasattr(figure, "_asdict") else figure
    phrase = figure_phrase(row["value"], row["unit"], row["qualifier"], row["value_high"])
    note = f" — {md(row['note'].rstrip('.'))}" if with_note and row["note"] else ""  # a clause: lists join with ';'
    return f"**{md(phrase)}** ({source_markdown(row['source_id'], short=True)}){note}"


@per_language(show_spinner=False)
def _fact_markdown() -> dict[str, str]:
    """Every item's facts as Markdown bullets, built once per server from facts.csv (read-only)."""
    facts = load_table("facts.csv")
    bullets = {}
    for item_id, rows in facts.groupby("item_id", sort=False):
        disputed = set(rows.loc[rows.groupby("fact")["value"].transform("nunique") > 1, "fact"])
        bullets[item_id] = "\n".join(
            f"- **{md(row.fact)}:** {md(row.value)}{' *(sources differ)*' if row.fact in disputed else ''} "
            f"({source_markdown(row.source_id, short=True)}){f' — {md(row.note)}' if row.note else ''}"
            for row in rows.itertuples()
        )
    return bullets


def fact_lines(*item_ids: str) -> str:
    """Items' facts as Markdown bullets, each with its source and note; a fact sources give differently is marked.

    The page must have loaded facts.csv first (inside its ``try``), so a damaged file stops it with a message.
    """
    bullets = _fact_markdown()
    return "\n".join(bullets[item_id] for item_id in item_ids if item_id in bullets)


def sourced(cell: str) -> str:
    """' (short citation)' for a statement, or nothing when the cell names no source."""
    return f" ({source_markdown(cell, short=True)})" if cell else ""


def with_sources(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a readable ``source`` column beside its ``source_id`` column."""
    names = {cell: source_names(cell) for cell in table["source_id"].unique()}
    return table.assign(source=table["source_id"].map(names))
