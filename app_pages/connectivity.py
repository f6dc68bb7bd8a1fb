"""Connectivity page: the INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route on a real map."""

import streamlit as st

from components.core import pages
from components.core.formatting import md
from components.core.i18n import tr
from components.store import exhibits, prepared, sourcing
from components.topics import connectivity
from components.ui import render

shown, params, parsed = render.open_page(pages.CONNECTIVITY, prepared.connectivity_page)

contents = render.first_screen(prepared.connectivity_first_screen(), parsed)

# --- Map ------------------------------------------------------------------------------------------
contents.section(
    "Where the routes run",
    "Map",
    tr(
        "The International North–South Transport Corridor (INSTC), the Chennai–Vladivostok corridor and the Northern "
        "Sea Route beside the Suez route; pick one to highlight it."
    ),
)
highlight = render.url_widget(params["route"])
render.show_chart(exhibits.route_map(highlight))

# --- Comparison -----------------------------------------------------------------------------------
contents.section(
    "How the routes compare",
    "Compare",
    tr("Each corridor's figures and facts, with the nature of each claim in brackets."),
)
for route_id in prepared.FIGURE_PREFIXES:
    render.more(
        tr(connectivity.ROUTE_NAMES[route_id]),
        f"compare-{route_id}",
        lambda route_id=route_id: st.markdown(
            shown.figure_lines[route_id] + "\n" + sourcing.fact_lines(f"route-{route_id}")
        ),
        opened=highlight == route_id,
    )
render.more(
    tr("The Suez route"),
    "compare-suez",
    lambda: st.markdown(sourcing.fact_lines("route-suez")),
    opened=highlight == "suez",
)


# --- What-if --------------------------------------------------------------------------------------
@st.fragment
def transit_what_if() -> None:
    """A journey by corridor against Suez, per source; reruns alone when its choices change."""
    contents.section(
        "Transit time against the Suez route",
        "Transit vs Suez",
        tr("A journey by a corridor beside the same source's Suez figures: days saved = Suez days − corridor days."),
    )
    chosen = {}
    for column, key in zip(st.columns(3), ("origin", "destination", "via"), strict=True):
        with column:
            chosen[key] = render.url_widget(params[key])
    origin, destination, via = chosen.values()
    names = shown.place_names
    trip = connectivity.journey(shown.journeys, origin, destination, via)
    st.markdown(
        tr(
            "**{origin} → {destination} by {route}** (a range pairs its ends; km saved = Suez km − corridor km)."
        ).format(
            origin=md(names[origin]), destination=md(names[destination]), route=md(tr(connectivity.ROUTE_NAMES[via]))
        )
    )
    if via == "emc":
        st.warning(
            tr(
                "**No like-for-like Suez figure exists for Chennai–Vladivostok.** The sources compare the corridor "
                "with another journey, Mumbai–St Petersburg via Suez, and disagree on its length: {comparators}. So "
                "no days or km saved are computed here."
            ).format(comparators=shown.suez_comparators),
            icon=":material/compare_arrows:",
        )
    if trip.empty:
        st.info(
            tr(
                "No source gives figures for this journey by this corridor. The INSTC links Mumbai with Moscow; the "
                "Eastern Maritime Corridor links Chennai with Vladivostok."
            ),
            icon=":material/info:",
        )
    else:
        corridor = connectivity.SHORT_ROUTE_NAMES[list(connectivity.ROUTE_NAMES).index(via)]
        render.reading_table(
            trip,
            {
                "version": tr("Source"),
                "corridor_days": tr("{corridor} (days)").format(corridor=tr(corridor)),
                "suez_days": tr("Via Suez (days)"),
                "saving_days": tr("Days saved"),
                "claim": tr("Kind of claim"),
            },
        )
        render.table_view(
            tr("Every figure of this journey, in days and km, with sources (CSV)"),
            exhibits.journey(origin, destination, via),
        )


transit_what_if()

# --- Maritime -------------------------------------------------------------------------------------
contents.section(
    "Maritime and Far East cooperation",
    "Maritime",
    tr("Shipbuilding, ports, Arctic shipping and the training of Indian seafarers for polar waters."),
)
render.more(tr("What was agreed and discussed"), "maritime", lambda: st.markdown(sourcing.fact_lines("maritime")))
