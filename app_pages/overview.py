"""Overview page: the summit a year on — its finding and key numbers, what changed since, what was signed, and a
dated timeline."""

import streamlit as st

from components.core import pages
from components.core.i18n import tr
from components.store import exhibits, prepared
from components.ui import render

fixed, params, parsed = render.open_page(pages.OVERVIEW, prepared.overview_page)
screen = prepared.overview_first_screen()
contents = render.intro(screen)
render.key_number_cards(screen.cards, links=True)
render.more(
    tr("The visit at a glance: when, what kind of visit, who came"), "at-a-glance", lambda: st.markdown(fixed.glance)
)
render.show_notices(parsed.values())

# --- Since the summit ---------------------------------------------------------------------------------
contents.section(
    "Since the summit",
    "Since the summit",
    tr(
        "The newest news on each deliverable the summit touched, from its strongest source (news checked to {day})."
    ).format(day=fixed.searched),
)
st.markdown("\n".join(f"- {line}" for line in fixed.latest_news))


def every_deliverable() -> None:
    """Each followed item at the summit and now, then the table of them all with its download."""
    st.markdown("\n".join(f"- {line}" for line in fixed.moved) + "\n\n" + fixed.unmoved)
    render.table_with_download(exhibits.since_the_summit())


render.more(
    tr("Every deliverable at the summit and now ({count}), sourced").format(count=len(fixed.standings)),
    "since-all",
    every_deliverable,
)
st.caption(tr("Follow these changes in a feed reader: [changes feed (Atom)](/api/v1/changes.atom)."))

# --- Agreements -----------------------------------------------------------------------------------
contents.section("What was signed", "Agreements", fixed.agreements_lead)
domains = render.url_widget(params["agreement_domain"])
statuses = render.url_widget(params["agreement_status"])
shown = prepared.agreements(tuple(domains), tuple(statuses))
if shown.standing.empty:
    st.info(
        tr("No agreement matches these filters; choose another domain or status."), icon=":material/filter_alt_off:"
    )
else:
    render.reading_table(
        shown.standing,
        {"agreement": tr("Agreement"), "status": tr("Status"), "as_of": tr("As of")},
        words=("agreement", "status"),
    )
render.more(
    tr("What the articles expected, each agreement's dated steps, and how sources count the documents"),
    "agreements-detail",
    lambda: st.markdown(shown.detail),
)
render.table_view(tr("Every agreement: parties, what each does, evidence; CSV"), exhibits.agreements(domains, statuses))

# --- Timeline -------------------------------------------------------------------------------------
contents.section(
    "Timeline", "Timeline", tr("Dated events since the strategic partnership of 2000, each from its source.")
)
timeline_domains = render.url_widget(params["timeline_domain"])
period = render.url_widget(params["timeline_period"])
events, chart, listed = prepared.timeline(tuple(timeline_domains), period)
if chart is None:
    st.info(tr("No events match these filters; choose another domain or period."), icon=":material/filter_alt_off:")
else:
    render.show_chart(exhibits.timeline(timeline_domains, period))
    render.more(tr("The events, numbered as on the chart"), "timeline-events", lambda: st.markdown(listed))
