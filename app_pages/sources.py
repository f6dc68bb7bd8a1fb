"""Sources page: the catalogue, what each source is cited for, and where sources disagree."""

import streamlit as st

from components.core import pages
from components.core.citing import LICENCE_NOTE
from components.core.i18n import mark, tr
from components.store import exhibits, prepared, sourcing
from components.topics.provenance import ALL_SOURCES, source_words
from components.ui import render

tables, params, parsed = render.open_page(pages.SOURCES, prepared.sources_page)

contents = render.intro(prepared.sources_first_screen())
st.markdown(
    tr(
        "**Open data.** Every data file behind these pages, with its columns, units, licence and the sources it "
        "cites, is at [/api/v1/datasets](/api/v1/datasets) as JSON and CSV, and as one Frictionless data package "
        "at [/api/v1/datapackage.json](/api/v1/datapackage.json) for data tools; the what-if model answers at "
        "[/api/v1/what-if](/api/v1/what-if?export_growth=10) with the page's parameters."
    )
    + f" {tr(LICENCE_NOTE)} "
    + tr("Each page's foot says how to cite it.")
)
render.show_notices(parsed.values())

catalogue = tables["sources"]
st.header(tr("The catalogue: {count} sources").format(count=len(catalogue)))
render.table_with_download(
    exhibits.source_table("sources"),
    column_config={
        "publisher": tr("Publisher"),
        "url": st.column_config.LinkColumn(tr("Link"), display_text=tr("Open")),
        "date": tr("Date"),
        "title": st.column_config.TextColumn(tr("Title"), width="large"),
        "figures_citing": st.column_config.NumberColumn(tr("Figures citing it")),
        "origin": None,
    },
)

st.header(tr("What each source is cited for"))
chosen = render.url_widget(params["source"], format_func=source_words(params["source"]))
if chosen != ALL_SOURCES:
    st.markdown(f"**{chosen}**: {sourcing.source_markdown(chosen)}")
render.table_with_download(exhibits.citations(chosen))

st.header(tr("Where sources disagree"))
st.markdown(
    tr(
        "Each row is one version of a figure that sources give with different values for the same period. "
        "We show every version and who says it; the Trade page explains which one its cards use and why."
    )
)
render.table_with_download(exhibits.source_table("disagreements"))
for title, name in (
    (mark("Dates that sources give differently"), "date_disagreements"),
    (mark("Defence facts that sources give differently"), "defence_disagreements"),
    (mark("SIPRI shares revised between report editions"), "sipri_revisions"),
):  # in sections built when opened: the page opens with its three main tables
    render.more(tr(title), name, lambda name=name: render.table_with_download(exhibits.source_table(name)))
