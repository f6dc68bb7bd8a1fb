"""Sources page: the catalogue, what each source is cited for, and where sources disagree."""

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
    csv_download,
    show_notices,
    source_markdown,
    source_names,
    stop_on_data_error,
    url_widget,
    with_sources,
)

try:
    sources = load_sources()
    annual = load_trade_annual()
    figures = load_figures()
    timeline = load_timeline()
    cited = citations({name: load_table(name) for name in CITING_TABLES})
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

counts = cited.groupby("source_id").size()
catalogue = sources.drop(columns="seed_file").assign(figures_citing=sources["id"].map(counts).fillna(0).astype(int))
st.header(f"The catalogue: {len(catalogue)} sources")
st.dataframe(
    catalogue,
    hide_index=True,
    width="stretch",
    column_config={
        "url": st.column_config.LinkColumn("Link"),
        "figures_citing": st.column_config.NumberColumn("Figures citing it"),
    },
)
csv_download(catalogue, "sources")

st.header("What each source is cited for")
chosen = url_widget(params["source"])
shown = with_sources(cited if chosen == ALL_SOURCES else cited[cited["source_id"] == chosen])
if chosen != ALL_SOURCES:
    st.markdown(f"**{chosen}**: {source_markdown(chosen)}")
st.dataframe(shown, hide_index=True, width="stretch")
csv_download(shown, f"citations_{chosen}")

st.header("Where sources disagree")
st.markdown(
    "Each row is one version of a figure that sources give with different values for the same period. "
    "We show every version and who says it; the Trade page explains which one its cards use and why."
)
conflicts = trade.disagreements(figures, annual).assign(source=lambda t: t["source_id"].map(source_names))
st.dataframe(conflicts, hide_index=True, width="stretch")
csv_download(conflicts, "disagreements")

st.subheader("Dates that sources give differently")
dates = date_disagreements(timeline).assign(source=lambda t: t["source_id"].map(source_names))
st.dataframe(dates, hide_index=True, width="stretch")
csv_download(dates, "date_disagreements")

st.subheader("Defence facts that sources give differently")
defence_versions = defence.versions(load_table("facts.csv")).assign(source=lambda t: t["source_id"].map(source_names))
st.dataframe(defence_versions, hide_index=True, width="stretch")
csv_download(defence_versions, "defence_disagreements")

st.subheader("SIPRI shares revised between report editions")
revisions = edition_revisions(load_table("sipri_published_shares.csv")).assign(
    source=lambda t: t["source_id"].map(source_names)
)
st.dataframe(revisions, hide_index=True, width="stretch")
csv_download(revisions, "sipri_revisions")
