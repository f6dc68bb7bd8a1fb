"""Overview page: the summit at a glance, key numbers, agreements expected vs signed, and a dated timeline."""

import streamlit as st

from components import overview, pages, prepared, ui
from components.formatting import md

fixed, params, parsed = ui.open_page(pages.OVERVIEW, prepared.overview_page)
facts, agreements = fixed.facts, fixed.agreements

st.title("India and Russia: the 23rd Annual Summit at a glance")
contents = ui.Contents()  # filled by the section headings below
st.markdown(prepared.lead_figures(pages.OVERVIEW.script))
st.markdown(
    "What happened when Vladimir Putin came to New Delhi, what was expected and what was signed, and where "
    "each part of the story lives in this explainer. Every statement names its source; where sources "
    "disagree, each version is shown."
)
ui.show_notices(parsed.values())

# --- At a glance ----------------------------------------------------------------------------------
contents.header("The summit at a glance", "At a glance")
topics = list(dict.fromkeys(facts["topic"]))
for column, topic in zip(st.columns(len(topics)), topics, strict=True):
    with column:
        st.subheader(topic)
        for fact in facts[facts["topic"] == topic].itertuples():
            st.markdown(f"{md(fact.fact)}")
            ui.cite(fact.source_id, short=True)

# --- Since the summit ------------------------------------------------------------------------------
contents.header("Since the summit: where each deliverable stands", "Since the summit")
st.markdown(
    "Each agreement and programme the summit touched, at the summit and now, from its strongest source; a later "
    f"report that only a weak source makes is shown apart. Newest news first; news last searched for on "
    f"{fixed.searched}."
)
st.markdown("\n".join(f"- {line}" for line in fixed.moved))
st.markdown(fixed.unmoved)
st.caption("Follow these changes in a feed reader: [changes feed (Atom)](/api/v1/changes.atom).")
ui.table_view("Every item at the summit and now, with sources (CSV)", fixed.standings, "india_russia_since_the_summit")

# --- Key numbers --------------------------------------------------------------------------------------
contents.header("Key numbers", "Key numbers")
for numbers in fixed.key_numbers:
    for column, number in zip(st.columns(3), numbers, strict=False):
        with column:
            st.metric(number.label, number.value, border=True)
            said = f"{md(number.wording)} — " if number.wording else "Source: "
            st.caption(said + ui.source_markdown(number.source_id, short=True))
            st.page_link(
                number.page.script, label=f"More on the {number.page.title} page", icon=":material/arrow_forward:"
            )

# --- Agreements -----------------------------------------------------------------------------------
contents.header("What was signed", "Agreements")
st.markdown(f"**How many documents?** Sources count differently: {fixed.document_counts}")
domains = ui.url_widget(params["agreement_domain"])
statuses = ui.url_widget(params["agreement_status"])
shown = prepared.agreements(tuple(domains), tuple(statuses))
st.caption(f"{len(shown.chosen)} of {len(agreements)} agreements, pacts and negotiations.")
st.subheader("What the articles expected, and what happened")
st.table(shown.comparison, hide_index=True)
for line in shown.step_lines:
    st.markdown(line)
tracker = "Full tracker: parties, what each does, evidence and notes; CSV download"
ui.table_view(tracker, shown.chosen, "india_russia_agreements")
for _, versions in fixed.dated_differently.groupby("event_id", sort=False):
    st.markdown(
        f"**Sources date it differently — {md(versions['event'].iloc[0])}:** "
        + "; ".join(f"{md(v.date)} ({ui.source_markdown(v.source_id, short=True)})" for v in versions.itertuples())
    )

# --- Timeline -------------------------------------------------------------------------------------
contents.header("Timeline", "Timeline")
timeline_domains = ui.url_widget(params["timeline_domain"])
period = ui.url_widget(params["timeline_period"])
events, chart, listed = prepared.timeline(tuple(timeline_domains), period)
if chart is None:
    st.info("No events match these filters; choose another domain or period.", icon=":material/filter_alt_off:")
else:
    ui.show_chart(
        chart,
        events[["date_label", "event", "domain", "note", "source_id"]],
        "india_russia_timeline",
        f"{len(events)} dated events ({overview.PERIODS[period][0]}), numbered as in the list below. Where "
        "sources give different dates, each appears.",
    )
    st.markdown(listed)
contents.show()
