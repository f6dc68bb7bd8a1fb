"""Trade what-if: a shared scenario's answer on the first screen, presets, a pinned scenario to compare, sharing."""

import streamlit as st

from components import exhibits, pages, prepared, trade, ui, what_if
from components.answer import answer_panel
from components.formatting import fmt_bn, fy, md
from components.scenario import SCENARIO_PARAMS, project
from components.share import share_panel


@st.fragment
def what_if_page() -> None:
    """The page. A fragment: moving a slider, picking a preset or pinning reruns the page alone, not the app's
    navigation, sidebar and footer, so the answer comes back sooner."""
    inputs, params, parsed = ui.open_page(pages.WHAT_IF, prepared.what_if_inputs)
    base_param = params["base"]
    pinned = what_if.pinned_levers(parsed)

    st.title("Trade what-if")
    answer = st.container()
    for column, param, flow in zip(
        st.columns(2), SCENARIO_PARAMS[:2], ("exports_usd_mn", "imports_usd_mn"), strict=True
    ):
        with column:
            ui.url_widget(param)
            st.caption(inputs.reality[flow])
    comparison = st.container()  # scenario A beside this one, when pinned: just under the sliders
    linked = any(
        parsed[p.key].status != "missing" for p in (*SCENARIO_PARAMS[2:], base_param)
    )  # open if the link sets one
    with st.expander("More levers: pharmaceuticals, engineering, energy, base year", expanded=linked):
        for param in SCENARIO_PARAMS[2:]:
            ui.url_widget(param)
        base_id = ui.url_widget(base_param)
        st.caption(f"Base year {md(inputs.base_labels[base_id])}: the model starts from its official figures.")

    levers = what_if.levers_of({p.key: st.session_state[p.key] for p in SCENARIO_PARAMS})
    base = inputs.bases[base_id]
    path = project(base, levers)

    ui.page_title(f"Trade what-if: {fmt_bn(path['total_bn'].iloc[-1], 1)} by FY2029-30?")
    if pinned is not None:
        comparison.markdown(what_if.comparison_table(pinned, project(base, pinned), levers, path))
    with answer:
        answer_panel(base, levers, path, key="answer")
        if base_id != (newer := base_param.default):
            st.info(what_if.newer_base_note(inputs, base_id, newer), icon=":material/update:")
            newer_link = what_if.share_params(newer, levers, pinned)
            st.page_link(pages.WHAT_IF.script, label=f"Open this scenario from {fy(newer)}", query_params=newer_link)
        ui.show_notices(parsed.values())

    # --- The path -------------------------------------------------------------------------------------
    ui.show_chart(exhibits.what_if_path(base_id, levers, pinned))

    growth_lines = "\n".join(f"- {md(line)}" for line in what_if.growth_needed_lines(base, levers))
    st.markdown(f"## Growth needed for US\\$ 100 bn\n\n{growth_lines}")

    # --- Presets and comparison -------------------------------------------------------------------------
    choices = inputs.presets[base_id]
    by_key = {p.key: p for p in choices}
    slider_values = {p.key: what_if.lever_values(p.levers) for p in choices}  # a preset sets the sliders (and link)

    st.header("Presets")
    match = what_if.matching_preset(choices, levers)
    st.session_state["preset"] = match.key if match else None
    st.pills(
        "Start from a named scenario (it sets the sliders; the link spells out every value)",
        [p.key for p in choices],
        format_func=lambda key: by_key[key].label,
        key="preset",
        on_change=ui.set_widgets_from_choice,
        args=("preset", slider_values),
    )
    st.caption(
        f"**{md(match.label)}:** {md(match.definition)} Source: {ui.source_markdown(match.source_id, short=True)}."
        if match
        else "The sliders match no preset."
    )

    def preset_meanings() -> None:
        """Every preset's definition and the source of its numbers."""
        st.markdown(
            "\n".join(
                f"- **{md(p.label)}**: {md(p.definition)} ({ui.source_markdown(p.source_id, short=True)})"
                for p in choices
            )
        )

    ui.more("What each preset means", "preset_meanings", preset_meanings)

    def unpin() -> None:
        """Drop scenario A from the link."""
        for param in what_if.COMPARE_PARAMS:
            st.query_params.pop(param.key, None)

    st.markdown(
        "## Compare two scenarios\n\n:small[:gray[Pin this scenario as A, then move the sliders: both paths are drawn "
        "and both sets of 2030 figures shown at the top. Scenario A lives in the link too.]]"
    )
    buttons = st.container(horizontal=True)
    pin = what_if.lever_values(levers, what_if.COMPARE_PARAMS)  # scenario A's keys, holding the sliders' values
    buttons.button("Pin this scenario as A", on_click=st.query_params.update, args=(pin,))
    if pinned is not None:
        buttons.button("Remove scenario A", on_click=unpin)

    # --- Share --------------------------------------------------------------------------------------------
    st.markdown(
        "## Share this scenario\n\n:small[:gray[The link spells out the base year and every lever, so it keeps its "
        "meaning if defaults or presets change. The embed code shows this page without the app's navigation, for a "
        "web page of your own.]]"
    )
    query = what_if.share_query(base_id, levers, pinned)
    share_panel(f"{pages.WHAT_IF.url_path}?{query}", "India–Russia trade what-if", key="share")
    st.link_button(  # a route computes it from the link: any server answers, even after a failover
        "Download the year-by-year table (CSV)",
        f"api/v1/what-if.csv?{what_if.share_query(base_id, levers)}",
        icon=":material/download:",
    )

    # --- Sensitivity and method -----------------------------------------------------------------------
    def sensitivity_grid() -> None:
        """The 2030 total for a grid of export and import growth rates, other levers as set."""
        ui.show_chart(exhibits.what_if_sensitivity(base_id, levers))

    ui.more("Which growth rates reach the target? A grid of growth rates", "sensitivity", sensitivity_grid)

    def method() -> None:
        """How the what-if is computed, with every input cited."""
        cited = {sid: ui.source_markdown(sid) for sid in (trade.OFFICIAL_SOURCE, trade.HS_SOURCE, "seed-004")}
        intro, inputs_list = what_if.method_markdown(inputs, base_id, cited)
        st.markdown(intro)
        for formula in what_if.METHOD_FORMULAS:
            st.latex(formula)
        st.markdown(inputs_list)

    ui.more("Method: how the what-if is computed", "method", method)


what_if_page()
