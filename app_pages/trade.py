"""Trade page: the FY2024-25 record, the latest year, history, composition, gaps, targets and the what-if."""

import streamlit as st

from components import charts, pages, trade, url_state, what_if
from components.data import DataError, load_figures, load_sources, load_table, load_trade_annual
from components.formatting import figure_phrase, fmt_bn, fmt_change_bn, fmt_mn, md
from components.params import query_of
from components.provenance import as_of
from components.ui import (
    cite,
    figure_markdown,
    show_chart,
    show_notices,
    source_markdown,
    source_names,
    sourced,
    stop_on_data_error,
    table_view,
    url_widget,
    with_sources,
)

HEADLINE_YEAR = trade.HEADLINE_YEAR
old_what_if_link = what_if.migrated_query(query_of(st.query_params))
if old_what_if_link is not None:  # the what-if moved to its own page: an old /trade link opens it there
    st.switch_page(pages.WHAT_IF.script, query_params=old_what_if_link)


@st.cache_resource(show_spinner=False)
def prepared() -> tuple[trade.TradeView, dict]:
    """The page's tables and charts from its five data files, built once per server; read-only (every session
    shares them), so no run hashes a table to find them."""
    hs2 = trade.check_hs2_years(load_table("trade_hs2.csv"))
    view = trade.view(
        load_trade_annual(), hs2, load_figures(), load_table("trade_items.csv"), load_table("trade_targets.csv")
    )
    shown = {
        "movers": with_sources(view.movers),
        "named": with_sources(view.named),
        "history": charts.trade_history(view.history, view.jump_year, f"FY2022-23: imports ×{view.jump_ratio:.1f}"),
        **{key: charts.composition(shares) for key, shares in view.compositions.items()},
        **{sector: charts.gap_bars(gap) for sector, gap in view.gaps.groupby("sector", sort=False)},
    }
    return view, shown


try:
    view, shown = prepared()
    sources = load_sources()
except DataError as error:
    stop_on_data_error(error)

series, goal, official = view.series, view.goal, view.official
latest = series.iloc[-1]
params, parsed = url_state.read(pages.TRADE, query_of(st.query_params))

before_war, record = view.before_war_bn, view.record_bn
st.title(f"Trade: a record year, a deep deficit, and the road to US$ {goal['goal']:g} bn")
st.markdown(
    f"India–Russia goods trade grew {record / before_war:.1f}-fold from {md(fmt_bn(before_war))} in FY2021-22 to "
    f"{md(fmt_bn(record))} in {trade.fy(HEADLINE_YEAR)}, as India bought discounted Russian crude. The 23rd "
    f"Annual Summit (4–5 December 2025) reaffirmed a goal of **US\\$ {goal['goal']:g} bn a year by "
    f"{goal['deadline']}**. Values are US\\$ at current prices; Indian "
    "fiscal years run April–March."
)
st.page_link(
    pages.WHAT_IF.script,
    label=f"Trade what-if: US\\$ {goal['goal']:g} bn by {goal['deadline']}?",
    help="Move the growth rates, see the 2030 total and share the link.",
    icon=":material/tune:",
)
cite(f"{trade.OFFICIAL_SOURCE};seed-002;{goal['source_id']}", "Sources")
show_notices(parsed.values())

# --- FY2024-25 headline -------------------------------------------------------------------------
st.header(f"{trade.fy(HEADLINE_YEAR)}: the year the summit talked about")
versions = view.versions
labels = {"total": "Total trade", "exports": "Exports", "imports": "Imports", "balance": "Balance"}
st.caption("Exports are India's exports to Russia, imports India's imports from Russia; balance = exports − imports.")
for column, (key, label) in zip(st.columns(4), labels.items(), strict=True):
    with column:
        st.metric(f"{label}, {trade.fy(HEADLINE_YEAR)} (US$ bn)", f"{official[key]:,.2f}", border=True)
        cite(trade.OFFICIAL_SOURCE, "Official series", short=True)
        lines = [
            f"- {md(figure_phrase(r.value_bn, 'US$ bn', r.qualifier))}: {md(source_names(r.source_id))}"
            + (" *(our computation from its figures)*" if r.how.startswith("computed") else "")
            for r in view.other_versions[key]
        ]
        st.markdown("**Other versions:**\n" + "\n".join(lines))

earlier = view.earlier
goods_and_services = " and ".join("'" + md(e) + "'" for e in view.goods_and_services)
st.info(
    "**Which figure is right?** The cards show the official TRADESTAT series as released in 2026 "
    f"(imports {md(fmt_mn(official['imports'] * 1000, 2))}). Articles around the summit quoted an earlier "
    f"release (imports US\\$ {earlier['value']:g} bn, {md(source_names(earlier['source_id']))}) or rounded it "
    f"({', '.join(f'{v:g}' for v in view.rounded)}). {md(source_names('seed-001'))}'s "
    f"{goods_and_services} count goods and services and give no period, "
    "so they are not the same measure.",
    icon=":material/balance:",
)
table_view("Every version of the FY2024-25 figures, with sources", versions, "fy2024-25_versions")

# --- Latest year ----------------------------------------------------------------------------------
previous = series.iloc[-2]
status = " (provisional)" if latest["status"] == "provisional" else ""
st.header(f"The latest year: {trade.fy(latest['fiscal_year'])}{status}")
for column, key, label in zip(st.columns(4), ("total", "exports", "imports", "balance"), labels.values(), strict=True):
    change = latest[f"{key}_bn"] - previous[f"{key}_bn"]
    column.metric(
        f"{label}, {trade.fy(latest['fiscal_year'])} (US$ bn)",
        f"{latest[f'{key}_bn']:,.2f}",
        delta=f"{fmt_change_bn(change, 2)} vs {trade.fy(previous['fiscal_year'])}",
        delta_color="off" if key == "total" else "normal",
        border=True,
    )
cite(trade.OFFICIAL_SOURCE, "Official series")
movers = view.movers
before, after = movers.attrs["years"]
st.subheader("What changed since the summit")
st.markdown(
    f"{after} runs from April 2025 to March 2026, so it straddles the summit. Compared with {before}, "
    "trade fell, led by crude oil, while fertiliser imports rose. The largest moves:"
)
st.dataframe(
    shown["movers"],
    hide_index=True,
    width="stretch",
    column_config={
        "before_usd_mn": st.column_config.NumberColumn(f"{before}, US$ mn", format="%,.1f"),
        "after_usd_mn": st.column_config.NumberColumn(f"{after}, US$ mn", format="%,.1f"),
        "change_pct": st.column_config.NumberColumn("Change, %", format="%+.1f"),
    },
)
crude = view.crude
st.markdown(
    f"**Crude oil after the summit — {len(crude)} estimates disagree.** For December 2025: "
    + "; ".join(figure_markdown(r) for r in crude)
)

# --- History --------------------------------------------------------------------------------------
st.header("Seventeen years of trade")
ratio = view.jump_ratio
show_chart(
    shown["history"],
    series,
    "india_russia_trade_annual",
    f"India's merchandise trade with Russia, {trade.fy(series['fiscal_year'].iloc[0])} to "
    f"{trade.fy(latest['fiscal_year'])}, US$ billion; balance = exports minus imports; a hollow point is "
    f"provisional. In FY2022-23 imports rose ×{ratio:.1f} on the year before as India bought discounted "
    f"Russian crude. Source: {source_markdown(trade.OFFICIAL_SOURCE)}; 'discounted crude oil': "
    f"{source_markdown('seed-002')}.",
)

# --- Composition ----------------------------------------------------------------------------------
st.header("What India buys and sells")
flow_param, year_param = params["flow"], params["year"]
left, right = st.columns(2)
with left:
    flow = url_widget(flow_param)
with right:
    year = url_widget(year_param)
shares = view.compositions[(flow, year)]
flow_words = "India's imports from Russia" if flow == "imports" else "India's exports to Russia"
show_chart(
    shown[(flow, year)],
    shares,
    f"india_russia_{flow}_by_hs_chapter_{year}",
    f"{flow_words} by HS chapter, {trade.fy(year)}, US\\$ million; each label gives the value in US\\$ million "
    "and, in brackets, its share of the flow. "
    f"Source: {source_markdown(trade.HS_SOURCE)}.",
)
st.subheader("The goods the articles name")
named = view.named
st.dataframe(
    shown["named"],
    hide_index=True,
    width="stretch",
    column_config={
        "item": "Item",
        "flow": "Direction",
        "as_printed": "As printed in the article",
        "hs_chapters": "Official HS chapter(s)",
        **{
            column: st.column_config.NumberColumn(column.split("_")[1] + ", US$ mn", format="%,.1f")
            for column in named.columns
            if column.startswith("chapters_")
        },
    },
)
st.markdown("Fertiliser imports from Russia, a year: " + "; ".join(figure_markdown(r) for r in view.fertiliser))

# --- Opportunity gaps -----------------------------------------------------------------------------
st.header("Where India could sell more")
for column, (sector, gap) in zip(st.columns(2), view.gaps.groupby("sector", sort=False), strict=True):
    with column:
        st.subheader(sector)
        show_chart(
            shown[sector],
            gap,
            f"gap_{sector.lower().replace(' ', '_')}",
            f"US$ million. Sources: {source_markdown(';'.join(dict.fromkeys(gap['source_id'])))}.",
        )
gap = view.gap_values
pharma_article = gap[("Pharmaceuticals", "India's sales, per article")]
pharma_official = gap[("Pharmaceuticals", "India's exports, official HS30")]
engineering_article = gap[("Engineering goods", "India's sales, per article")]
engineering_official = gap[("Engineering goods", "India's exports, official HS84")]
st.warning(
    "**The official data tell another story.** India Today's article says India supplies Russia "
    f"'{md(view.engineering_evidence)}' of machinery, but official HS chapter 84 "
    "exports were "
    f"{md(fmt_mn(engineering_official))} in {trade.fy(HEADLINE_YEAR)}, "
    f"{engineering_official / engineering_article:.0f} times more. The article's figure matches India's HS84 "
    f"imports *from* Russia instead ({md(fmt_mn(view.engineering_imports_mn))} in {trade.fy(HEADLINE_YEAR)}), so it "
    "may describe the other direction. Its pharmaceutical figure "
    f"({md(fmt_mn(pharma_article, 0))}) is above the official HS chapter 30 value "
    f"({md(fmt_mn(pharma_official))}), so it probably counts more than one chapter. The article gives no "
    "definitions, so we show both.",
    icon=":material/compare_arrows:",
)

# --- Targets --------------------------------------------------------------------------------------
st.header("Targets and commitments")
total_now = latest["total_bn"]
for target in view.targets:
    with st.container(border=True):
        st.markdown(f"**{md(target.target)}**")
        known = as_of(target.status_source_id or target.source_id, sources)
        facts = [f"Status ({known}): {md(target.status)}" + sourced(target.status_source_id)]
        if target.set_at:
            facts.append(f"Set: {md(target.set_at)}" + sourced(target.set_source_id))
        if target.target_id == "trade-100bn":
            facts.append(
                f"Progress: {md(fmt_bn(total_now))} in {trade.fy(latest['fiscal_year'])}{status}, "
                f"{total_now / target.goal:.0%} of the goal ({source_markdown(trade.OFFICIAL_SOURCE)})"
            )
        facts += [f"{md(f.metric)}, {md(f.period)}: {figure_markdown(f)}" for f in view.progress[target.target_id]]
        st.markdown("\n".join(f"- {fact}" for fact in facts))
        cite(target.source_id, f"As stated: '{md(target.evidence)}' —")
