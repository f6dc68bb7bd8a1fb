"""Small Streamlit helpers shared by every page: citations, notices, chart blocks, formatting."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd
import streamlit as st

from components.data import DataError, load_sources, source_ids
from components.formatting import figure_phrase, md
from components.params import Parsed


def source_name(source_id: str) -> str:
    """A short name for a source: the seed file number or the publisher."""
    source = load_sources().loc[source_id]
    if source["kind"] == "seed article":
        publisher = "" if source["publisher"].startswith("not stated") else f", {source['publisher']}"
        return f"Seed article {source['seed_file'][:3]}{publisher}"
    return source["publisher"].split(";")[0]


def source_names(cell: str) -> str:
    """Short names for every source in a ``source_id`` cell."""
    return "; ".join(source_name(s) for s in source_ids(cell))


def source_markdown(cell: str, short: bool = False) -> str:
    """A Markdown citation for every source in a ``source_id`` cell, linked where possible.

    ``short`` gives the source's short name only, linked to its address where it has one.
    """
    sources = load_sources()
    parts = []
    for sid in source_ids(cell):
        s = sources.loc[sid]
        if short:
            name = md(source_name(sid))
            parts.append(f"[{name}]({s['url']})" if s["url"] else name)
            continue
        title = md(s["title"])
        dated = f", {md(s['date'])}" if s["date"] else ""
        if s["seed_file"]:
            parts.append(f"seed article *{title}* ({md(s['publisher'])}{dated}; file `{s['seed_file']}`)")
        else:
            parts.append(f"[{title}]({s['url']}) ({md(s['publisher'])}{dated})")
    return "; ".join(parts)


def figure_markdown(figure: pd.Series | tuple, with_note: bool = True) -> str:
    """A reported figure as its source words it, followed by the citation (and its note)."""
    row = figure._asdict() if hasattr(figure, "_asdict") else figure
    phrase = figure_phrase(row["value"], row["unit"], row["qualifier"], row["value_high"])
    note = f" — {md(row['note'])}" if with_note and row["note"] else ""
    return f"**{md(phrase)}** ({source_markdown(row['source_id'], short=True)}){note}"


def sourced(cell: str) -> str:
    """' (short citation)' for a statement, or nothing when the cell names no source."""
    return f" ({source_markdown(cell, short=True)})" if cell else ""


def cite(cell: str, prefix: str = "Source", short: bool = False) -> None:
    """Show the sources of a figure right under it."""
    st.caption(f"{prefix}: {source_markdown(cell, short)}")


def with_sources(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a readable ``source`` column beside its ``source_id`` column."""
    return table.assign(source=table["source_id"].map(source_names))


def show_chart(chart: alt.Chart, table: pd.DataFrame, file_stem: str, caption: str) -> None:
    """A chart, its caption, and a table view with a CSV download of the same data."""
    st.altair_chart(chart, width="stretch")
    st.caption(caption)
    table = with_sources(table)
    with st.expander("Table and CSV download"):
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button(
            "Download CSV",
            table.to_csv(index=False).encode("utf-8"),
            file_name=f"{file_stem}.csv",
            mime="text/csv",
            key=f"download-{file_stem}",
        )


def show_notices(parsed: Iterable[Parsed]) -> None:
    """One visible notice for each URL parameter that was ignored or adjusted."""
    for p in parsed:
        if p.status in ("invalid", "adjusted"):
            st.warning(f"Link parameter: {md(p.message)}", icon=":material/link_off:")


def stop_on_data_error(error: DataError) -> None:
    """Tell the reader which data file is broken, then stop this page only."""
    st.error(f"This page cannot be shown because a data file is damaged. {md(str(error))}")
    st.stop()
