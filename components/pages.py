"""The app's pages in navigation order: script, title, icon and URL path, stated once for the app, links and tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page of the app."""

    script: str  # relative to the app's root, e.g. "app_pages/trade.py"
    title: str
    icon: str
    url_path: str


OVERVIEW = PageInfo("app_pages/overview.py", "Overview", ":material/home:", "overview")
TRADE = PageInfo("app_pages/trade.py", "Trade", ":material/swap_horiz:", "trade")
WHAT_IF = PageInfo("app_pages/what_if.py", "Trade what-if", ":material/tune:", "what-if")
DEFENCE = PageInfo("app_pages/defence.py", "Defence", ":material/shield:", "defence")
MOBILITY = PageInfo("app_pages/mobility_tourism.py", "Mobility & tourism", ":material/flight:", "mobility")
CONNECTIVITY = PageInfo("app_pages/connectivity.py", "Connectivity", ":material/route:", "connectivity")
SOURCES = PageInfo("app_pages/sources.py", "Sources", ":material/menu_book:", "sources")

PAGES = (OVERVIEW, TRADE, WHAT_IF, DEFENCE, MOBILITY, CONNECTIVITY, SOURCES)
"""Every page, in navigation order; the first is the landing page (``/``)."""
