"""India–Russia Partnership Explorer: page configuration, navigation and what every page shares."""

from pathlib import Path

import streamlit as st

from components.core import pages
from components.core.citing import SITE_ABOUT, SITE_NAME
from components.core.schemas import DataError
from components.ui import embedding, render

st.set_page_config(
    page_title="India–Russia Partnership Explorer",
    page_icon=str(Path(__file__).parent / "assets" / "icon.png"),  # a local file: a Material icon is fetched online
    layout="wide",
    initial_sidebar_state="auto",
)

st.html(Path(__file__).parent / "assets" / "house.css")  # captions, card labels, focus rings, phone headings

NAVIGATION = [
    st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path, default=p is pages.PAGES[0]) for p in pages.PAGES
]
page = st.navigation(NAVIGATION, position="hidden" if st.context.is_embedded else "top")

if not st.context.is_embedded:  # in another site's frame: no sidebar
    with st.sidebar:
        st.markdown(f"**{SITE_NAME}**")
        st.caption(SITE_ABOUT)

shown = pages.at(page.url_path or pages.PAGES[0].url_path)  # Streamlit names the landing page ''
try:
    if st.context.is_embedded and embedding.has_compact_view(shown):
        embedding.compact_view(shown)  # in another site's frame: the headline and first chart, a link back
    else:
        page.run()
except DataError as error:  # a row a page needs is missing: that page stops, the app goes on
    render.show_data_error(error)

if not st.context.is_embedded:
    render.cite_this_page(shown)
    st.divider()
    with st.container(horizontal=True, gap="small"):  # the other pages, in reach where a phone's reader finishes
        for other in pages.PAGES:
            if other.title != page.title:
                st.page_link(other.script, label=other.title, icon=other.icon, width="content")
    st.caption(
        "Every figure names its source; **Sources** lists them all. The address bar holds this view: copy it to share."
    )
