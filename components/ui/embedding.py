"""A page in another site's frame (``?embed=true``, 600×450): its headline figure over its first chart, and a link to
the full page. The What-if draws its own (the answer and its chart, for the link's scenario)."""

from __future__ import annotations

import streamlit as st

from components.core import pages
from components.core.formatting import md
from components.core.i18n import tr
from components.core.params import query_of
from components.server import previews
from components.store import url_state
from components.ui import render

EMBED_CHART_PX = 280
"""The chart's height in a frame of 450 px, under its headline (and a map's key) and over the link back."""


def has_compact_view(page: pages.PageInfo) -> bool:
    """Whether the app draws the page's compact view for a frame (else the page draws its own)."""
    return page.hook("headline") is not None


def compact_view(page: pages.PageInfo) -> None:
    """The page's headline figure with its source, its first chart (described for screen readers), and the link to
    the page."""
    chart, shows, _ = page.hook("headline")()
    render.page_title(page.name)
    st.markdown(f"**{md(previews.page_preview(page.script).lines[0])}**")
    room = EMBED_CHART_PX - (120 if chart.key is not None else 0)  # a map's key is drawn above it
    natural = chart.template.get("height")  # a bar chart's is a step per bar: it keeps it
    render.draw(chart, shows, height=min(room, natural) if isinstance(natural, int) else None)
    link_back(page, url_state.validated_query(page, query_of(st.query_params)))


def link_back(page: pages.PageInfo, query: str) -> None:
    """The link from a frame to the full page, with its view, opening in a new tab."""
    st.link_button(
        tr("Open in the India–Russia Partnership Explorer"),
        f"{render.site_address()}/{page.url_path}" + (f"?{query}" if query else ""),
        icon=":material/open_in_new:",
    )
