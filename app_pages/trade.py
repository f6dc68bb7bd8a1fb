"""Trade page: the latest year, the FY2024-25 record, history, composition, gaps and targets."""

import streamlit as st

from components import pages, prepared, trade, ui, what_if
from components.data import load_sources
from components.formatting import fmt_bn, fmt_change_bn, fmt_pct_change, md
from components.params import query_of
from components.provenance import as_of

HEADLINE_YEAR = trade.fy(trade.HEADLINE_YEAR)
old_what_if_link = what_if.migrated_query(query_of(st.query_params))
if old_what_if_link is not None:  # the what-if moved to its own page: an old /trade link opens it there
    st.switch_page(pages.WHAT_IF.script, query_params=old_what_if_link)

(view, shown), params, parsed = ui.open_page(pages.TRADE, prepared.trade_page)
series, goal, official, latest = view.series, view.goal, view.official, view.series.iloc[-1]
previous, latest_year = series.iloc[-2], trade.fy(latest["fiscal_year"])
status = " (provisional)" if latest["status"] == "provisional" else ""
st.title(f"Trade: below the record, and far from US$ {goal['goal']:g} bn")
contents = ui.Contents()  # filled by the section headings below
st.markdown(
    f"India–Russia goods trade was **{md(fmt_bn(latest['total_bn']))} in {latest_year}**{status}, "
    f"{fmt_pct_change(latest['total_bn'] / previous['total_bn'] - 1)} on the record "
    f"{md(fmt_bn(view.record_bn))} of {HEADLINE_YEAR}, the year the summit talked about. The 23rd Annual Summit "
    f"(4–5 December 2025) reaffirmed a goal of **US\\$ {goal['goal']:g} bn a year by {goal['deadline']}**. Values are "
    "US\\$ at current prices; Indian fiscal years run April–March."
)
st.page_link(
    pages.WHAT_IF.script,
    label=f"Trade what-if: US\\$ {goal['goal']:g} bn by {goal['deadline']}?",
    help="Move the growth rates, see the 2030 total and share the link.",
    icon=":material/tune:",
)
ui.cite(f"{trade.OFFICIAL_SOURCE};{goal['set_source_id']}", "Sources", short=True)
ui.show_notices(parsed.values())

# --- Latest year ----------------------------------------------------------------------------------
labels = {"total": "Total trade", "exports": "Exports", "imports": "Imports", "balance": "Balance"}
contents.header(f"The latest year: {latest_year}{status}", "Latest year")
st.caption("Exports are India's exports to Russia, imports India's imports from Russia; balance = exports − imports.")
for column, (key, label) in zip(st.columns(4), labels.items(), strict=True):
    column.metric(
        f"{label}, {latest_year} (US$ bn)",
        f"{latest[f'{key}_bn']:,.2f}",
        delta=f"{fmt_change_bn(latest[f'{key}_bn'] - previous[f'{key}_bn'], 2)} vs {trade.fy(previous['fiscal_year'])}",
        delta_color="off" if key == "total" else "normal",
        border=True,
    )
ui.cite(trade.OFFICIAL_SOURCE, "Official series")
before, after = view.movers.attrs["years"]
st.subheader("What changed since the summit")
st.markdown(
    f"{after} runs from April 2025 to March 2026, so it straddles the summit. Compared with {before}, "
    "trade fell, led by crude oil, while fertiliser imports rose. The largest moves:"
)
mover_columns = ui.number_columns({"before_usd_mn": f"{before}, US$ mn", "after_usd_mn": f"{after}, US$ mn"})
mover_columns |= ui.number_columns({"change_pct": "Change, %"}, "%+.1f")
ui.show_table(shown["movers"], mover_columns)
st.markdown(f"**Russian crude oil after the summit, as tanker trackers counted it:** {shown['crude']}")
st.markdown(
    f"**Forecasts made at the summit, for December 2025 — {len(view.crude)} estimates disagree:** "
    + "; ".join(ui.figure_markdown(r) for r in view.crude)
)

# --- FY2024-25 headline -------------------------------------------------------------------------
contents.header(f"{HEADLINE_YEAR}: the record year the summit talked about", "FY2024-25")
st.markdown(
    f"Goods trade grew {view.record_bn / view.before_war_bn:.1f}-fold from {md(fmt_bn(view.before_war_bn))} in "
    f"FY2021-22 to {md(fmt_bn(view.record_bn))} in {HEADLINE_YEAR}, driven largely by energy imports "
    f"({ui.source_markdown('seed-000', short=True)})."
)
for column, (key, label) in zip(st.columns(4), labels.items(), strict=True):
    with column:
        st.metric(f"{label}, {HEADLINE_YEAR} (US$ bn)", f"{official[key]:,.2f}", border=True)
        ui.cite(trade.OFFICIAL_SOURCE, "Official series", short=True)
        st.markdown(shown["other versions"][key])
st.info(shown["which figure"], icon=":material/balance:")
ui.table_view("Every version of the FY2024-25 figures, with sources", view.versions, "fy2024-25_versions")

# --- History --------------------------------------------------------------------------------------
contents.header("Seventeen years of trade", "History")
ui.show_chart(
    shown["history"],
    series,
    "india_russia_trade_annual",
    f"India's merchandise trade with Russia, {trade.fy(series['fiscal_year'].iloc[0])} to {latest_year}, US$ "
    "billion; balance = exports minus imports; a hollow point is provisional. In FY2022-23 imports rose "
    f"×{view.jump_ratio:.1f} on the year before as India's energy imports from Russia surged. Source: "
    f"{ui.source_markdown(trade.OFFICIAL_SOURCE)}; 'a sharp increase in energy imports': "
    f"{ui.source_markdown('seed-000', short=True)}.",
)

# --- Composition ----------------------------------------------------------------------------------
contents.header("What India buys and sells", "Composition")
left, right = st.columns(2)
with left:
    flow = ui.url_widget(params["flow"])
with right:
    year = ui.url_widget(params["year"])
flow_words = "India's imports from Russia" if flow == "imports" else "India's exports to Russia"
ui.show_chart(
    shown[(flow, year)],
    view.compositions[(flow, year)],
    f"india_russia_{flow}_by_hs_chapter_{year}",
    f"{flow_words} by HS chapter, {trade.fy(year)}, US\\$ million; each label gives the value in US\\$ million "
    f"and, in brackets, its share of the flow. Source: {ui.source_markdown(trade.HS_SOURCE)}.",
)
st.subheader("The goods the articles name")
chapter_columns = [column for column in view.named.columns if column.startswith("chapters_")]
ui.show_table(
    shown["named"],
    {"flow": "Direction"}
    | ui.number_columns({column: f"{column.split('_')[1]} (US$ mn)" for column in chapter_columns}),
)
st.markdown("Fertiliser imports from Russia, a year: " + "; ".join(ui.figure_markdown(r) for r in view.fertiliser))

# --- Opportunity gaps -----------------------------------------------------------------------------
contents.header("Where India could sell more", "Export gaps")
for column, (sector, gap) in zip(st.columns(2), view.gaps.groupby("sector", sort=False), strict=True):
    with column:
        st.subheader(sector)
        ui.show_chart(
            shown[sector],
            gap,
            f"gap_{sector.lower().replace(' ', '_')}",
            f"US$ million. Sources: {ui.source_markdown(';'.join(dict.fromkeys(gap['source_id'])))}.",
        )
st.warning(trade.sales_gap_warning(view), icon=":material/compare_arrows:")

# --- For exporters -------------------------------------------------------------------------------
contents.header("For exporters: what the summit changed", "For exporters")
st.markdown(shown["exporters"])
st.markdown("Deeper: [the export gaps](#export-gaps) · [what India sells](#composition) · [targets](#targets)")
st.page_link(pages.OVERVIEW.script, label="Every agreement, its status and sources", icon=":material/handshake:")
st.page_link(pages.WHAT_IF.script, label="What if pharma and engineering sales grow?", icon=":material/tune:")

# --- Targets --------------------------------------------------------------------------------------
contents.header("Targets and commitments", "Targets")
sources, standings = load_sources(), prepared.standings()
for target in view.targets:
    with st.container(border=True):
        st.markdown(f"**{md(target.target)}**")
        if target.target_id in standings:  # a followed item: its status is its dated history's
            facts = [f"Status: {prepared.standing_markdown(standings[target.target_id])}"]
            facts.append(f"Step by step: {prepared.item_steps(target.target_id)}")
        else:
            known = as_of(target.status_source_id or target.source_id, sources)
            facts = [f"Status ({known}): {md(target.status)}" + ui.sourced(target.status_source_id)]
        if target.set_at:
            facts.append(f"Set: {md(target.set_at)}" + ui.sourced(target.set_source_id))
        if target.target_id == "trade-100bn":
            facts.append(
                f"Progress: {md(fmt_bn(latest['total_bn']))} in {latest_year}{status}, "
                f"{latest['total_bn'] / target.goal:.0%} of the goal ({ui.source_markdown(trade.OFFICIAL_SOURCE)})"
            )
        facts += [f"{md(f.metric)}, {md(f.period)}: {ui.figure_markdown(f)}" for f in view.progress[target.target_id]]
        st.markdown("\n".join(f"- {fact}" for fact in facts))
        if target.target_id == "us-tariffs":
            st.markdown("**What the oil condition is — each side's words:**\n" + ui.fact_lines("us-oil-condition"))
        ui.cite(target.source_id, f"As stated: '{md(target.evidence)}' —")
contents.show()
