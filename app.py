"""India–Russia Partnership Explorer: page configuration, navigation and what every page shares."""

from pathlib import Path

import streamlit as st

from components.data import DataError
from components.ui import show_data_error

st.set_page_config(
    page_title="India–Russia Partnership Explorer",
    page_icon=str(Path(__file__).parent / "assets" / "icon.png"),  # a local file: a Material icon is fetched online
    layout="wide",
    initial_sidebar_state="auto",
)

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
    st.Page("app_pages/trade.py", title="Trade", icon=":material/swap_horiz:", url_path="trade"),
    st.Page("app_pages/defence.py", title="Defence", icon=":material/shield:", url_path="defence"),
    st.Page("app_pages/mobility_tourism.py", title="Mobility & tourism", icon=":material/flight:", url_path="mobility"),
    st.Page("app_pages/connectivity.py", title="Connectivity", icon=":material/route:", url_path="connectivity"),
    st.Page("app_pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]
page = st.navigation(PAGES, position="top")

with st.sidebar:
    st.markdown("**India–Russia Partnership Explorer**")
    st.caption(
        "An explainer of the 23rd India–Russia Annual Summit (New Delhi, 4–5 December 2025). "
        "Every figure names its source; where sources disagree, each version is shown."
    )

try:
    page.run()
except DataError as error:  # a row a page needs is missing: that page stops, the app goes on
    show_data_error(error)

st.divider()
st.caption(
    "Figures come from the five news articles this explainer started from, official Indian trade "
    "statistics (TRADESTAT) and sourced research notes; see **Sources** for each one. "
    "Every view is in the address bar: copy it to share exactly what you see."
)
