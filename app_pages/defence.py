"""Defence page: SIPRI supply trends, what Russia supplies, major platforms, RELOS, nuclear and space."""

import streamlit as st

from components import charts, defence, overview, pages, url_state
from components.data import DataError, load_sources, load_table, load_timeline
from components.formatting import md
from components.params import query_of
from components.provenance import UNDATED, as_of, latest_date
from components.ui import (
    cite,
    fact_lines,
    show_chart,
    show_notices,
    source_markdown,
    source_names,
    stop_on_data_error,
    table_view,
    url_widget,
    with_sources,
)


@st.cache_resource(show_spinner=False)
def prepared() -> dict:
    """What does not depend on the link, built once per server from the page's data files and shared read-only:
    SIPRI's published shares beside ours, the intro, Russia's categories, the platforms' disagreements and the
    RELOS milestones, with their charts."""
    sipri, published = load_table("sipri_india_arms_imports.csv"), load_table("sipri_published_shares.csv")
    platforms, facts = load_table("defence_platforms.csv"), load_table("facts.csv")
    timeline = load_timeline()
    comparison = with_sources(defence.published_vs_computed(sipri, published))
    blocks = defence.category_periods(int(sipri["delivery_year"].min()), int(sipri["delivery_year"].max()))
    categories = defence.russian_categories(sipri, blocks)
    steps = overview.timeline_view(timeline[timeline["event_id"].str.startswith("relos")], ("defence",), "all")
    steps = with_sources(steps)
    return {
        "comparison": comparison,
        "segments": comparison.dropna(subset=["published_pct"]),
        "story": defence.share_story(published),
        "categories": (categories, charts.category_shares(categories)),
        "disputed": defence.versions(facts[facts["item_id"].isin(platforms["platform_id"])]),
        "relos": (steps, charts.milestones(steps)),
    }


try:
    sipri = load_table("sipri_india_arms_imports.csv")
    platforms = load_table("defence_platforms.csv")
    load_table("facts.csv")  # loaded here, so a damaged file stops the page with its message
    fixed = prepared()
except DataError as error:
    stop_on_data_error(error)

params, parsed = url_state.read(pages.DEFENCE, query_of(st.query_params))
comparison = fixed["comparison"]


st.title("Defence: Russia is still India's largest arms supplier, with a smaller share than a decade ago")
story, story_sources = fixed["story"]
st.markdown(
    f"{md(story)} The summit was not expected to bring big new contracts; it reframed the partnership around "
    "joint production, logistics (RELOS), nuclear energy and space."
)
cite(story_sources, "Sources")
show_notices(parsed.values())

# --- Supply trend ---------------------------------------------------------------------------------
st.header("Who supplies India's arms")
st.info(
    "**What the numbers measure.** SIPRI's trend-indicator value (TIV) is a volume index of the weapons "
    "transferred, based on their military capability, not their price: it compares suppliers and years, but it is "
    "not money. SIPRI counts licence production in India (Su-30MKI, T-90, BrahMos) as imports.",
    icon=":material/info:",
)
period = url_widget(params["period"])
suppliers = url_widget(params["suppliers"])
start, end = sorted(period)
supply = defence.supply_by_year(sipri, tuple(suppliers), (start, end))
show_chart(
    charts.supplier_bars(supply, list(suppliers), defence.OTHERS),
    supply,
    "india_arms_imports_by_supplier",
    f"Arms delivered to India by supplier, {start}–{end}, million TIV. Source: "
    f"{source_markdown(defence.SIPRI_SOURCE)}. The register ends in 2023.",
)

st.subheader("Russia's share, year by year and smoothed")
window = url_widget(params["window"])
shares = defence.russia_share(sipri, window)
shares = shares[shares["year"].between(start, end)]
show_chart(
    charts.russia_share(shares, fixed["segments"], f"{window}-year window"),
    shares,
    "russia_share_of_india_arms_imports",
    f"Thin line: Russia's share each year. Thick line: its share over the {window} years to each year (Russia's TIV "
    "over all TIV in the window). Grey bars: five-year shares SIPRI published, spanning their years; hover for the "
    f"edition. Computed from {source_markdown(defence.SIPRI_SOURCE)}.",
)
st.markdown(
    "**SIPRI's published shares beside our computation.** Each edition revises earlier years, so one period can "
    "carry two published figures. Our computation uses the January 2025 register, which ends in 2023."
)
st.dataframe(
    comparison,
    hide_index=True,
    width="stretch",
    column_config={
        "published_pct": st.column_config.NumberColumn("Published (%)", format="%g"),
        "computed_pct": st.column_config.NumberColumn("Computed here (%)", format="%.1f"),
        "period_start": None,
        "period_end": None,
    },
)

# --- By category ----------------------------------------------------------------------------------
st.header("What Russia supplies")
categories, categories_chart = fixed["categories"]
show_chart(
    categories_chart,
    categories,
    "russian_arms_to_india_by_category",
    "Russia's deliveries to India by armament category, in three blocks of years; shares of each block's TIV. "
    f"Source: {source_markdown(defence.SIPRI_SOURCE)}.",
)

# --- Platforms ------------------------------------------------------------------------------------
st.header("Major platforms and programmes")
query = url_widget(params["q"])
found = defence.search_platforms(platforms, query)
sources = load_sources()
st.dataframe(
    found.assign(
        as_of=found["source_id"].map(lambda cell: latest_date(cell, sources) or UNDATED),
        source=found["source_id"].map(source_names),
    ),
    hide_index=True,
    width="stretch",
    column_config={
        "platform_id": None,
        "evidence": None,
        "source_id": None,
        "platform": "Platform",
        "short_name": "Short name",
        "category": "Category",
        "how_made": "How it is made",
        "status": "Status",
        "as_of": "As of",
        "source": "Status per",
    },
)
if found.empty:
    st.caption("No platform matches the search.")
chosen = url_widget(params["platform"])
platform = platforms[platforms["short_name"] == chosen].iloc[0]
with st.container(border=True):
    st.subheader(platform["platform"])
    st.markdown(f"{md(platform['category'])} · {md(platform['how_made'])} · **{md(platform['status'])}**")
    cite(platform["source_id"], f"Status {as_of(platform['source_id'], sources)}", short=True)
    st.markdown(fact_lines(platform["platform_id"]))
disputed = fixed["disputed"]
table_view(
    f"Where sources disagree on the platforms ({disputed.groupby(['item_id', 'fact']).ngroups} facts)",
    disputed,
    "defence_disagreements",
)

# --- RELOS ----------------------------------------------------------------------------------------
st.header("RELOS: the logistics pact")
st.markdown(fact_lines("relos"))
steps, steps_chart = fixed["relos"]
show_chart(
    steps_chart,
    steps[["date_label", "event", "note", "source_id"]],
    "relos_timeline",
    "RELOS from draft to ratification. The Federation Council's vote is dated 8 December by India Today and "
    "10 December by TASS; both appear. Hover a point for its source.",
)

# --- Nuclear and space ----------------------------------------------------------------------------
st.header("Nuclear energy and space")
st.subheader("Kudankulam, Tamil Nadu: six Russian-designed reactors")
for item_id, label in (
    ("kudankulam-1", "Unit 1 — operating"),
    ("kudankulam-2", "Unit 2 — operating"),
    ("kudankulam-1-2", "Units 1 and 2"),
    ("kudankulam-3", "Unit 3 — under construction"),
    ("kudankulam-3-6", "Units 3 to 6"),
    ("kudankulam-5-6", "Units 5 and 6 — under construction"),
):
    st.markdown(f"**{label}**\n{fact_lines(item_id)}")
st.subheader("Beyond Kudankulam, and in space")
st.markdown(fact_lines("nuclear-summit", "space"))
st.subheader("Defence at the summit")
st.markdown(fact_lines("summit-defence"))
