"""The app's pages in navigation order: script, title, icon, URL path and the data files each reads, stated once
for the app, its links and the tests."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from components.core.i18n import mark, tr


def _csv(*names: str) -> frozenset[str]:
    return frozenset(f"{name}.csv" for name in names)


@dataclass(frozen=True)
class PageInfo:
    """One page of the app."""

    script: str  # relative to the app's root, e.g. "app_pages/trade.py"
    title: str  # in English; ``name`` in the reader's language
    icon: str
    url_path: str
    reads: frozenset[str]  # the data files (relative to data/) that opening the page reads; a test checks it
    hooks: tuple[tuple[str, str], ...] = ()  # what shared modules ask of the page: name, "module:function"
    preview_intro: str = ""  # the words its link preview opens with, if any

    @property
    def name(self) -> str:
        """The page's title in the reader's language."""
        return tr(self.title)

    def hook(self, name: str) -> Callable | None:
        """The page's function for ``name`` (imported when asked, so this registry imports nothing), or None:

        - ``params``: its URL parameters, in the order its notices report them;
        - ``key_numbers``: its headline figures (cards, first screen, previews);
        - ``headline``: its preview card's and embed's chart (chart, what it shows, source line);
        - ``exhibits``: its downloadable charts and tables, by name, each built from a link's readings;
        - ``preview_lines``: its preview's figure lines, where they are not its key numbers;
        - ``link_preview`` and ``card_state``: a preview and card computed from the link (the What-if's scenario);
        - ``first_screen``: what its first screen says, drawn by the page and sent by the server as HTML before any
          JavaScript runs; ``link_first_screen`` instead when it depends on the link (from its readings).
        """
        target = dict(self.hooks).get(name)
        return None if target is None else resolved(target)


CITED = _csv("sources", "figures")
OVERVIEW = PageInfo(
    "app_pages/overview.py",
    mark("Overview"),
    ":material/home:",
    "overview",
    CITED
    | _csv("agreements", "summit_facts", "timeline", "tracked", "trade_annual")
    | _csv("sipri_india_arms_imports", "sipri_published_shares"),
    hooks=(
        ("params", "components.store.url_state:overview_params"),
        ("key_numbers", "components.store.prepared:overview_key_numbers"),
        ("headline", "components.server.previews:trade_line"),
        ("exhibits", "components.store.exhibits:overview_exhibits"),
        ("first_screen", "components.store.prepared:overview_first_screen"),
    ),
    preview_intro="The 23rd India–Russia Annual Summit, New Delhi, 4–5 December 2025, a year on",
)
TRADE = PageInfo(
    "app_pages/trade.py",
    mark("Trade"),
    ":material/swap_horiz:",
    "trade",
    CITED
    | _csv("trade_annual", "trade_hs2", "trade_items", "trade_targets")
    | _csv("agreements", "facts", "timeline", "tracked"),
    hooks=(
        ("params", "components.store.url_state:trade_params"),
        ("key_numbers", "components.store.prepared:trade_key_numbers"),
        ("headline", "components.server.previews:trade_line"),
        ("exhibits", "components.store.exhibits:trade_exhibits"),
        ("first_screen", "components.store.prepared:trade_first_screen"),
    ),
)
WHAT_IF = PageInfo(
    "app_pages/what_if.py",
    mark("Trade what-if"),
    ":material/tune:",
    "what-if",
    CITED | _csv("trade_annual", "scenario_bases"),
    hooks=(
        ("params", "components.store.url_state:what_if_params"),
        ("exhibits", "components.store.exhibits:what_if_exhibits"),
        ("link_first_screen", "components.store.prepared:what_if_first_screen"),
        ("link_preview", "components.server.previews:what_if_link_preview"),
        ("card_state", "components.server.previews:state_of"),
    ),
)
DEFENCE = PageInfo(
    "app_pages/defence.py",
    mark("Defence"),
    ":material/shield:",
    "defence",
    _csv("sources", "defence_platforms", "facts", "sipri_india_arms_imports", "sipri_published_shares", "timeline")
    | _csv("tracked", "agreements"),
    hooks=(
        ("params", "components.store.url_state:defence_params"),
        ("key_numbers", "components.store.prepared:defence_key_numbers"),
        ("headline", "components.server.previews:russia_share_line"),
        ("exhibits", "components.store.exhibits:defence_exhibits"),
        ("first_screen", "components.store.prepared:defence_first_screen"),
    ),
)
MOBILITY = PageInfo(
    "app_pages/mobility_tourism.py",
    mark("Mobility & tourism"),
    ":material/flight:",
    "mobility",
    CITED | _csv("agreements", "facts"),
    hooks=(
        ("params", "components.store.url_state:mobility_params"),
        ("key_numbers", "components.store.prepared:mobility_key_numbers"),
        ("headline", "components.server.previews:workers_chart"),
        ("exhibits", "components.store.exhibits:mobility_exhibits"),
        ("first_screen", "components.store.prepared:mobility_first_screen"),
    ),
)
CONNECTIVITY = PageInfo(
    "app_pages/connectivity.py",
    mark("Connectivity"),
    ":material/route:",
    "connectivity",
    CITED | _csv("facts", "journeys", "route_nodes", "routes") | {"world-atlas/countries-110m.json"},
    hooks=(
        ("params", "components.store.url_state:connectivity_params"),
        ("key_numbers", "components.store.prepared:connectivity_key_numbers"),
        ("headline", "components.server.previews:route_map"),
        ("exhibits", "components.store.exhibits:connectivity_exhibits"),
        ("first_screen", "components.store.prepared:connectivity_first_screen"),
    ),
)
SOURCES = PageInfo(
    "app_pages/sources.py",
    mark("Sources"),
    ":material/menu_book:",
    "sources",
    (frozenset().union(OVERVIEW.reads, TRADE.reads, WHAT_IF.reads, DEFENCE.reads, MOBILITY.reads) - _csv("tracked"))
    | _csv("journeys", "route_nodes", "routes"),
    hooks=(
        ("params", "components.store.url_state:sources_params"),
        ("headline", "components.server.previews:sources_by_kind"),
        ("exhibits", "components.store.exhibits:sources_exhibits"),
        ("first_screen", "components.store.prepared:sources_first_screen"),
        ("preview_lines", "components.server.previews:sources_lines"),
    ),
)

PAGES = (OVERVIEW, TRADE, WHAT_IF, DEFENCE, MOBILITY, CONNECTIVITY, SOURCES)
"""Every page, in navigation order; the first is the landing page (``/``)."""


def at(url_path: str) -> PageInfo | None:
    """The page whose address is ``url_path`` ('overview', 'what-if', …), or None."""
    return next((p for p in PAGES if p.url_path == url_path), None)


def by_script(script: str) -> PageInfo:
    """The page a script draws."""
    return next(p for p in PAGES if p.script == script)


def resolved(target: str) -> Callable:
    """The function a hook names ("module:function")."""
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)
