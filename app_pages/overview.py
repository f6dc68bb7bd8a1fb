"""Overview page: the summit at a glance, key numbers, agreements expected vs signed, and a dated timeline."""

import streamlit as st

from components import charts, overview, pages, url_state
from components.data import DataError, load_figures, load_sources, load_table, load_timeline, load_trade_annual
from components.formatting import md
from components.params import query_of
from components.provenance import date_disagreements
from components.ui import (
    cite,
    figure_markdown,
    show_chart,
    show_notices,
    source_markdown,
    source_names,
    stop_on_data_error,
    table_view,
    url_widget,
)

try:
    facts = load_table("summit_facts.csv")
    timeline = load_timeline()
    agreements = load_table("agreements.csv")
    figures = load_figures()
    annual = load_trade_annual()
    sipri = load_table("sipri_india_arms_imports.csv")
    published = load_table("sipri_published_shares.csv")
except DataError as error:
    stop_on_data_error(error)

params, parsed = url_state.read(pages.OVERVIEW, query_of(st.query_params))

st.title("India and Russia: the 23rd Annual Summit at a glance")
st.markdown(
    "What happened when Vladimir Putin came to New Delhi, what was expected and what was signed, and where "
    "each part of the story lives in this explainer. Every statement names its source; where sources "
    "disagree, each version is shown."
)
show_notices(parsed.values())

# --- At a glance ----------------------------------------------------------------------------------
st.header("The summit at a glance")
topics = list(dict.fromkeys(facts["topic"]))
for column, topic in zip(st.columns(len(topics)), topics, strict=True):
    with column:
        st.subheader(topic)
        for fact in facts[facts["topic"] == topic].itertuples():
            st.markdown(f"{md(fact.fact)}")
            cite(fact.source_id, short=True)

# --- Key numbers --------------------------------------------------------------------------------------
st.header("Key numbers")
for numbers in (
    overview.trade_key_numbers(annual),
    overview.defence_key_numbers(sipri, published),
    overview.mobility_key_numbers(figures),
    overview.connectivity_key_numbers(figures),
):
    for column, number in zip(st.columns(3), numbers, strict=False):
        with column:
            st.metric(number.label, number.value, border=True)
            cite(number.source_id, short=True)
            st.page_link(
                number.page.script, label=f"More on the {number.page.title} page", icon=":material/arrow_forward:"
            )

# --- Agreements -----------------------------------------------------------------------------------
st.header("What was signed")
counts = figures[figures["metric"] == "Documents signed or exchanged at the summit"]
st.markdown(
    "**How many documents?** Sources count differently: "
    + "; ".join(f"{figure_markdown(row)}" for row in counts.itertuples())
)
domains = url_widget(params["agreement_domain"])
statuses = url_widget(params["agreement_status"])
shown = overview.agreements_view(agreements, tuple(domains), tuple(statuses))
st.caption(f"{len(shown)} of {len(agreements)} agreements, pacts and negotiations.")
st.subheader("What the articles expected, and what happened")
steps_by_agreement = overview.agreement_steps(shown, timeline)
comparison = overview.expected_vs_outcome(shown, steps_by_agreement, load_sources())
expected_by = comparison["expected_source_id"].map(lambda c: f" — {source_names(c)}" if c else "")
st.table(
    {
        "Agreement": comparison["agreement"],
        "What the articles expected": comparison["articles_expected"] + expected_by,
        "What happened (status, as of)": comparison["outcome"] + " — " + comparison["source_id"].map(source_names),
    },
    hide_index=True,
)
notes = shown.set_index("agreement_id")
for agreement_id, steps in steps_by_agreement.groupby("agreement_id", sort=False):
    agreement = notes.loc[agreement_id]
    st.markdown(
        f"**Step by step — {md(agreement['agreement'])}:** "
        + "; ".join(
            f"{md(s.date_label)}: {md(s.event)} ({source_markdown(s.source_id, short=True)})"
            for s in steps.itertuples()
        )
        + (f". {md(agreement['note'])}" if agreement["note"] else "")
    )
table_view("Full tracker: parties, what each does, evidence and notes; CSV download", shown, "india_russia_agreements")
dated_differently = date_disagreements(timeline)
for _, versions in dated_differently.groupby("event_id", sort=False):
    st.markdown(
        f"**Sources date it differently — {md(versions['event'].iloc[0])}:** "
        + "; ".join(f"{md(v.date)} ({source_markdown(v.source_id, short=True)})" for v in versions.itertuples())
    )

# --- Timeline -------------------------------------------------------------------------------------
st.header("Timeline")
timeline_domains = url_widget(params["timeline_domain"])
period = url_widget(params["timeline_period"])
events = overview.timeline_view(timeline, tuple(timeline_domains), period)
if events.empty:
    st.info("No events match these filters; choose another domain or period.", icon=":material/filter_alt_off:")
else:
    events = events.assign(source=events["source_id"].map(source_names))
    show_chart(
        charts.timeline(events, overview.PERIOD_AXIS_FORMATS[period]),
        events[["date_label", "event", "domain", "note", "source_id"]],
        "india_russia_timeline",
        f"{len(events)} dated events, {overview.PERIODS[period][0].lower()}; hover a point for the event. Where "
        "sources give different dates, each appears. Sources in the table.",
    )
