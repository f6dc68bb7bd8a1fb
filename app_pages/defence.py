"""Defence page: SIPRI supply trends, what Russia supplies, major platforms, RELOS, nuclear and space."""

import streamlit as st

from components.core import charts, pages
from components.core.formatting import md
from components.core.i18n import tr
from components.store import exhibits, prepared, sourcing
from components.topics import defence
from components.topics.provenance import UNDATED
from components.ui import render

fixed, params, parsed = render.open_page(pages.DEFENCE, prepared.defence_page)
comparison, platforms = fixed["comparison"], fixed["platforms"]
story, story_sources = fixed["story"]
detail = story.split(". ", 1)[1]  # its first sentence is the first screen's
contents = render.first_screen(prepared.defence_first_screen(), parsed)

# --- Supply trend ---------------------------------------------------------------------------------
contents.section(
    "Who supplies India's arms",
    "Suppliers",
    tr(
        "Weapons delivered to India each year, by supplier, in SIPRI's trend-indicator values (TIV): volume, not money."
    ),
)
period = render.url_widget(params["period"])
suppliers = render.url_widget(params["suppliers"], format_func=charts.supplier_name)
render.show_chart(exhibits.arms_supply(period, suppliers))

contents.section(
    "Russia's share, year by year",
    "Russia's share",
    tr("Each year and over a window of years, beside the five-year shares SIPRI published."),
)
window = render.url_widget(params["window"])
render.show_chart(exhibits.russia_share(period, window))


def published_shares() -> None:
    """SIPRI's published shares beside the same shares computed from the register, and how editions revise."""
    st.markdown(
        f"{md(detail)}\n\nEach edition revises earlier years, so one period can carry two published figures. Our "
        "computation uses the January 2025 register, which ends in 2023."
    )
    render.cite(story_sources, "Sources", short=True)
    render.show_table(
        comparison,
        {
            "published_pct": st.column_config.NumberColumn("Published (%)", format="%g"),
            "period_start": None,
            "period_end": None,
        },
    )


render.more(
    tr("SIPRI's published shares beside ours, and how editions revise them"), "sipri-editions", published_shares
)

# --- By category ----------------------------------------------------------------------------------
contents.section(
    "What Russia supplies",
    "What Russia supplies",
    tr("Russia's deliveries by kind of weapon, as shares of each block of years."),
)
render.show_chart(exhibits.russian_categories())

# --- Platforms ------------------------------------------------------------------------------------
contents.section(
    "Platforms and programmes",
    "Platforms",
    tr("Where each Russian-origin platform stands, as of its newest dated source; open one for its facts."),
)
disputed = fixed["disputed"]
render.reading_table(platforms, {column: tr(header) for column, header in defence.PLATFORM_COLUMNS.items()})


def platforms_in_full() -> None:
    """A search of the platforms and every column of those it finds, then each fact on which sources disagree;
    both downloadable."""
    found = exhibits.platforms(render.url_widget(params["q"]))
    if found.rows().empty:
        st.caption("No platform matches the search.")
    else:
        render.table_with_download(found)
    st.markdown(f"**Where sources disagree on the platforms ({disputed.groupby(['item_id', 'fact']).ngroups} facts)**")
    render.table_with_download(exhibits.platform_disagreements())


render.more(
    tr("Search the platforms; every column, and where sources disagree (CSV)"),
    "platforms-full",
    platforms_in_full,
    opened=parsed["q"].status != "missing",
)


def platform_details() -> None:
    """The chosen platform: what it is, how it is made, where its status comes from, and its facts, each sourced."""
    chosen = render.url_widget(params["platform"])
    platform = platforms[platforms["short_name"] == chosen].iloc[0]
    st.subheader(platform["platform"])
    st.markdown(f"{md(platform['category'])} · {md(platform['how_made'])}")
    dated = platform["as_of"] != UNDATED
    render.cite(
        platform["source_id"], f"Status as of {platform['as_of']}" if dated else f"Status ({UNDATED})", short=True
    )
    st.markdown(sourcing.fact_lines(platform["platform_id"]))


render.more(
    tr("One platform's facts, each with its source"),
    "platform-details",
    platform_details,
    opened=parsed["platform"].status != "missing",
)

# --- RELOS ----------------------------------------------------------------------------------------
contents.section(
    "RELOS: the logistics pact",
    "RELOS",
    tr("Each side's military logistics for the other, from draft to ratification, step by step."),
)
render.show_chart(exhibits.relos_steps())
render.more(
    tr("What RELOS covers, its term, when it takes effect"), "relos", lambda: st.markdown(sourcing.fact_lines("relos"))
)

# --- Nuclear and space ----------------------------------------------------------------------------
contents.section(
    "Nuclear energy and space",
    "Nuclear & space",
    tr("Kudankulam in Tamil Nadu, six Russian-designed reactors: two operate, four are being built."),
)


def nuclear_and_space() -> None:
    """Each Kudankulam unit's dated facts, then nuclear energy beyond it, space, and defence at the summit."""
    for item_id, label in defence.KUDANKULAM_UNITS.items():
        st.markdown(f"**{label}**\n{sourcing.fact_lines(item_id)}")
    st.markdown("**Beyond Kudankulam, in space, and defence at the summit**")
    st.markdown(sourcing.fact_lines("nuclear-summit", "space", "summit-defence"))


render.more(
    tr("Kudankulam unit by unit; beyond it, space, and defence at the summit"), "nuclear-space", nuclear_and_space
)
