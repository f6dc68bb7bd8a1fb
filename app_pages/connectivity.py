"""Connectivity page: the INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route on a real map."""

import pandas as pd
import streamlit as st

from components import charts, connectivity, pages, url_state
from components.data import DataError, load_figures, load_table
from components.formatting import md
from components.params import query_of
from components.ui import (
    cite,
    csv_download,
    draw,
    fact_lines,
    figure_markdown,
    show_chart,
    show_notices,
    source_markdown,
    source_names,
    stop_on_data_error,
    url_widget,
    with_sources,
)

# For each corridor, the prefixes of the ids of its figures in figures.csv.
FIGURE_PREFIXES = {"instc": ("instc", "rasht"), "emc": ("emc",), "nsr": ("nsr", "murmansk")}


@st.cache_resource(show_spinner=False)
def prepared() -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """What does not depend on the link, built once per server and shared read-only: the map's ports (with
    their sources named) and legs, and each corridor's figures as Markdown with the nature of each claim."""
    paths = connectivity.route_paths(load_table("routes.csv"), load_table("route_nodes.csv"))
    ports = connectivity.ports(paths)
    ports = ports.assign(coordinates_source=ports["source_id_node"].map(source_names))
    figures = load_figures()
    shown = figures[figures["domain"] == "connectivity"]
    lines = {
        route_id: "\n".join(
            f"- {md(row.metric)}, {md(row.period)}: {figure_markdown(row)} *[{md(row.claim)}]*"
            for row in shown[shown["figure_id"].str.startswith(prefixes)].itertuples()
        )
        for route_id, prefixes in FIGURE_PREFIXES.items()
    }
    return ports, connectivity.legs(paths), lines


try:
    countries = connectivity.load_countries()
    nodes = load_table("route_nodes.csv")
    journeys = load_table("journeys.csv")
    load_table("facts.csv")  # loaded here, so a damaged file stops the page with its message
    port_table, legs, figure_lines = prepared()
except DataError as error:
    stop_on_data_error(error)

params, parsed = url_state.read(pages.CONNECTIVITY, query_of(st.query_params))


st.title("Connectivity: three corridors and the Suez route")
st.markdown(
    "India and Russia promote three ways to move goods between them faster than through the Suez Canal. "
    "The map shows where each runs; below, what each claim rests on — a measurement, a study, an estimate or "
    "an official promise."
)
show_notices(parsed.values())

# --- Map ------------------------------------------------------------------------------------------
st.header("Where the routes run")
highlight = url_widget(params["route"])
draw(charts.route_legend(connectivity.ROUTE_NAMES))
show_chart(
    connectivity.route_map(countries, legs, port_table, highlight),
    port_table.rename(columns={"source_id_node": "source_id", "evidence_node": "evidence"}),
    "india_russia_corridor_ports",
    "Country shapes: Natural Earth 1:110m (world-atlas). Ports and cities sit at coordinates from the sources in "
    "the table; dashed legs are planned or missing links (the Rasht–Astara rail gap). At sea, lines pass through "
    "hand-placed points named by each route's description, so they follow the water; those points are not "
    "sourced positions. Hover a port for its coordinates.",
)
if highlight != "all":
    with st.container(border=True):
        st.subheader(connectivity.ROUTE_NAMES[highlight])
        st.markdown(fact_lines(f"route-{highlight}"))

# --- Comparison -----------------------------------------------------------------------------------
st.header("How the routes compare")
for route_id in FIGURE_PREFIXES:
    with st.container(border=True):
        st.subheader(connectivity.ROUTE_NAMES[route_id])
        st.markdown(figure_lines[route_id] + "\n" + fact_lines(f"route-{route_id}"))
st.caption(
    "In brackets, the nature of each claim: measured or reported, a study, an estimate, a forecast, an official "
    "statement or an official promise. No source reports a measured door-to-door time for a regular INSTC service."
)
st.markdown(fact_lines("route-suez"))


# --- What-if --------------------------------------------------------------------------------------
@st.fragment
def transit_what_if() -> None:
    """A journey by corridor against Suez, per source; reruns alone when its choices change."""
    st.header("Transit time against the Suez route")
    chosen = {}
    for column, key in zip(st.columns(3), ("origin", "destination", "via"), strict=True):
        with column:
            chosen[key] = url_widget(params[key])
    origin, destination, via = chosen.values()
    names = nodes.set_index("node_id")["name"]
    trip = connectivity.journey(journeys, origin, destination, via)
    st.markdown(
        f"**{md(names[origin])} → {md(names[destination])} by {md(connectivity.ROUTE_NAMES[via])}**, each source's "
        "figures beside the same source's Suez figure. Days saved = Suez days − corridor days (a range pairs the "
        "ends); km saved = Suez km − corridor km."
    )
    if via == "emc":
        comparators = connectivity.unpaired_suez(journeys, connectivity.corridor_journeys(journeys))
        st.warning(
            "**No like-for-like Suez figure exists for Chennai–Vladivostok.** The sources compare the corridor "
            "with another journey, Mumbai–St Petersburg via Suez, and disagree on its length: "
            + "; ".join(
                f"{md(r.evidence)} ({source_markdown(r.source_id, short=True)})" for r in comparators.itertuples()
            )
            + ". So no days or km saved are computed here.",
            icon=":material/compare_arrows:",
        )
    if trip.empty:
        st.info(
            "No source gives figures for this journey by this corridor. The INSTC links Mumbai with Moscow; the "
            "Eastern Maritime Corridor links Chennai with Vladivostok.",
            icon=":material/info:",
        )
    else:
        table = with_sources(trip)
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "corridor_days": "Corridor, days",
                "suez_days": "Suez, days",
                "saving_days": "Days saved",
                "corridor_km": st.column_config.NumberColumn("Corridor, km", format="%,.0f"),
                "suez_km": st.column_config.NumberColumn("Suez, km", format="%,.0f"),
                "saving_km": st.column_config.NumberColumn("Km saved", format="%,.0f"),
            },
        )
        csv_download(table, "journey_vs_suez")


transit_what_if()

# --- Maritime -------------------------------------------------------------------------------------
st.header("Maritime and Far East cooperation")
st.markdown(fact_lines("maritime"))
cite("seed-003;fpj-polar-2025-12", "Sources")
