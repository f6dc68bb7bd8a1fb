"""Trade what-if: a shared scenario's answer on the first screen, presets, a pinned scenario to compare, sharing;
embedded in another site, the answer and its chart alone, with a link back."""

import streamlit as st

from components.core import pages
from components.core.formatting import fmt_bn, fy, md
from components.core.i18n import tr
from components.core.scenario import project
from components.core.what_if_state import COMPARE_PARAMS, LEVER_PARAMS, WhatIfState, lever_values, levers_of
from components.store import exhibits, prepared, sourcing
from components.topics import trade, what_if
from components.ui import embedding, render
from components.ui.answer import answer_panel
from components.ui.share import share_panel


def levers(inputs: what_if.Inputs, params: dict, linked: WhatIfState, opened: bool) -> WhatIfState:
    """The sliders (the two growth rates in view, the rest with the base year in a section the link opens), and
    the scenario they set."""
    for column, param, flow in zip(st.columns(2), LEVER_PARAMS[:2], ("exports_usd_mn", "imports_usd_mn"), strict=True):
        with column:
            render.url_widget(param)
            st.caption(inputs.reality[flow])
    with st.expander(tr("More levers: pharmaceuticals, engineering, energy, base year"), expanded=opened):
        for param in LEVER_PARAMS[2:]:
            render.url_widget(param)
        base_id = render.url_widget(params["base"])
        base_words = tr("Base year {year}: the model starts from its official figures.")
        st.caption(base_words.format(year=md(inputs.base_labels[base_id])))
    return WhatIfState(base_id, levers_of({p.key: st.session_state[p.key] for p in LEVER_PARAMS}), linked.pinned)


def presets(inputs: what_if.Inputs, state: WhatIfState) -> None:
    """Named scenarios that set the sliders, the one the sliders match, and what each means."""
    choices = inputs.presets[state.base]
    by_key = {p.key: p for p in choices}
    st.header(tr("Presets"))
    match = what_if.matching_preset(choices, state.levers)
    st.session_state["preset"] = match.key if match else None
    st.pills(
        tr("Start from a named scenario (it sets the sliders and the link)"),
        [p.key for p in choices],
        format_func=lambda key: by_key[key].label,
        key="preset",
        on_change=render.set_widgets_from_choice,
        args=("preset", {p.key: lever_values(p.levers) for p in choices}),
    )
    st.caption(preset_meaning(match) if match else tr("The sliders match no preset."))
    meanings = lambda: st.markdown("\n".join(f"- {preset_meaning(p)}" for p in choices))  # noqa: E731
    render.more(tr("What each preset means"), "preset_meanings", meanings)  # built only when opened


def preset_meaning(preset: what_if.Preset) -> str:
    """Markdown: a preset's name, what it sets and the source of its numbers."""
    return f"**{md(preset.label)}:** {md(preset.definition)} ({sourcing.source_markdown(preset.source_id, short=True)})"


def unpin() -> None:
    """Drop scenario A from the link."""
    for param in COMPARE_PARAMS:
        st.query_params.pop(param.key, None)


def compare_and_share(state: WhatIfState) -> None:
    """Pinning the scenario as A (kept in the link), and the share panel, embed code and CSV download."""
    st.markdown(f"## {tr('Compare two scenarios')}\n\n:small[:gray[{tr(what_if.COMPARE_NOTE)}]]")
    buttons = st.container(horizontal=True)
    pinned = {key: str(value) for key, value in lever_values(state.levers, COMPARE_PARAMS).items()}
    buttons.button(tr("Pin this scenario as A"), on_click=st.query_params.update, args=(pinned,))
    if state.pinned is not None:
        buttons.button(tr("Remove scenario A"), on_click=unpin)
    st.markdown(f"## {tr('Share this scenario')}\n\n:small[:gray[{tr(what_if.SHARE_NOTE)}]]")
    share_panel(f"{pages.WHAT_IF.url_path}?{state.to_query()}", tr("India–Russia trade what-if"), key="share")
    st.link_button(  # a route computes it from the link: any server answers, even after a failover
        tr("Download the year-by-year table (CSV)"),
        f"api/v1/what-if.csv?{state.without_pin().to_query()}",
        icon=":material/download:",
    )


def method(inputs: what_if.Inputs, base_id: str) -> None:
    """How the what-if is computed, with every input cited."""
    cited = {sid: sourcing.source_markdown(sid) for sid in (trade.OFFICIAL_SOURCE, trade.HS_SOURCE, "seed-004")}
    intro, inputs_list = what_if.method_markdown(inputs, base_id, cited)
    st.markdown(intro)
    for formula in what_if.METHOD_FORMULAS:
        st.latex(formula)
    st.markdown(inputs_list)


def embedded(inputs: what_if.Inputs, state: WhatIfState, parsed: dict) -> None:
    """The view in another site's frame (600×450): the answer and its chart, and a link to the full page."""
    name_the_tab(inputs, state)
    answer_panel(inputs.bases[state.base], state, key="answer", compact=True)
    path = exhibits.what_if_path(state)
    render.draw(path.chart, path.caption, height=240 if state.pinned is None else 175)  # under A beside B, when pinned
    embedding.link_back(pages.WHAT_IF, state.to_query())
    render.show_notices(parsed.values())


def name_the_tab(inputs: what_if.Inputs, state: WhatIfState) -> None:
    """The browser tab says the scenario's answer: 'Trade what-if: US$ 62.4 bn by FY2029-30?'."""
    total = project(inputs.bases[state.base], state.levers)["total_bn"].iloc[-1]
    render.page_title(tr("Trade what-if: {total} by FY2029-30?").format(total=fmt_bn(total, 1)))


@st.fragment
def what_if_page() -> None:
    """The page. A fragment: moving a slider, picking a preset or pinning reruns the page alone, not the app's
    navigation, sidebar and footer, so the answer comes back sooner."""
    inputs, params, parsed = render.open_page(pages.WHAT_IF, prepared.what_if_inputs)
    linked = WhatIfState.read(parsed)
    if st.context.is_embedded:
        embedded(inputs, linked, parsed)
        return
    st.title(tr(what_if.TITLE))
    answer = st.container()
    # the more levers open when the link moves one of them or names an older base (every link names its base)
    opened = any(parsed[p.key].status != "missing" for p in LEVER_PARAMS[2:]) or linked.base != params["base"].default
    state = levers(inputs, params, linked, opened)
    base = inputs.bases[state.base]
    name_the_tab(inputs, state)
    with answer:
        answer_panel(base, state, key="answer")
        if state.base != (newer := params["base"].default):
            st.info(what_if.newer_base_note(inputs, state.base, newer), icon=":material/update:")
            moved = WhatIfState(newer, state.levers, state.pinned).params()
            label = tr("Open this scenario from {year}").format(year=fy(newer))
            st.page_link(pages.WHAT_IF.script, label=label, query_params=moved)
        render.show_notices(parsed.values())

    render.show_chart(exhibits.what_if_path(state))
    growth_lines = "\n".join(f"- {md(line)}" for line in what_if.growth_needed_lines(base, state.levers))
    st.markdown(f"## {md(tr('Growth needed for US$ 100 bn'))}\n\n{growth_lines}")
    presets(inputs, state)
    compare_and_share(state)
    render.more(
        tr("Which growth rates reach the target? A grid of growth rates"),
        "sensitivity",
        lambda: render.show_chart(exhibits.what_if_sensitivity(state)),
    )
    render.more(tr("Method: how the what-if is computed"), "method", lambda: method(inputs, state.base))


what_if_page()
