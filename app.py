"""India–Russia Partnership Explorer: page configuration, navigation and what every page shares."""

from pathlib import Path

import streamlit as st

from components.core import pages
from components.core.citing import SITE_ABOUT, SITE_NAME
from components.core.i18n import link_pairs, tr
from components.core.schemas import DataError
from components.ui import embedding, render

st.set_page_config(
    page_title="India–Russia Partnership Explorer",
    page_icon=str(Path(__file__).parent / "assets" / "icon.png"),  # a local file: a Material icon is fetched online
    layout="wide",
    initial_sidebar_state="auto",
)

language = render.language_from_link()  # read before the switcher, which tidies the link
if not st.context.is_embedded:  # in another site's frame: no sidebar
    with st.sidebar:
        render.language_switcher()
render.use_readers_language()
if not st.context.is_embedded:
    with st.sidebar:
        st.markdown(f"**{tr(SITE_NAME)}**")
        st.caption(tr(SITE_ABOUT))

NAVIGATION = [
    st.Page(p.script, title=p.name, icon=p.icon, url_path=p.url_path, default=p is pages.PAGES[0]) for p in pages.PAGES
]
page = st.navigation(NAVIGATION, position="hidden" if st.context.is_embedded else "top")
render.show_notices([language])

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
    with st.container(horizontal=True, gap="small"):  # the other pages, in reach where a phone's reader finishes
        for other in pages.PAGES:
            if other.title != shown.title:
                keep = link_pairs()
                st.page_link(other.script, label=other.name, icon=other.icon, width="content", query_params=keep)
    st.caption(
        tr(
            "Every figure names its source; **Sources** lists them all. The address bar holds this view: copy it to "
            "share."
        )
    )
