"""Trade page: the latest year, the FY2024-25 record, history, composition, gaps and targets."""

import streamlit as st

from components.core import pages, what_if_state
from components.core.formatting import figure_phrase, fmt_bn, md, plain, signed
from components.core.i18n import link_pairs, tr
from components.core.params import query_of
from components.store import exhibits, prepared, sourcing
from components.topics import trade
from components.ui import render

HEADLINE_YEAR = trade.fy(trade.HEADLINE_YEAR)
LABELS = {"total": "Total", "exports": "Exports", "imports": "Imports", "balance": "Balance"}
# the server redirects an old what-if link; the app alone (streamlit run app.py) opens it here
if (old_link := what_if_state.migrated(f"/{pages.TRADE.url_path}", query_of(st.query_params))) is not None:
    st.switch_page(pages.WHAT_IF.script, query_params=old_link[1])

(view, shown), params, parsed = render.open_page(pages.TRADE, prepared.trade_page)
goal, latest, previous = view.goal, view.series.iloc[-1], view.series.iloc[-2]
latest_year = trade.fy(latest["fiscal_year"])
contents = render.intro(prepared.trade_first_screen())
st.page_link(
    pages.WHAT_IF.script,
    label=tr("Trade what-if: {goal} by {deadline}?").format(
        goal=md(figure_phrase(goal["goal"], "US$ bn")), deadline=goal["deadline"]
    ),
    help=tr("Move the growth rates, see the 2030 total and share the link."),
    icon=":material/tune:",
    query_params=link_pairs(),
)
render.show_notices(parsed.values())

# --- Latest year ----------------------------------------------------------------------------------
before, after = view.movers.attrs["years"]
contents.section(
    f"The latest year, {latest_year}",
    "Latest year",
    (
        tr(
            "India's exports to Russia, imports from it and the balance, against {before}; {after} (April 2025 to "
            "March 2026) straddles the summit, and its figures are provisional."
        )
        if latest["status"] == "provisional"
        else tr(
            "India's exports to Russia, imports from it and the balance, against {before}; {after} (April 2025 to "
            "March 2026) straddles the summit."
        )
    ).format(before=before, after=after),
)
with st.container(horizontal=True, gap="small"):
    for key, label in LABELS.items():
        change = latest[f"{key}_bn"] - previous[f"{key}_bn"]
        render.change_metric(
            tr("{flow} (US$ bn)").format(flow=tr(label)),
            plain(latest[f"{key}_bn"]),
            change,
            signed(change),
            before,
            good=None if key == "total" else "down" if key == "imports" else "up",
        )
render.cite(trade.OFFICIAL_SOURCE, "Source", short=True)
render.reading_table(
    shown["movers"],
    {"what": tr("Goods (HS chapter)"), "after_usd_mn": tr("{year}, US$ mn").format(year=after), "change": tr("Change")},
    words=("what",),
)
render.more(
    tr("Crude oil after the summit: forecasts and tanker counts"),
    "crude",
    lambda: st.markdown(
        f"**As tanker trackers counted it:** {shown['crude']}\n\n**Forecasts made at the summit, for December "
        f"2025 — {len(view.crude)} estimates disagree:** " + "; ".join(sourcing.figure_markdown(r) for r in view.crude)
    ),
)

# --- FY2024-25 headline -------------------------------------------------------------------------
contents.section(
    f"{HEADLINE_YEAR}: the record year",
    HEADLINE_YEAR,
    tr(
        "Goods trade grew {times}-fold from {before} in FY2021-22 to {record} in {year}, driven largely by energy "
        "imports ({source})."
    ).format(
        times=plain(view.record_bn / view.before_war_bn, 1),
        before=md(fmt_bn(view.before_war_bn)),
        record=md(fmt_bn(view.record_bn)),
        year=HEADLINE_YEAR,
        source=sourcing.source_markdown("seed-000", short=True),
    ),
)


def record_versions() -> None:
    """The record year's four figures as the official series gives them, beside every other version."""
    for column, (key, label) in zip(st.columns(4), LABELS.items(), strict=True):
        with column:
            st.metric(f"{label}, {HEADLINE_YEAR}", fmt_bn(view.official[key]), border=True)
            st.markdown(shown["other versions"][key])
    st.info(shown["which figure"], icon=":material/balance:")
    render.table_with_download(exhibits.record_versions())


render.more(tr("Every version of the record year's figures, and which is right"), "record-versions", record_versions)

# --- History --------------------------------------------------------------------------------------
contents.section(
    "Seventeen years of trade", "History", tr("Exports, imports, total and balance, by fiscal year, US\\$ bn.")
)
render.show_chart(exhibits.trade_history())

# --- Composition ----------------------------------------------------------------------------------
contents.section(
    "What India buys and sells",
    "Composition",
    tr("The largest goods chapters of either flow, in either year."),
)
with st.container(horizontal=True, gap="medium"):  # side by side, on a phone too
    flow = render.url_widget(params["flow"])
    year = render.url_widget(params["year"])
render.show_chart(exhibits.composition(flow, year))


def named_goods() -> None:
    """The goods the articles name, beside the official value of their chapters, and the fertiliser figures."""
    chapter_columns = [column for column in view.named.columns if column.startswith("chapters_")]
    render.show_table(
        shown["named"],
        {"flow": "Direction"}
        | render.number_columns({column: f"{column.split('_')[1]} (US$ mn)" for column in chapter_columns}),
    )
    st.markdown(
        "Fertiliser imports from Russia, a year: " + "; ".join(sourcing.figure_markdown(r) for r in view.fertiliser)
    )


render.more(tr("The goods the articles name, with their official chapters"), "named-goods", named_goods)

# --- Opportunity gaps -----------------------------------------------------------------------------
contents.section(
    "Where India could sell more",
    "Export gaps",
    tr("Russia's imports of medicines and machinery against India's sales to it."),
)
for column, gap in zip(st.columns(2), exhibits.export_gaps(), strict=True):
    with column:
        render.show_chart(gap)
render.more(
    tr("Why the article's figures differ from the official ones, and what the summit agreed for exporters"),
    "gap-why",
    lambda: st.markdown(
        f"{trade.sales_gap_warning(view)}\n\n**For exporters: what the summit agreed**\n\n{shown['exporters']}"
    ),
)

# --- Targets --------------------------------------------------------------------------------------
contents.section("Targets and commitments", "Targets", tr("Where each target stands, as of its newest dated source."))
render.reading_table(
    shown["targets"], {"target": tr("Target"), "status": tr("Status"), "as_of": tr("As of")}, words=("target", "status")
)
render.more(
    tr("Each target: how it was set, its progress and its sources"),
    "targets-detail",
    lambda: st.markdown(prepared.targets_detail()),
)
