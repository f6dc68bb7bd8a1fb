"""Mobility & tourism page: workers, students, visitors, the new agreements, and two honest what-ifs."""

import streamlit as st

from components import mobility, pages, prepared, ui
from components.formatting import md

shown, params, parsed = ui.open_page(pages.MOBILITY, prepared.mobility_page)
groups = shown.groups

st.title("Mobility and tourism: workers, students and visitors")
contents = ui.Contents()  # filled by the section headings below
st.markdown(prepared.lead_figures(pages.MOBILITY.script))
st.markdown(
    "Officials called the labour mobility agreement signed at the summit the 'single most important development' "
    "since 2024. The numbers around it are striking but measure different things — work permits, quotas, "
    "headcounts, students, trips — so this page keeps them apart and shows every version with its source."
)
ui.cite("seed-001", "Source")
ui.show_notices(parsed.values())

# --- Workers ----------------------------------------------------------------------------------------
contents.header("Indian workers in Russia", "Workers")
workers, workers_chart = groups["workers"]
ui.show_chart(
    workers_chart,
    workers,
    "indian_workers_in_russia",
    "Each colour is a different measure: permits issued in a year, Russia's quota, officials' headcounts, and "
    "projections. They are never joined into one line. Figures without a year (such as '10,000 a couple of years "
    "ago') are in the table. Each point's source is in the table below.",
)
with st.container(border=True):
    st.markdown("**Every version, with who says it**")
    st.markdown(shown.versions["workers"])
st.markdown(ui.fact_lines("workers-sectors", "workers-claim", "workers-agreement"))
st.subheader("The two agreements signed at the summit")
for agreement, source_id in shown.signed:
    st.markdown(f"- {agreement}")
    ui.cite(source_id, short=True)

# --- Students ---------------------------------------------------------------------------------------
contents.header("Indian students in Russia", "Students")
students, students_chart = groups["students"]
ui.show_chart(
    students_chart,
    students,
    "indian_students_in_russia",
    "Students, medical students, new student visas and medical seats are different measures, shown apart. No "
    "official Indian count for Russia was found; these are diplomats' and others' estimates.",
)
st.markdown(shown.versions["students"] + "\n" + ui.fact_lines("students-coverage"))

# --- Tourism ----------------------------------------------------------------------------------------
contents.header("Visitors in both directions", "Visitors")
st.info(
    "**Two kinds of count.** Rosstat counts trips made for tourism only; the Indian Embassy counts all visitors. "
    f"They differ for the same year — {md('; '.join(shown.ratios))} — so they are drawn as separate series.",
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
        ui.show_chart(
            visits_chart,
            visits,
            stem,
            f"{title}: each series is one source's measure; the sources are in the table below.",
        )
goal = shown.goal
st.markdown(
    f"**The 2030 goal, as precisely as the source allows:** Moscow {md(goal['evidence'])} "
    f"({ui.source_markdown(goal['source_id'], short=True)}). {md(goal['note'])}"
)
st.markdown(
    f"**Russian visitors to India in 2024 — sources disagree:** {shown.russians_2024}\n"
    + ui.fact_lines("visitors-in-2024")
)
st.markdown(ui.fact_lines("visas", "tourism-draws"))
st.markdown(f"**Flights**\n{shown.flights}")

# --- What-if ----------------------------------------------------------------------------------------
contents.header("What if the trend continues?", "What-if")
st.caption("These are scenarios, not forecasts: a cited starting figure grown at a rate you choose.")


@st.fragment
def count_what_if(title: str, prefix: str, bases: dict[str, str], with_target: bool) -> None:
    """A cited figure grown to 2030 at the reader's rate and, with a target, the growth it needs; reruns alone."""
    st.subheader(title)
    choice = ui.url_widget(params[f"{prefix}_base"], captions=[mobility.caption(shown.starts[c]) for c in bases])
    rate = ui.url_widget(params[f"{prefix}_growth"])
    target = (ui.url_widget(params[f"{prefix}_target"]) * 1000 or None) if with_target else None
    base = shown.starts[choice]
    start, start_year = base["value"], int(base["year"])
    path = mobility.project_count(start, start_year, rate)
    label, warning = mobility.projected_label(base)
    cards = [st.container(), st.container()]  # one above the other: side by side, their labels would be cut
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
        + f". Starting figure: {ui.figure_markdown(base, with_note=False)}."
    )
    ui.show_chart(
        prepared.count_projection(choice, target).with_data(path),
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
ui.table_view("All mobility figures and their sources (CSV)", shown.figures, "mobility_figures")
contents.show()
