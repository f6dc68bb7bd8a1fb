"""Trade what-if: a shared scenario's answer on the first screen, presets, a pinned scenario to compare, sharing."""

import streamlit as st

from components import charts, pages, trade, url_state, what_if
from components.data import DataError, load_figures, load_scenario_bases, load_trade_annual
from components.formatting import fmt_bn, fy, md
from components.params import query_of
from components.scenario import SCENARIO_PARAMS, TARGET_TOTAL_BN, nearest_cell, project, sensitivity
from components.share import share_panel
from components.ui import (
    lazy_section,
    show_chart,
    show_notices,
    source_markdown,
    stop_on_data_error,
    url_widget,
)


@st.cache_resource(show_spinner=False)
def prepared() -> what_if.Inputs:
    """What the page needs from its three data files, built once per server and read-only."""
    return what_if.prepare(load_trade_annual(), load_scenario_bases(), load_figures())


try:
    inputs = prepared()
except DataError as error:
    stop_on_data_error(error)

params, parsed = url_state.read(pages.WHAT_IF, query_of(st.query_params))
BASE = params["base"]
pinned_values = {p.key: parsed[c.key].value for p, c in zip(SCENARIO_PARAMS, what_if.COMPARE_PARAMS, strict=True)}
pinned = (
    what_if.levers_of(pinned_values) if any(parsed[c.key].status != "missing" for c in what_if.COMPARE_PARAMS) else None
)

st.title("Trade what-if")
answer = st.container()
growth_columns = st.columns(2)
for column, param, flow in zip(growth_columns, SCENARIO_PARAMS[:2], ("exports_usd_mn", "imports_usd_mn"), strict=True):
    with column:
        url_widget(param)
        st.caption(inputs.reality[flow])
comparison = st.container()  # scenario A beside this one, when pinned: just under the sliders
other_levers = (*SCENARIO_PARAMS[2:], BASE)
with st.expander(
    "More levers: pharmaceuticals, engineering, energy, base year",
    expanded=any(parsed[p.key].status != "missing" for p in other_levers),
):
    for param in SCENARIO_PARAMS[2:]:
        url_widget(param)
    base_id = url_widget(BASE)
    st.caption(f"Base year {md(inputs.base_labels[base_id])}: the model starts from its official figures.")

levers = what_if.levers_of({p.key: st.session_state[p.key] for p in SCENARIO_PARAMS})
base = inputs.bases[base_id]
path = project(base, levers)

if pinned is not None:
    comparison.markdown(what_if.comparison_table(pinned, project(base, pinned), levers, path))
with answer:
    st.markdown(f"**{md(what_if.verdict(path['total_bn'].iloc[-1]))}**")
    for column, card in zip(st.columns(2), what_if.result_cards(base, path), strict=True):
        column.metric(card.label, card.value, delta=card.delta, border=True, help=card.help)
    if base_id != BASE.default:
        newer = BASE.default
        st.info(
            f"This link computes from its base year, {md(inputs.base_labels[base_id])}, as it was made; "
            f"a newer base exists: {md(inputs.base_labels[newer])}.",
            icon=":material/update:",
        )
        st.page_link(
            pages.WHAT_IF.script,
            label=f"Open this scenario from {fy(newer)}",
            query_params=what_if.share_params(newer, levers, pinned),
            icon=":material/arrow_forward:",
        )
    show_notices(parsed.values())

# --- The path -------------------------------------------------------------------------------------
pinned_path = project(base, pinned) if pinned is not None else None
chart_paths = what_if.chart_paths(inputs.official, path, pinned_path)
show_chart(
    charts.trade_projection(chart_paths, TARGET_TOTAL_BN),
    lambda: what_if.year_table(path, pinned_path, inputs.base_sources[base_id]),
    "india_russia_trade_what_if",
    "India's goods trade with Russia, US\\$ billion: the official series (solid) to "
    f"{fy(inputs.latest_year)} and this scenario's path (dashed) from {fy(base.fiscal_year)} to "
    "FY2029-30 (labelled 2030)"
    + (", with scenario A's total dotted" if pinned is not None else "")
    + ". A scenario, not a forecast. Official figures: "
    + source_markdown(trade.OFFICIAL_SOURCE)
    + ".",
)

st.subheader("Growth needed for US\\$ 100 bn")
st.markdown("\n".join(f"- {md(line)}" for line in what_if.growth_needed_lines(base, levers)))

# --- Presets and comparison -------------------------------------------------------------------------
choices = inputs.presets[base_id]
by_key = {p.key: p for p in choices}


def apply_preset() -> None:
    """Set every slider to the chosen preset's levers; the address bar follows the sliders."""
    chosen = st.session_state["preset"]
    if chosen:
        for key, value in what_if.lever_values(by_key[chosen].levers).items():
            st.session_state[key] = value


st.subheader("Presets")
match = what_if.matching_preset(choices, levers)
st.session_state["preset"] = match.key if match else None
st.pills(
    "Start from a named scenario (it sets the sliders; the link spells out every value)",
    [p.key for p in choices],
    format_func=lambda key: by_key[key].label,
    key="preset",
    on_change=apply_preset,
)
st.caption(
    f"**{md(match.label)}:** {md(match.definition)} Source: {source_markdown(match.source_id, short=True)}."
    if match
    else "The sliders match no preset."
)
with st.expander("What each preset means"):
    st.markdown(
        "\n".join(
            f"- **{md(p.label)}**: {md(p.definition)} ({source_markdown(p.source_id, short=True)})" for p in choices
        )
    )


def pin() -> None:
    """Keep the sliders' scenario in the link as scenario A."""
    st.query_params.update(what_if.lever_values(levers, what_if.COMPARE_PARAMS))


def unpin() -> None:
    """Drop scenario A from the link."""
    for param in what_if.COMPARE_PARAMS:
        st.query_params.pop(param.key, None)


st.subheader("Compare two scenarios")
st.caption(
    "Pin this scenario as A, then move the sliders: both paths are drawn and both sets of 2030 figures shown "
    "at the top. Scenario A lives in the link too."
)
buttons = st.columns(2)
buttons[0].button("Pin this scenario as A", on_click=pin, icon=":material/push_pin:", width="stretch")
if pinned is not None:
    buttons[1].button("Remove scenario A", on_click=unpin, icon=":material/close:", width="stretch")

# --- Share --------------------------------------------------------------------------------------------
st.subheader("Share this scenario")
query = what_if.share_query(base_id, levers, pinned)
share_panel(f"{pages.WHAT_IF.url_path}?{query}", "India–Russia trade what-if", key="share")
origin = st.context.url.rsplit("/", 1)[0] if st.context.url else ""
st.download_button(
    "Download the year-by-year table (CSV)",
    lambda: what_if.scenario_csv(
        path,
        base_id,
        f"{inputs.base_labels[base_id]}, official figures: TRADESTAT, Ministry of Commerce & Industry",
        query,
        f"{origin}/{pages.WHAT_IF.url_path}?{query}",
    ),
    file_name="india_russia_trade_what_if.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
st.caption(
    "The link spells out the base year and every lever, so it keeps its meaning if defaults or presets change. "
    "The embed code shows this page without the app's navigation (Streamlit's `?embed=true`)."
)


# --- Sensitivity and method -----------------------------------------------------------------------
def sensitivity_grid() -> None:
    """The 2030 total for a grid of export and import growth rates, other levers as set."""
    export_rates, import_rates = list(range(-20, 61, 10)), list(range(-30, 31, 10))
    grid = sensitivity(base, levers, export_rates, import_rates)
    current = (nearest_cell(export_rates, levers.export_growth), nearest_cell(import_rates, levers.import_growth))
    show_chart(
        charts.sensitivity(grid, current),
        grid.assign(source_id=trade.OFFICIAL_SOURCE),
        "india_russia_trade_sensitivity",
        "Total trade in 2030 (US\\$ bn) for each pair of export and import growth rates, with the other levers "
        "as set. The outlined cell is the nearest to the sliders' export and import growth.",
    )


lazy_section("Which growth rates reach the target? A grid of export and import growth", "sensitivity", sensitivity_grid)


def method() -> None:
    """How the what-if is computed, with every input cited."""
    st.markdown(
        f"Base year t = 0 is {md(inputs.base_labels[base_id])}: figures of the official series "
        f"kept as links made from it computed them; t counts years after it, up to t = {base.horizon} "
        "(FY2029-30, labelled 2030). Growth rates compound; the three summit levers phase in evenly, reaching "
        "their full size in 2030."
    )
    st.latex(r"\text{ramp}_t = t / T")
    st.latex(r"\text{exports}_t = E_0 (1+x)^t + \text{ramp}_t\,(p \cdot P + q \cdot Q)")
    st.latex(r"\text{imports}_t = I_0 (1+m)^t\,(1 + \text{ramp}_t \cdot s \cdot e)")
    st.latex(r"\text{total}_t = \text{exports}_t + \text{imports}_t")
    st.latex(r"\text{balance}_t = \text{exports}_t - \text{imports}_t")
    st.markdown(
        f"- E₀ = {md(fmt_bn(base.exports_bn))}, I₀ = {md(fmt_bn(base.imports_bn))}: "
        f"{fy(base.fiscal_year)} ({source_markdown(trade.OFFICIAL_SOURCE)})\n"
        "- x = `export_growth`, m = `import_growth` (% a year)\n"
        f"- P = {base.pharma_market_bn:g} bn: Russia's pharmaceutical import market, "
        f"'{md(inputs.pharma_evidence)}' ({source_markdown('seed-004')}); "
        "p = `pharma_capture`\n"
        f"- Q = {base.engineering_demand_bn:g} bn: the lower end of Russia's engineering import demand, "
        f"'{md(inputs.engineering_evidence)}' ({source_markdown('seed-004')}); "
        "q = `engineering_capture`\n"
        f"- s = {base.energy_share:.1%}: mineral fuels (HS27) as a share of imports in {fy(base.fiscal_year)} "
        f"({source_markdown(trade.HS_SOURCE)}); e = `energy_change`\n"
        "- Growth needed: the export growth x, or the one rate for x and m together, at which total in 2030 "
        "equals 100 with every other lever as set (solved exactly for x, by bisection for the common rate).\n"
        f"- Reality check: the compound annual growth of each flow over every {what_if.REALITY_SPAN_YEARS}-year "
        "span of the official series."
    )


lazy_section("Method: how the what-if is computed", "method", method)
