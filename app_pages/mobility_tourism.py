"""Mobility & tourism page: workers, students, visitors, the new agreements, and two honest what-ifs."""

import pandas as pd
import streamlit as st

from components import charts, mobility, pages, url_state
from components.data import DataError, figure, load_figures, load_table
from components.formatting import md
from components.params import query_of
from components.ui import (
    cite,
    fact_lines,
    figure_markdown,
    show_chart,
    show_notices,
    source_markdown,
    stop_on_data_error,
    table_view,
    url_widget,
    with_sources,
)

MEASURE_GROUPS = {
    "workers": mobility.WORKER_MEASURES,
    "students": mobility.STUDENT_MEASURES,
    "indians_visiting": mobility.INDIANS_TO_RUSSIA,
    "russians_visiting": mobility.RUSSIANS_TO_INDIA,
}


@st.cache_resource(show_spinner=False)
def prepared() -> tuple[
    dict[str, tuple[pd.DataFrame, charts.FilledSpec]], list[str], dict[str, tuple[pd.Series, pd.DataFrame]]
]:
    """What does not depend on the link, built once per server from figures.csv and shared read-only: each group
    of measures as a table with its sources named and its chart, how far the two visitor counts differ, and the
    what-ifs' cited starting figures, each with its chart point (a figure missing from the file stops the page with
    its message)."""
    figures = load_figures()
    groups = {}
    for name, order in MEASURE_GROUPS.items():
        table = with_sources(mobility.measures(figures, order))
        groups[name] = (table, charts.measures(table.dropna(subset=["year"]), order))
    starts = {
        choice: (
            figure(figures, figure_id),
            with_sources(mobility.starting_point(figures, figure_id)),
        )
        for choice, figure_id in {**mobility.WORKER_BASES, **mobility.VISITOR_BASES}.items()
    }
    return groups, mobility.count_ratios(figures), starts


try:
    groups, ratios, starts = prepared()
    figures = load_figures()
    load_table("facts.csv")  # loaded here, so a damaged file stops the page with its message
    agreements = load_table("agreements.csv")
except DataError as error:
    stop_on_data_error(error)

params, parsed = url_state.read(pages.MOBILITY, query_of(st.query_params))


def versions_list(metric_names: tuple[str, ...]) -> str:
    """Every version of some measures, each as its source words it, newest period first."""
    rows = figures[figures["metric"].isin(metric_names)].sort_values("year", ascending=False, na_position="last")
    return "\n".join(f"- {md(row.metric)}, {md(row.period)}: {figure_markdown(row)}" for row in rows.itertuples())


st.title("Mobility and tourism: workers, students and visitors")
st.markdown(
    "Officials called the labour mobility agreement signed at the summit the 'single most important development' "
    "since 2024. The numbers around it are striking but measure different things — work permits, quotas, "
    "headcounts, students, trips — so this page keeps them apart and shows every version with its source."
)
cite("seed-001", "Source")
show_notices(parsed.values())

# --- Workers ----------------------------------------------------------------------------------------
st.header("Indian workers in Russia")
workers, workers_chart = groups["workers"]
show_chart(
    workers_chart,
    workers,
    "indian_workers_in_russia",
    "Each colour is a different measure: permits issued in a year, Russia's quota, officials' headcounts, and "
    "projections. They are never joined into one line. Figures without a year (such as '10,000 a couple of years "
    "ago') are in the table. Hover a point for its source.",
)
with st.container(border=True):
    st.markdown("**Every version, with who says it**")
    st.markdown(versions_list(mobility.WORKER_MEASURES))
st.markdown(fact_lines("workers-sectors", "workers-claim", "workers-agreement"))
st.subheader("The two agreements signed at the summit")
for row in agreements[agreements["domain"] == "mobility"].itertuples():
    if row.status == "signed":
        st.markdown(f"- **{md(row.agreement)}** — {md(row.what_it_does)}; signed {md(row.signed)}")
        cite(row.source_id, short=True)

# --- Students ---------------------------------------------------------------------------------------
st.header("Indian students in Russia")
students, students_chart = groups["students"]
show_chart(
    students_chart,
    students,
    "indian_students_in_russia",
    "Students, medical students, new student visas and medical seats are different measures, shown apart. No "
    "official Indian count for Russia was found; these are diplomats' and others' estimates.",
)
st.markdown(versions_list(mobility.STUDENT_MEASURES) + "\n" + fact_lines("students-coverage"))

# --- Tourism ----------------------------------------------------------------------------------------
st.header("Visitors in both directions")
st.info(
    "**Two kinds of count.** Rosstat counts trips made for tourism only; the Indian Embassy counts all visitors. "
    f"They differ for the same year — {md('; '.join(ratios))} — so they are drawn as separate series.",
    icon=":material/info:",
)
left, right = st.columns(2)
for column, title, group, stem in (
    (left, "Indians visiting Russia", "indians_visiting", "indians_visiting_russia"),
    (right, "Russians visiting India", "russians_visiting", "russians_visiting_india"),
):
    with column:
        st.subheader(title)
        visits, visits_chart = groups[group]
        show_chart(
            visits_chart,
            visits,
            stem,
            f"{title}: each series is one source's measure. Hover for the source.",
        )
goal = figure(figures, mobility.VISITOR_GOAL)
st.markdown(
    f"**The 2030 goal, as precisely as the source allows:** Moscow {md(goal['evidence'])} "
    f"({source_markdown(goal['source_id'], short=True)}). {md(goal['note'])}"
)
russians_2024 = figures[(figures["metric"] == "Russian arrivals in India") & (figures["year"] == 2024)]
st.markdown(
    "**Russian visitors to India in 2024 — sources disagree:** "
    + "; ".join(figure_markdown(r) for r in russians_2024.itertuples())
    + "\n"
    + fact_lines("visitors-in-2024")
)
st.markdown(fact_lines("visas", "tourism-draws"))
flights = figures[figures["unit"] == "flights a week"]
st.markdown(
    "**Flights**\n"
    + "\n".join(f"- {md(row.metric)}, {md(row.period)}: {figure_markdown(row)}" for row in flights.itertuples())
)

# --- What-if ----------------------------------------------------------------------------------------
st.header("What if the trend continues?")
st.caption("These are scenarios, not forecasts: a cited starting figure grown at a rate you choose.")


@st.fragment
def count_what_if(title: str, prefix: str, bases: dict[str, str], with_target: bool) -> None:
    """A cited figure grown to 2030 at the reader's rate and, with a target, the growth it needs; reruns alone."""
    st.subheader(title)
    choice = url_widget(params[f"{prefix}_base"], captions=[mobility.caption(starts[c][0]) for c in bases])
    rate = url_widget(params[f"{prefix}_growth"])
    target = (url_widget(params[f"{prefix}_target"]) * 1000 or None) if with_target else None
    base, start_point = starts[choice]
    start, start_year = base["value"], int(base["year"])
    path = mobility.project_count(start, start_year, rate)
    label, warning = mobility.projected_label(base)
    cards = st.columns(2) if with_target else [st.container()]
    cards[0].metric(label, f"{path['value'].iloc[-1]:,.0f}")
    if with_target:
        needed = mobility.rate_to_target(start, start_year, target) if target else None
        cards[1].metric(
            "Growth needed for your target",
            f"{needed:.1f}% a year" if needed is not None else "n/a",
            help=None if target else "Set a target with the slider above to see the growth it needs.",
        )
    if warning:
        st.caption(f"**{md(warning)}**")
    st.caption(
        f"Formula: value in year y = {start:,.0f} × (1 + {rate}%)^(y − {start_year})"
        + ("; growth needed = (target / start)^(1/years) − 1" if with_target else "")
        + f". Starting figure: {figure_markdown(base, with_note=False)}."
    )
    show_chart(
        charts.count_projection(
            start_point,
            path,
            target,
            base["metric"],
        ),
        path.assign(source_id=base["source_id"]),
        f"{prefix}s_scenario",
        "Dashed: the scenario; orange: the cited starting figure"
        + ("; grey: your target." if target else ". Set a target to draw it." if with_target else "."),
    )


worker_col, visitor_col = st.columns(2)
with worker_col:
    count_what_if("Indian workers in Russia: one measure grown to 2030", "worker", mobility.WORKER_BASES, False)
with visitor_col:
    count_what_if("Indian visitors to Russia by 2030", "visitor", mobility.VISITOR_BASES, True)
table_view("All mobility figures and their sources (CSV)", figures[figures["domain"] == "mobility"], "mobility_figures")
