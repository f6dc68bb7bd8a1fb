"""Sources page: the catalogue, what each source is cited for, and where sources disagree."""

import streamlit as st

from components import exhibits, pages, prepared, ui
from components.citing import LICENCE_NOTE
from components.provenance import ALL_SOURCES

tables, params, parsed = ui.open_page(pages.SOURCES, prepared.sources_page)

ui.page_title("Sources")
st.title("Sources")
st.markdown(
    "Every figure in this explainer comes from a row of a data file that names its source. These are the "
    "sources, what each is cited for, and every figure on which they disagree. Five news reports from the week of "
    "the summit are marked **seed articles**: each is cited by its outlet, headline and date, with a link to a "
    "public copy of the same text; for one explainer no original publication could be traced, and its citation "
    "says so."
)
st.markdown(
    "**Open data.** Every data file behind these pages, with its columns, units, licence and the sources it "
    "cites, is at [/api/v1/datasets](/api/v1/datasets) as JSON and CSV, and as one Frictionless data package at "
    "[/api/v1/datapackage.json](/api/v1/datapackage.json) for data tools; the what-if model answers at "
    "[/api/v1/what-if](/api/v1/what-if?export_growth=10) with the page's parameters. "
    f"{LICENCE_NOTE} Each page's foot says how to cite it."
)
ui.show_notices(parsed.values())

catalogue = tables["sources"]
st.header(f"The catalogue: {len(catalogue)} sources")
ui.table_with_download(
    exhibits.source_table("sources"),
    column_config={
        "publisher": "Publisher",
        "url": st.column_config.LinkColumn("Link", display_text="Open"),
        "date": "Date",
        "title": st.column_config.TextColumn("Title", width="large"),
        "figures_citing": st.column_config.NumberColumn("Figures citing it"),
        "origin": None,
    },
)

st.header("What each source is cited for")
chosen = ui.url_widget(params["source"])
if chosen != ALL_SOURCES:
    st.markdown(f"**{chosen}**: {ui.source_markdown(chosen)}")
ui.table_with_download(exhibits.citations(chosen))

st.header("Where sources disagree")
st.markdown(
    "Each row is one version of a figure that sources give with different values for the same period. "
    "We show every version and who says it; the Trade page explains which one its cards use and why."
)
ui.table_with_download(exhibits.source_table("disagreements"))
for title, name in (
    ("Dates that sources give differently", "date_disagreements"),
    ("Defence facts that sources give differently", "defence_disagreements"),
    ("SIPRI shares revised between report editions", "sipri_revisions"),
):  # in sections built when opened: the page opens with its three main tables
    ui.more(title, name, lambda name=name: ui.table_with_download(exhibits.source_table(name)))
