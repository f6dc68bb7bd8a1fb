"""Each page's URL state, declared once: the parameters its controls bind to the address bar.

A page draws its controls from this declaration (``ui.url_widget``), reads the link's values through it for its
notices, and the tests draw hostile links from it; share links spell out the same keys. Options that depend on the
data (domains, suppliers, sources, base years) come from the cached loaders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

import streamlit as st

from components.core import i18n, pages, what_if_state
from components.core.params import ChoiceParam, Param, Parsed, parse_param, parse_params
from components.store.data import load_scenario_bases, load_sources, load_table, load_timeline
from components.topics import connectivity, defence, mobility, overview, provenance, trade

LANGUAGE = ChoiceParam(
    i18n.KEY,
    i18n.mark("Language"),
    tuple(i18n.LANGUAGES),
    i18n.DEFAULT,
    widget="segmented",
    words=tuple(i18n.LANGUAGES.values()),
    help=i18n.mark("The language of the page's words, numbers and dates; sources keep their own."),
)
"""The reader's language, on every page: kept by every link the app writes (``i18n.link_pairs``)."""


def language(query: Mapping[str, Sequence[str]]) -> Parsed:
    """What a link says of the reader's language."""
    return parse_param(LANGUAGE, query.get(LANGUAGE.key, ()))


def overview_params() -> tuple[Param, ...]:
    """The Overview's: the agreements' and the timeline's filters."""
    return tuple(overview.overview_params(load_timeline(), load_table("agreements.csv")).values())


def trade_params() -> tuple[Param, ...]:
    """Trade's: the composition chart's flow and year."""
    return trade.COMPOSITION_PARAMS


def what_if_params() -> tuple[Param, ...]:
    """The What-if's: its levers, base year and scenario A."""
    return what_if_state.declarations(load_scenario_bases())


def defence_params() -> tuple[Param, ...]:
    """Defence's: years, window, suppliers, the platform search and the platform shown."""
    sipri, platforms = load_table("sipri_india_arms_imports.csv"), load_table("defence_platforms.csv")
    return tuple(defence.defence_params(sipri, platforms).values())


def mobility_params() -> tuple[Param, ...]:
    """Mobility's: its two what-ifs' starting figures, growth rates and target."""
    return tuple(mobility.PARAMS.values())


def connectivity_params() -> tuple[Param, ...]:
    """Connectivity's: the route highlighted and the journey compared."""
    return tuple(connectivity.PARAMS.values())


def sources_params() -> tuple[Param, ...]:
    """Sources': the source whose citations are listed."""
    return (provenance.source_param(load_sources()),)


@st.cache_resource(show_spinner=False)
def _declared(target: str) -> dict[str, Param]:
    return {p.key: p for p in (pages.resolved(target)() if target else ())}


def declared(page: pages.PageInfo) -> dict[str, Param]:
    """A page's URL parameters by key (its ``params`` hook), built once per server (they depend on the data files
    alone; read-only)."""
    return _declared(dict(page.hooks).get("params", ""))


def query_for(page: pages.PageInfo, values: Mapping[str, object]) -> str:
    """A link's query for some of a page's values: each declared parameter among ``values`` that differs from its
    default, and each one named in every link (at its default when ``values`` leaves it out), in declaration order
    (a list of choices as one pair per choice; an empty one as an empty value), then the reader's language."""
    pairs: list[tuple[str, str]] = []
    for key, param in declared(page).items():
        if key not in values and not param.in_every_link:
            continue
        given = values.get(key, param.default)
        value = tuple(given) if isinstance(given, list | tuple) else given
        if value != param.default or param.in_every_link:
            pairs += [(key, str(v)) for v in value] or [(key, "")] if isinstance(value, tuple) else [(key, str(value))]
    return urlencode(pairs + i18n.link_pairs())


def validated_query(page: pages.PageInfo, query: Mapping[str, Sequence[str]]) -> str:
    """A link's state as the page understood it, written afresh: each declared parameter the link sets to a value
    the page uses, other than its default, in declaration order. Anything else in the query is left out, so text a
    link carries reaches no image or download unless the page validated it."""
    _, parsed = read(page, query)
    return query_for(page, {key: r.value for key, r in parsed.items() if r.status in ("valid", "adjusted")})


def read(page: pages.PageInfo, query: Mapping[str, Sequence[str]]) -> tuple[dict[str, Param], dict[str, Parsed]]:
    """A page's parameters and what the link says for each: valid, adjusted, invalid or missing."""
    params = declared(page)
    return params, parse_params(list(params.values()), query)
