"""Connectivity page: the INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route on a real map."""

import streamlit as st

from components import connectivity, pages, prepared, ui
from components.formatting import md

shown, params, parsed = ui.open_page(pages.CONNECTIVITY, prepared.connectivity_page)

st.title("Connectivity: three corridors and the Suez route")
contents = ui.Contents()  # filled by the section headings below
st.markdown(prepared.lead_figures(pages.CONNECTIVITY.script))
st.markdown(
    "India and Russia promote three ways to move goods between them faster than through the Suez Canal. "
    "The map shows where each runs; below, what each claim rests on — a measurement, a study, an estimate or "
    "an official promise."
)
ui.show_notices(parsed.values())

# --- Map ------------------------------------------------------------------------------------------
contents.header("Where the routes run", "Map")
highlight = ui.url_widget(params["route"])
ui.show_chart(
    prepared.route_map(highlight),
    shown.ports.rename(columns={"source_id_node": "source_id", "evidence_node": "evidence"}),
    "india_russia_corridor_ports",
    "Country shapes: Natural Earth 1:110m (world-atlas). Ports and cities sit at coordinates from the sources in "
    "the table; dashed legs are planned or missing links (the Rasht–Astara rail gap). At sea, lines pass through "
    "hand-placed points named by each route's description, so they follow the water; those points are not "
    "sourced positions. Each place's coordinates and their source are in the table below.",
)
if highlight != "all":
    with st.container(border=True):
        st.subheader(connectivity.ROUTE_NAMES[highlight])
        st.markdown(ui.fact_lines(f"route-{highlight}"))

# --- Comparison -----------------------------------------------------------------------------------
contents.header("How the routes compare", "Compare")
for route_id in prepared.FIGURE_PREFIXES:
    with st.container(border=True):
        st.subheader(connectivity.ROUTE_NAMES[route_id])
        st.markdown(shown.figure_lines[route_id] + "\n" + ui.fact_lines(f"route-{route_id}"))
st.caption(
    "In brackets, the nature of each claim: measured or reported, a study, an estimate, a forecast, an official "
    "statement or an official promise. No source reports a measured door-to-door time for a regular INSTC service."
)
st.markdown(ui.fact_lines("route-suez"))


# --- What-if --------------------------------------------------------------------------------------
@st.fragment
def transit_what_if() -> None:
    """A journey by corridor against Suez, per source; reruns alone when its choices change."""
    contents.header("Transit time against the Suez route", "Transit vs Suez")
    chosen = {}
    for column, key in zip(st.columns(3), ("origin", "destination", "via"), strict=True):
        with column:
            chosen[key] = ui.url_widget(params[key])
    origin, destination, via = chosen.values()
    names = shown.place_names
    trip = connectivity.journey(shown.journeys, origin, destination, via)
    st.markdown(
        f"**{md(names[origin])} → {md(names[destination])} by {md(connectivity.ROUTE_NAMES[via])}**, each source's "
        "figures beside the same source's Suez figure. Days saved = Suez days − corridor days (a range pairs the "
        "ends); km saved = Suez km − corridor km."
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
        ui.table_with_download(ui.with_sources(trip), "journey_vs_suez")


transit_what_if()

# --- Maritime -------------------------------------------------------------------------------------
contents.header("Maritime and Far East cooperation", "Maritime")
st.markdown(ui.fact_lines("maritime"))
ui.cite("seed-003;fpj-polar-2025-12", "Sources")
contents.show()
