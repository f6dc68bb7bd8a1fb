"""Mobility & tourism page: workers, students, visitors, the new agreements, and two honest what-ifs."""

import streamlit as st

from components.core import i18n, pages
from components.core.formatting import md, plain_percent
from components.core.i18n import tr
from components.store import exhibits, prepared, sourcing
from components.topics import mobility
from components.ui import answer, render

shown, params, parsed = render.open_page(pages.MOBILITY, prepared.mobility_page)

contents = render.first_screen(prepared.mobility_first_screen(), parsed)

# --- Workers ----------------------------------------------------------------------------------------
contents.section(
    "Indian workers in Russia",
    "Workers",
    tr("Permits, quotas, headcounts and projections: different measures, never joined into one line."),
)
render.show_chart(exhibits.measures("workers"))


def workers_detail() -> None:
    """Every version of the workers' figures, where they work, and the two agreements signed at the summit."""
    st.markdown("**Every version, with who says it**\n" + shown.versions["workers"])
    st.markdown(sourcing.fact_lines("workers-sectors", "workers-claim", "workers-agreement"))
    st.markdown(
        "**The two agreements signed at the summit**\n"
        + "\n".join(
            f"- {agreement} ({sourcing.source_markdown(source, short=True)})" for agreement, source in shown.signed
        )
    )


render.more(tr("Every version, where Indians work, and the agreements signed"), "workers-detail", workers_detail)

# --- Students ---------------------------------------------------------------------------------------
contents.section(
    "Indian students in Russia",
    "Students",
    tr("Students, medical students, student visas and medical seats: four measures, and no official count."),
)
render.show_chart(exhibits.measures("students"))
render.more(
    tr("Every version of the students' figures"),
    "students-detail",
    lambda: st.markdown(shown.versions["students"] + "\n" + sourcing.fact_lines("students-coverage")),
)

# --- Tourism ----------------------------------------------------------------------------------------
contents.section(
    "Visitors in both directions",
    "Visitors",
    tr("Rosstat counts tourist trips, the Indian Embassy all visitors, so each is its own series: {ratios}.").format(
        ratios=md("; ".join(shown.ratios))
    ),
)
for column, group in zip(st.columns(2), ("indians_visiting", "russians_visiting"), strict=True):
    with column:
        render.show_chart(exhibits.measures(group))


def visitors_detail() -> None:
    """The 2030 goal, the 2024 counts that disagree, visas and flights."""
    goal = shown.goal
    st.markdown(
        f"**The 2030 goal, as precisely as the source allows:** Moscow {md(goal['evidence'])} "
        f"({sourcing.source_markdown(goal['source_id'], short=True)}). {md(goal['note'])}\n\n"
        f"**Russian visitors to India in 2024 — sources disagree:** {shown.russians_2024}\n"
        + sourcing.fact_lines("visitors-in-2024")
    )
    st.markdown(sourcing.fact_lines("visas", "tourism-draws"))
    st.markdown(f"**Flights**\n{shown.flights}")


render.more(tr("The 2030 goal, visas, flights and the 2024 counts"), "visitors-detail", visitors_detail)

# --- What-if ----------------------------------------------------------------------------------------
contents.section(
    "What if the trend continues?",
    "What-if",
    tr("Scenarios, not forecasts: a cited starting figure grown at a rate you choose."),
)


@st.fragment
def count_what_if(title: str, prefix: str, bases: dict[str, str], with_target: bool) -> None:
    """A cited figure grown to 2030 at the reader's rate and, with a target, the growth it needs; reruns alone."""
    st.subheader(tr(title))
    choice = render.url_widget(params[f"{prefix}_base"], captions=[mobility.caption(shown.starts[c]) for c in bases])
    rate = render.url_widget(params[f"{prefix}_growth"])
    target_thousands = render.url_widget(params[f"{prefix}_target"]) if with_target else None
    target = target_thousands * 1000 or None if with_target else None
    base = shown.starts[choice]
    start, start_year = base["value"], int(base["year"])
    answer.count_cards(mobility.count_cards(base, rate, f"{prefix}_growth", target, with_target), f"{prefix}-cards")
    warning = mobility.projected_label(base)[1]
    if warning:
        st.caption(f"**{md(warning)}**")
    formula = tr("Formula: value in year y = {start} × (1 + {rate})^(y − {year})").format(
        start=i18n.number(start, 0), rate=plain_percent(rate, 0), year=start_year
    )
    st.caption(
        formula
        + (tr("; growth needed = (target / start)^(1/years) − 1") if with_target else "")
        + tr(". Starting figure: {figure}.").format(figure=sourcing.figure_markdown(base, with_note=False))
    )
    render.show_chart(exhibits.count_scenario(prefix, title, choice, rate, target_thousands))


count_what_if(exhibits.VISITORS_TITLE, "visitor", mobility.VISITOR_BASES, True)
render.more(
    tr(exhibits.WORKERS_TITLE),
    "worker-what-if",
    lambda: count_what_if(exhibits.WORKERS_TITLE, "worker", mobility.WORKER_BASES, False),
    opened=any(parsed[key].status != "missing" for key in parsed if key.startswith("worker_")),
)
render.table_view(tr("All mobility figures and their sources (CSV)"), exhibits.mobility_figures())
