"""Defence page: SIPRI supply trends, what Russia supplies, major platforms, RELOS, nuclear and space."""

import streamlit as st

from components import defence, pages, prepared, ui
from components.formatting import md
from components.provenance import UNDATED

fixed, params, parsed = ui.open_page(pages.DEFENCE, prepared.defence_page)
comparison, platforms = fixed["comparison"], fixed["platforms"]

st.title("Defence: Russia is still India's largest arms supplier, with a smaller share than a decade ago")
contents = ui.Contents()  # filled by the section headings below
story, story_sources = fixed["story"]
st.markdown(
    f"{md(story)} The summit was not expected to bring big new contracts; it reframed the partnership around "
    "joint production, logistics (RELOS), nuclear energy and space."
)
ui.cite(story_sources, "Sources")
ui.show_notices(parsed.values())

# --- Supply trend ---------------------------------------------------------------------------------
contents.header("Who supplies India's arms", "Suppliers")
st.info(
    "**What the numbers measure.** SIPRI's trend-indicator value (TIV) is a volume index of the weapons "
    "transferred, based on their military capability, not their price: it compares suppliers and years, but it is "
    "not money. SIPRI counts licence production in India (Su-30MKI, T-90, BrahMos) as imports.",
    icon=":material/info:",
)
period = ui.url_widget(params["period"])
suppliers = ui.url_widget(params["suppliers"])
start, end = sorted(period)
supply, supply_chart = prepared.supply(tuple(suppliers), (start, end))
ui.show_chart(
    supply_chart,
    supply,
    "india_arms_imports_by_supplier",
    f"Arms delivered to India by supplier, {start}–{end}, million TIV. Source: "
    f"{ui.source_markdown(defence.SIPRI_SOURCE)}. The register ends in 2023.",
)

st.subheader("Russia's share, year by year and smoothed")
window = ui.url_widget(params["window"])
shares, share_chart = prepared.russia_share(window, (start, end))
ui.show_chart(
    share_chart,
    shares,
    "russia_share_of_india_arms_imports",
    f"Thin line: Russia's share each year. Thick line: its share over the {window} years to each year (Russia's TIV "
    "over all TIV in the window). Grey bars: five-year shares SIPRI published, spanning their years (each "
    f"edition's figures are in the table below). Computed from {ui.source_markdown(defence.SIPRI_SOURCE)}.",
)
st.markdown(
    "**SIPRI's published shares beside our computation.** Each edition revises earlier years, so one period can "
    "carry two published figures. Our computation uses the January 2025 register, which ends in 2023."
)
ui.show_table(
    comparison,
    {
        "published_pct": st.column_config.NumberColumn("Published (%)", format="%g"),
        "period_start": None,
        "period_end": None,
    },
)

# --- By category ----------------------------------------------------------------------------------
contents.header("What Russia supplies", "What Russia supplies")
categories, categories_chart = fixed["categories"]
ui.show_chart(
    categories_chart,
    categories,
    "russian_arms_to_india_by_category",
    "Russia's deliveries to India by armament category, in three blocks of years; shares of each block's TIV. "
    f"Source: {ui.source_markdown(defence.SIPRI_SOURCE)}.",
)

# --- Platforms ------------------------------------------------------------------------------------
contents.header("Major platforms and programmes", "Platforms")
query = ui.url_widget(params["q"])
found = defence.search_platforms(platforms, query)
ui.show_table(found, defence.PLATFORM_COLUMNS)
if found.empty:
    st.caption("No platform matches the search.")
chosen = ui.url_widget(params["platform"])
platform = platforms[platforms["short_name"] == chosen].iloc[0]
with st.container(border=True):
    st.subheader(platform["platform"])
    st.markdown(f"{md(platform['category'])} · {md(platform['how_made'])} · **{md(platform['status'])}**")
    dated = platform["as_of"] != UNDATED
    ui.cite(platform["source_id"], f"Status as of {platform['as_of']}" if dated else f"Status ({UNDATED})", short=True)
    st.markdown(ui.fact_lines(platform["platform_id"]))
disputed = fixed["disputed"]
ui.table_view(
    f"Where sources disagree on the platforms ({disputed.groupby(['item_id', 'fact']).ngroups} facts)",
    disputed,
    "defence_disagreements",
)

# --- RELOS ----------------------------------------------------------------------------------------
contents.header("RELOS: the logistics pact", "RELOS")
st.markdown(ui.fact_lines("relos"))
steps, steps_chart = fixed["relos"]
ui.show_chart(
    steps_chart,
    steps[["date_label", "event", "note", "source_id"]],
    "relos_timeline",
    "RELOS from draft to ratification, and a report that it is in force. The Federation Council's vote is dated "
    "8 December by India Today and 10 December by TASS; both appear. The April 2026 report of its entry into force "
    "comes only from an exam-coaching site. Each point's source is in the table below.",
)

# --- Nuclear and space ----------------------------------------------------------------------------
contents.header("Nuclear energy and space", "Nuclear & space")
st.subheader("Kudankulam, Tamil Nadu: six Russian-designed reactors")
for item_id, label in defence.KUDANKULAM_UNITS.items():
    st.markdown(f"**{label}**\n{ui.fact_lines(item_id)}")
st.subheader("Beyond Kudankulam, and in space")
st.markdown(ui.fact_lines("nuclear-summit", "space"))
st.subheader("Defence at the summit")
st.markdown(ui.fact_lines("summit-defence"))
contents.show()
