"""Sources page: the catalogue, what each source is cited for, and where sources disagree."""

import streamlit as st

from components.core import pages
from components.core.citing import LICENCE_NOTE
from components.store import exhibits, prepared, sourcing
from components.topics.provenance import ALL_SOURCES
from components.ui import render

tables, params, parsed = render.open_page(pages.SOURCES, prepared.sources_page)

contents = render.intro(prepared.sources_first_screen())
st.markdown(
    "**Open data.** Every data file behind these pages, with its columns, units, licence and the sources it "
    "cites, is at [/api/v1/datasets](/api/v1/datasets) as JSON and CSV, and as one Frictionless data package at "
    "[/api/v1/datapackage.json](/api/v1/datapackage.json) for data tools; the what-if model answers at "
    "[/api/v1/what-if](/api/v1/what-if?export_growth=10) with the page's parameters. "
    f"{LICENCE_NOTE} Each page's foot says how to cite it."
)
render.show_notices(parsed.values())

catalogue = tables["sources"]
st.header(f"The catalogue: {len(catalogue)} sources")
render.table_with_download(
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
chosen = render.url_widget(params["source"])
if chosen != ALL_SOURCES:
    st.markdown(f"**{chosen}**: {sourcing.source_markdown(chosen)}")
render.table_with_download(exhibits.citations(chosen))

st.header("Where sources disagree")
st.markdown(
    "Each row is one version of a figure that sources give with different values for the same period. "
    "We show every version and who says it; the Trade page explains which one its cards use and why."
)
render.table_with_download(exhibits.source_table("disagreements"))
for title, name in (
    ("Dates that sources give differently", "date_disagreements"),
    ("Defence facts that sources give differently", "defence_disagreements"),
    ("SIPRI shares revised between report editions", "sipri_revisions"),
):  # in sections built when opened: the page opens with its three main tables
    render.more(title, name, lambda name=name: render.table_with_download(exhibits.source_table(name)))
