"""Pure computations for the Mobility & tourism page: measures kept apart, and the two what-ifs."""

from __future__ import annotations

import pandas as pd

from components.core import i18n
from components.core.formatting import figure_phrase, plain_percent
from components.core.i18n import mark, tr
from components.core.params import ChoiceParam, NumberParam
from components.core.scenario import TARGET_YEAR_END, growth_needed
from components.core.schemas import rows

FIRST_SCREEN = (
    "Mobility and tourism: workers, students and visitors",
    "Officials called the labour mobility agreement signed at the summit the 'single most important development' "
    "since 2024. Its numbers measure different things — work permits, quotas, headcounts, students, trips — so this "
    "page keeps them apart and shows every version with its source.",
    "seed-001",
)
"""The page's title, its finding (Markdown) and the finding's sources."""

WORKER_MEASURES = (
    mark("Work permits issued to Indians"),
    mark("Russia's quota for Indian workers"),
    mark("Indians working in Russia (officials' headcount)"),
    mark("Indians expected to be employed in Russia"),
)
STUDENT_MEASURES = (
    mark("Indian students in Russia"),
    mark("Indian medical students in Russia"),
    mark("New student visas issued to Indians"),
    mark("Medical seats for Indian students in Russian universities"),
)
INDIANS_TO_RUSSIA = (
    mark("Indian tourist arrivals in Russia (Rosstat, tourist purpose only)"),
    mark("Indian visitors to Russia (Indian Embassy, all purposes)"),
    mark("Indian tourists to Moscow (Moscow only)"),
    mark("Indian tourists to Moscow (Moscow only), first half-year"),
)
RUSSIANS_TO_INDIA = (
    mark("Russian arrivals in India"),
    mark("Russian tourists to India (Rosstat, tourist purpose only)"),
    mark("Russian visitors to India (Indian Embassy, all purposes)"),
    mark("Russian trips to India (Russian ministry)"),
)
WORKER_BASES = {
    "permits-2025": "workers-permits-2025-reuters",
    "permits-2024": "workers-permits-2024-orf",
    "headcount-alipov": "workers-headcount-alipov",
    "headcount-mea": "workers-headcount-now-s001",
    "quota-2025": "workers-quota-2025",
}
VISITOR_BASES = {"embassy-2024": "visitors-in-embassy-2024", "rosstat-2023": "visitors-in-rosstat-2023"}
STARTS = {**WORKER_BASES, **VISITOR_BASES}
"""Every what-if's starting figure: its code in the link and its figure id."""
VISITOR_GOAL = "tourism-goal-s004"
COUNT_PAIRS = {
    mark("Indians visiting Russia"): INDIANS_TO_RUSSIA[:2],
    mark("Russians visiting India"): RUSSIANS_TO_INDIA[1:3],
}
"""For each direction, Rosstat's tourist-purpose count and the Indian Embassy's all-purpose count."""
FLOW_MEASURES = ("Work permits issued to Indians",)
"""Measures that count a year's flow, not how many people are there."""

START_WORDS = {
    "permits-2025": "Work permits issued, 2025",
    "permits-2024": "Work permits issued, 2024",
    "headcount-alipov": "Headcount, Russia's ambassador",
    "headcount-mea": "Headcount, India's officials",
    "quota-2025": "Russia's quota, 2025",
    "embassy-2024": "Indian Embassy count, 2024",
    "rosstat-2023": "Rosstat count, 2023",
}
"""Each starting figure as the control names it; its caption gives the figure itself."""


def _start(key: str, bases: dict[str, str], default: str) -> ChoiceParam:
    return ChoiceParam(
        key,
        "Start from",
        tuple(bases),
        default,
        "radio",
        words=tuple(START_WORDS[b] for b in bases),
        help="The cited figure the scenario grows from; each counts something different.",
        translated=True,
    )


PARAMS = {
    "worker_base": _start("worker_base", WORKER_BASES, "permits-2025"),
    "worker_growth": NumberParam(
        "worker_growth", "Annual growth", -50, 100, 0, "% a year", help="How fast the figure grows each year to 2030."
    ),
    "visitor_base": _start("visitor_base", VISITOR_BASES, "embassy-2024"),
    "visitor_growth": NumberParam(
        "visitor_growth", "Annual growth", -50, 200, 0, "% a year", help="How fast the figure grows each year to 2030."
    ),
    "visitor_target": NumberParam(
        "visitor_target",
        "Your target for 2030",
        0,
        6000,
        0,
        "thousand Indian visitors; 0 = none",
        help="No default target: Moscow's six-million goal does not say whether it counts visitors from India.",
    ),
}


def measures(figures: pd.DataFrame, metrics: tuple[str, ...]) -> pd.DataFrame:
    """The figures of some measures, one row per source and year, for a chart that keeps them apart."""
    chosen = figures[figures["metric"].isin(metrics)]
    columns = ["metric", "period", "year", "value", "value_high", "qualifier", "unit", "source_id", "note"]
    return chosen[columns].rename(columns={"metric": "measure"}).reset_index(drop=True)


def caption(figure: pd.Series) -> str:
    """'Metric, period: value' for a figure offered as a starting point."""
    value = figure_phrase(figure["value"], figure["unit"], figure["qualifier"])
    return f"{tr(figure['metric'])}, {figure['period']}: {value}"


def starting_point(figures: pd.DataFrame, figure_id: str) -> pd.DataFrame:
    """One cited figure as the first point of a what-if chart."""
    row = rows(figures, "figure_id", [figure_id])
    return measures(row, tuple(row["metric"]))


def project_count(base: float, base_year: int, rate_pct: float, end_year: int = TARGET_YEAR_END) -> pd.DataFrame:
    """``base · (1 + r)^(year − base_year)`` for each year from the base year to ``end_year``."""
    years = range(base_year, end_year + 1)
    return pd.DataFrame({"year": list(years), "value": [base * (1 + rate_pct / 100) ** (y - base_year) for y in years]})


def rate_to_target(base: float, base_year: int, target: float, end_year: int = TARGET_YEAR_END) -> float | None:
    """Annual growth (%) that takes ``base`` to ``target`` by ``end_year``; None when there are no years left."""
    years = end_year - base_year
    return growth_needed(base, years, target) if years > 0 else None


def count_ratios(figures: pd.DataFrame) -> list[str]:
    """'In 2023 the Embassy's count is 1.86 times Rosstat's for Indians visiting Russia', per direction and year."""
    lines = []
    for direction, (rosstat, embassy) in COUNT_PAIRS.items():
        pair = pd.merge(
            figures.loc[figures["metric"] == rosstat, ["year", "value"]],
            figures.loc[figures["metric"] == embassy, ["year", "value"]],
            on="year",
            suffixes=("_rosstat", "_embassy"),
        ).dropna(subset=["year"])
        lines += [
            tr("in {year} the Embassy's count is {times} times Rosstat's for {direction}").format(
                year=f"{p.year:.0f}", times=i18n.number(p.value_embassy / p.value_rosstat, 2), direction=tr(direction)
            )
            for p in pair.itertuples()
        ]
    return lines


def projected_label(figure: pd.Series) -> tuple[str, str]:
    """What a what-if grows, named for what it is (short enough for a card: the source's aside is left to the
    starting figure's caption), and a warning where it is a year's flow, not a headcount."""
    what = figure["metric"]
    warning = (
        "These are permits issued in one year: grown to 2030 they give the permits issued that year, not the "
        "number of Indians working in Russia."
        if what in FLOW_MEASURES
        else ""
    )
    return tr("{what}, 2030 (scenario)").format(what=tr(what.split(" (")[0])), tr(warning)


def count_cards(
    base: pd.Series, rate: float, slider_key: str, target: float | None = None, with_target: bool = False
) -> dict:
    """A what-if's cards as the server words them: the starting figure ``base`` grown to 2030 at ``rate`` % a year
    (with what the browser needs to grow it again while the slider keyed ``slider_key`` moves) and, with a target,
    the growth it needs."""
    start, start_year = float(base["value"]), int(base["year"])
    grown = project_count(start, start_year, rate)["value"].iloc[-1]
    grows = {"key": slider_key, "rate": rate, "start": start, "start_year": start_year, "end_year": TARGET_YEAR_END}
    cards = [{"label": projected_label(base)[0], "value": i18n.number(grown, 0), "help": "", "grows": grows}]
    if with_target:
        needed = rate_to_target(start, start_year, target) if target else None
        cards.append(
            {
                "label": tr("Growth needed for your target"),
                "value": tr("{rate} a year").format(rate=plain_percent(needed)) if needed is not None else tr("n/a"),
                "help": "" if target else tr("Set a target with the slider above to see the growth it needs."),
            }
        )
    return {"cards": cards, "number": i18n.number_format(), "about": tr("About {label}")}
