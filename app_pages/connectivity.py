"""Connectivity page: the INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route on a real map."""

import streamlit as st

from components.core import pages
from components.core.formatting import md
from components.store import exhibits, prepared, sourcing
from components.topics import connectivity
from components.ui import render

shown, params, parsed = render.open_page(pages.CONNECTIVITY, prepared.connectivity_page)

contents = render.first_screen(prepared.connectivity_first_screen(), parsed)

# --- Map ------------------------------------------------------------------------------------------
contents.section(
    "Where the routes run",
    "Map",
    "The International North–South Transport Corridor (INSTC), the Chennai–Vladivostok corridor and the Northern "
    "Sea Route beside the Suez route; pick one to highlight it.",
)
highlight = render.url_widget(params["route"])
render.show_chart(exhibits.route_map(highlight))

# --- Comparison -----------------------------------------------------------------------------------
contents.section(
    "How the routes compare",
    "Compare",
    "Each corridor's figures and facts, with the nature of each claim in brackets.",
)
for route_id in prepared.FIGURE_PREFIXES:
    render.more(
        connectivity.ROUTE_NAMES[route_id],
        f"compare-{route_id}",
        lambda route_id=route_id: st.markdown(
            shown.figure_lines[route_id] + "\n" + sourcing.fact_lines(f"route-{route_id}")
        ),
        opened=highlight == route_id,
    )
render.more(
    "The Suez route", "compare-suez", lambda: st.markdown(sourcing.fact_lines("route-suez")), opened=highlight == "suez"
)


# --- What-if --------------------------------------------------------------------------------------
@st.fragment
def transit_what_if() -> None:
    """A journey by corridor against Suez, per source; reruns alone when its choices change."""
    contents.section(
        "Transit time against the Suez route",
        "Transit vs Suez",
        "A journey by a corridor beside the same source's Suez figures: days saved = Suez days − corridor days.",
    )
    chosen = {}
    for column, key in zip(st.columns(3), ("origin", "destination", "via"), strict=True):
        with column:
            chosen[key] = render.url_widget(params[key])
    origin, destination, via = chosen.values()
    names = shown.place_names
    trip = connectivity.journey(shown.journeys, origin, destination, via)
    st.markdown(
        f"**{md(names[origin])} → {md(names[destination])} by {md(connectivity.ROUTE_NAMES[via])}** (a range pairs "
        "its ends; km saved = Suez km − corridor km)."
    )
    if via == "emc":
        st.warning(
            "**No like-for-like Suez figure exists for Chennai–Vladivostok.** The sources compare the corridor with "
            "another journey, Mumbai–St Petersburg via Suez, and disagree on its length: "
            f"{shown.suez_comparators}. So no days or km saved are computed here.",
            icon=":material/compare_arrows:",
        )
    if trip.empty:
        st.info(
            "No source gives figures for this journey by this corridor. The INSTC links Mumbai with Moscow; the "
            "Eastern Maritime Corridor links Chennai with Vladivostok.",
            icon=":material/info:",
        )
    else:
        corridor = connectivity.SHORT_ROUTE_NAMES[list(connectivity.ROUTE_NAMES).index(via)]
        render.reading_table(
            trip,
            {
                "version": "Source",
                "corridor_days": f"{corridor} (days)",
                "suez_days": "Via Suez (days)",
                "saving_days": "Days saved",
                "claim": "Kind of claim",
            },
        )
        render.table_view(
            "Every figure of this journey, in days and km, with sources (CSV)",
            exhibits.journey(origin, destination, via),
        )


transit_what_if()

# --- Maritime -------------------------------------------------------------------------------------
contents.section(
    "Maritime and Far East cooperation",
    "Maritime",
    "Shipbuilding, ports, Arctic shipping and the training of Indian seafarers for polar waters.",
)
render.more("What was agreed and discussed", "maritime", lambda: st.markdown(sourcing.fact_lines("maritime")))
