"""Sources page: the catalogue, what each source is cited for, and where sources disagree."""

import pandas as pd
import streamlit as st

from components import defence, pages, trade, url_state
from components.data import (
    CITING_TABLES,
    DataError,
    load_figures,
    load_sources,
    load_table,
    load_timeline,
    load_trade_annual,
)
from components.params import query_of
from components.provenance import ALL_SOURCES, citations, date_disagreements, edition_revisions
from components.ui import (
    show_notices,
    source_markdown,
    stop_on_data_error,
    table_with_download,
    url_widget,
    with_sources,
)


@st.cache_resource(show_spinner=False)
def prepared() -> dict[str, pd.DataFrame]:
    """The page's tables, each with its sources named, built once per server from every data file; read-only."""
    sources = load_sources()
    cited = citations({name: load_table(name) for name in CITING_TABLES})
    counts = cited.groupby("source_id").size()
    tables = {
        "sources": sources.drop(columns="seed_file").assign(
            figures_citing=sources["id"].map(counts).fillna(0).astype(int)
        ),
        "citations": cited,
        "disagreements": trade.disagreements(load_figures(), load_trade_annual()),
        "date_disagreements": date_disagreements(load_timeline()),
        "defence_disagreements": defence.versions(load_table("facts.csv")),
        "sipri_revisions": edition_revisions(load_table("sipri_published_shares.csv")),
    }
    return {name: with_sources(table) if "source_id" in table else table for name, table in tables.items()}


try:
    tables = prepared()
except DataError as error:
    stop_on_data_error(error)


params, parsed = url_state.read(pages.SOURCES, query_of(st.query_params))

st.title("Sources")
st.markdown(
    "Every figure in this explainer comes from a row of a data file that names its source. These are the "
    "sources, what each is cited for, and every figure on which they disagree. The five **seed articles** "
    "are the news reports the explainer started from; each is cited by its outlet, headline and date, with a "
    "link to a public copy of the same text. The original publication of one explainer could not be found, and "
    "its citation says so."
)
show_notices(parsed.values())

catalogue = tables["sources"]
st.header(f"The catalogue: {len(catalogue)} sources")
table_with_download(
    catalogue,
    "sources",
    column_config={
        "url": st.column_config.LinkColumn("Link"),
        "figures_citing": st.column_config.NumberColumn("Figures citing it"),
    },
)

st.header("What each source is cited for")
chosen = url_widget(params["source"])
cited = tables["citations"]
if chosen != ALL_SOURCES:
    st.markdown(f"**{chosen}**: {source_markdown(chosen)}")
table_with_download(cited if chosen == ALL_SOURCES else cited[cited["source_id"] == chosen], f"citations_{chosen}")

st.header("Where sources disagree")
st.markdown(
    "Each row is one version of a figure that sources give with different values for the same period. "
    "We show every version and who says it; the Trade page explains which one its cards use and why."
)
table_with_download(tables["disagreements"], "disagreements")
for title, name in (
    ("Dates that sources give differently", "date_disagreements"),
    ("Defence facts that sources give differently", "defence_disagreements"),
    ("SIPRI shares revised between report editions", "sipri_revisions"),
):
    st.subheader(title)
    table_with_download(tables[name], name)
