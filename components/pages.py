"""The app's pages in navigation order: script, title, icon, URL path and the data files each reads, stated once
for the app, its links and the tests."""

from __future__ import annotations

from dataclasses import dataclass


def _csv(*names: str) -> frozenset[str]:
    return frozenset(f"{name}.csv" for name in names)


@dataclass(frozen=True)
class PageInfo:
    """One page of the app."""

    script: str  # relative to the app's root, e.g. "app_pages/trade.py"
    title: str
    icon: str
    url_path: str
    reads: frozenset[str]  # the data files (relative to data/) that opening the page reads; a test checks it


CITED = _csv("sources", "figures")
OVERVIEW = PageInfo(
    "app_pages/overview.py",
    "Overview",
    ":material/home:",
    "overview",
    CITED
    | _csv("agreements", "summit_facts", "timeline", "tracked", "trade_annual")
    | _csv("sipri_india_arms_imports", "sipri_published_shares"),
)
TRADE = PageInfo(
    "app_pages/trade.py",
    "Trade",
    ":material/swap_horiz:",
    "trade",
    CITED
    | _csv("trade_annual", "trade_hs2", "trade_items", "trade_targets")
    | _csv("agreements", "facts", "timeline", "tracked"),
)
WHAT_IF = PageInfo(
    "app_pages/what_if.py",
    "Trade what-if",
    ":material/tune:",
    "what-if",
    CITED | _csv("trade_annual", "scenario_bases"),
)
DEFENCE = PageInfo(
    "app_pages/defence.py",
    "Defence",
    ":material/shield:",
    "defence",
    _csv("sources", "defence_platforms", "facts", "sipri_india_arms_imports", "sipri_published_shares", "timeline")
    | _csv("tracked", "agreements"),
)
MOBILITY = PageInfo(
    "app_pages/mobility_tourism.py",
    "Mobility & tourism",
    ":material/flight:",
    "mobility",
    CITED | _csv("agreements", "facts"),
)
CONNECTIVITY = PageInfo(
    "app_pages/connectivity.py",
    "Connectivity",
    ":material/route:",
    "connectivity",
    CITED | _csv("facts", "journeys", "route_nodes", "routes") | {"world-atlas/countries-110m.json"},
)
SOURCES = PageInfo(
    "app_pages/sources.py",
    "Sources",
    ":material/menu_book:",
    "sources",
    (frozenset().union(OVERVIEW.reads, TRADE.reads, WHAT_IF.reads, DEFENCE.reads, MOBILITY.reads) - _csv("tracked"))
    | _csv("journeys", "route_nodes", "routes"),
)

PAGES = (OVERVIEW, TRADE, WHAT_IF, DEFENCE, MOBILITY, CONNECTIVITY, SOURCES)
"""Every page, in navigation order; the first is the landing page (``/``)."""


def at(url_path: str) -> PageInfo | None:
    """The page whose address is ``url_path`` ('overview', 'what-if', …), or None."""
    return next((p for p in PAGES if p.url_path == url_path), None)
