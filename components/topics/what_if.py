"""The Trade what-if page's computations: its URL state, base years, presets, reality check and verdicts.

Pure functions of the data and the reader's levers; the page only renders what they return.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from components.core import i18n
from components.core.charts import SCENARIO_A_TOTAL
from components.core.formatting import BN, figure_phrase, fmt_bn, fmt_change_bn, fy, md, percent
from components.core.i18n import mark, tr
from components.core.params import NumberParam
from components.core.scenario import (
    TARGET_TOTAL_BN,
    Base,
    Levers,
    common_growth_needed,
    export_growth_needed,
    growth_needed,
    nearest_cell,
    project,
    sensitivity,
    total_2030,
)
from components.core.schemas import figure
from components.core.what_if_state import LEVER_PARAMS, WhatIfState, current_base
from components.topics import trade

EXPORT_GROWTH, IMPORT_GROWTH = LEVER_PARAMS[:2]
REALITY_SPAN_YEARS = 4
"""The reality check looks at every span of this many years in the official series (the latest base's horizon)."""
PRE_JUMP_YEAR, JUMP_YEAR = "2021-22", "2022-23"
"""The last year before discounted Russian crude, and the year imports jumped."""


# --- Base years -----------------------------------------------------------------------------------


def base_label(bases: pd.DataFrame, base_id: str) -> str:
    """'FY2025-26 (provisional, latest)' for a base id, as the base-year control shows it."""
    row = bases.set_index("base").loc[base_id]
    notes = [tr(row["status"])] + ([tr("latest")] if base_id == current_base(bases) else [])
    return f"{fy(row['fiscal_year'])} ({', '.join(notes)})"


def scenario_base(bases: pd.DataFrame, base_id: str, figures: pd.DataFrame) -> Base:
    """The model's starting point for ``base_id``: that year's frozen official figures and the cited market sizes."""
    row = bases.set_index("base").loc[base_id]
    return Base(
        fiscal_year=row["fiscal_year"],
        exports_bn=row["exports_usd_mn"] / 1000,
        imports_bn=row["imports_usd_mn"] / 1000,
        energy_share=row["energy_imports_usd_mn"] / row["hs_imports_total_usd_mn"],
        pharma_market_bn=figure(figures, "gap-pharma-market")["value"],
        engineering_demand_bn=figure(figures, "gap-engineering-demand")["value"],
    )


TITLE = mark("Trade what-if")
COMPARE_NOTE = mark(
    "Pin this scenario as A, then move the sliders: A and the sliders' scenario B are shown side by side at the "
    "top and drawn together. Scenario A lives in the link too."
)
SHARE_NOTE = mark(
    "The link names the base year and every lever you moved; the embed code shows the answer and its chart in a "
    "frame on a web page of your own, with a link back here."
)
"""What the page's compare and share sections do, under their headings."""


@dataclass(frozen=True)
class Inputs:
    """Everything the page needs that depends on the data files alone, prepared once per server."""

    bases: Mapping[str, Base]
    base_labels: Mapping[str, str]
    base_sources: Mapping[str, str]
    presets: Mapping[str, tuple[Preset, ...]]
    reality: Mapping[str, str]  # per flow column: the reality-check line
    official: pd.DataFrame  # the official paths, long (read-only: shared by every session)
    latest_year: str
    pharma_evidence: str
    engineering_evidence: str


def prepare(annual: pd.DataFrame, bases: pd.DataFrame, figures: pd.DataFrame) -> Inputs:
    """The page's fixed inputs, from the three data files it reads."""
    ids = tuple(bases["base"])
    models = {b: scenario_base(bases, b, figures) for b in ids}
    return Inputs(
        bases=models,
        base_labels={b: base_label(bases, b) for b in ids},
        base_sources=dict(zip(bases["base"], bases["source_id"], strict=True)),
        presets={b: presets(annual, models[b]) for b in ids},
        reality={flow: reality_check(annual, flow) for flow in ("exports_usd_mn", "imports_usd_mn")},
        official=official_paths(trade.annual_bn(annual)),
        latest_year=annual["fiscal_year"].iloc[-1],
        pharma_evidence=figure(figures, "gap-pharma-market")["evidence"],
        engineering_evidence=figure(figures, "gap-engineering-demand")["evidence"],
    )


METHOD_FORMULAS = (
    r"\text{ramp}_t = t / T",
    r"\begin{aligned} \text{exports}_t &= E_0 (1+x)^t \\ &\quad + \text{ramp}_t\,(p \cdot P + q \cdot Q) \end{aligned}",
    r"\begin{aligned} \text{imports}_t &= I_0 (1+m)^t \\ "
    r"&\quad \times (1 + \text{ramp}_t \cdot s \cdot e) \end{aligned}",
    r"\text{total}_t = \text{exports}_t + \text{imports}_t",
    r"\text{balance}_t = \text{exports}_t - \text{imports}_t",
)
"""The model, in LaTeX, one equation a block; the long two break after their first term, to fit a phone."""


def method_markdown(inputs: Inputs, base_id: str, cite: Mapping[str, str]) -> tuple[str, str]:
    """How the what-if is computed from this base, as Markdown: a paragraph for before the formulas and a list of
    every input with its citation after them (``cite`` gives the Markdown citation of a source id)."""
    base = inputs.bases[base_id]
    intro = (
        f"Year t = 0 is {md(inputs.base_labels[base_id])}; a link made when it was the newest official year keeps "
        f"growing from it. t counts the years after it, up to t = T = {base.horizon} (FY2029-30, shown as 2030). "
        "Growth rates compound; the three summit levers phase in evenly, reaching their full size in 2030."
    )
    inputs_list = (
        f"- E₀ = {md(fmt_bn(base.exports_bn))}, I₀ = {md(fmt_bn(base.imports_bn))}: exports and imports in "
        f"{fy(base.fiscal_year)} ({cite[trade.OFFICIAL_SOURCE]})\n"
        "- x, m: the export and import growth you choose (% a year)\n"
        f"- P = {md(fmt_bn(base.pharma_market_bn, 0))}: Russia's pharmaceutical import market, "
        f"'{md(inputs.pharma_evidence)}' ({cite['seed-004']}); p: the extra share of it you choose\n"
        f"- Q = {md(fmt_bn(base.engineering_demand_bn, 0))}: the lower end of Russia's engineering import demand, "
        f"'{md(inputs.engineering_evidence)}' ({cite['seed-004']}; not an official figure: official HS84 exports and "
        "the export council's count differ, see the Trade page); q: the extra share of it you choose\n"
        f"- s = {base.energy_share:.1%}: mineral fuels (HS27) as a share of imports in {fy(base.fiscal_year)} "
        f"({cite[trade.HS_SOURCE]}); e: the change in energy imports you choose\n"
        "- Growth needed: the export growth x, or the one rate for x and m together, at which the total in 2030 "
        "reaches US\\$ 100 bn with every other lever as set (solved exactly for x, step by step for the common rate)."
        f"\n- Reality check: the compound annual growth of each flow over every {REALITY_SPAN_YEARS}-year span of "
        "the official series."
    )
    return intro, inputs_list


# --- Reality check --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Compound annual growth (percent) between two fiscal years of the official series."""

    rate: float
    start: str
    end: str


def growth_extremes(values: Sequence[float], fiscal_years: Sequence[str], span: int) -> tuple[Span, Span]:
    """The fastest and slowest compound annual growth over any ``span`` consecutive years."""
    spans = [
        Span(((values[i + span] / values[i]) ** (1 / span) - 1) * 100, fiscal_years[i], fiscal_years[i + span])
        for i in range(len(values) - span)
    ]
    return max(spans, key=lambda s: s.rate), min(spans, key=lambda s: s.rate)


def reality_check(annual: pd.DataFrame, column: str) -> str:
    """One line: the fastest and slowest pace of a flow over any four years of the official series."""
    fastest, slowest = growth_extremes(list(annual[column]), list(annual["fiscal_year"]), REALITY_SPAN_YEARS)
    return tr(
        "Any {span} years on record since {first}: fastest {fastest} a year ({fastest_start} to {fastest_end}), "
        "slowest {slowest} ({slowest_start} to {slowest_end})."
    ).format(
        span=REALITY_SPAN_YEARS,
        first=fy(annual["fiscal_year"].iloc[0]),
        fastest=signed_pct(fastest.rate),
        fastest_start=fy(fastest.start),
        fastest_end=fy(fastest.end),
        slowest=signed_pct(slowest.rate),
        slowest_start=fy(slowest.start),
        slowest_end=fy(slowest.end),
    )


def signed_pct(rate: float) -> str:
    """'+21.3%' or '−4.2%' (a true minus sign)."""
    shown = round(rate, 1)
    return ("+" if shown > 0 else "−" if shown < 0 else "") + percent(shown, 1)


# --- Presets --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A named scenario: the levers it sets, what it means and where its numbers come from."""

    key: str
    label: str
    levers: Levers
    definition: str
    source_id: str


def slider_value(param: NumberParam, rate: float) -> int:
    """A rate as the nearest whole number the slider can show, within its range."""
    return min(max(round(rate), param.low), param.high)


def trend(annual: pd.DataFrame, column: str, start: str, end: str) -> float:
    """Compound annual growth (percent) of a flow from one fiscal year to another of the official series."""
    years = list(annual["fiscal_year"])
    first, last = years.index(start), years.index(end)
    return growth_needed(annual[column].iloc[first], last - first, annual[column].iloc[last])


def presets(annual: pd.DataFrame, base: Base) -> tuple[Preset, ...]:
    """The named scenarios for this base year, each defined from cited data or stated as our illustration."""
    first, end = annual["fiscal_year"].iloc[0], base.fiscal_year
    both = common_growth_needed(base, Levers())
    both_whole = slider_value(IMPORT_GROWTH, math.ceil(both)) if both is not None else 0
    rates = {
        "before": (
            trend(annual, "exports_usd_mn", first, PRE_JUMP_YEAR),
            trend(annual, "imports_usd_mn", first, PRE_JUMP_YEAR),
        ),
        "since": (trend(annual, "exports_usd_mn", JUMP_YEAR, end), trend(annual, "imports_usd_mn", JUMP_YEAR, end)),
    }

    def trend_levers(key: str) -> Levers:
        exports, imports = rates[key]
        return Levers(
            export_growth=slider_value(EXPORT_GROWTH, exports), import_growth=slider_value(IMPORT_GROWTH, imports)
        )

    def trend_words(key: str, start: str, stop: str) -> str:
        exports, imports = rates[key]
        return tr(
            "India's exports to Russia grew {exports} a year and imports {imports} a year from {start} to {stop} "
            "(compound, official series); the sliders take the nearest whole numbers."
        ).format(exports=percent(exports), imports=percent(imports), start=fy(start), stop=fy(stop))

    return (
        Preset(
            "target",
            tr("Meets the target"),
            Levers(export_growth=both_whole, import_growth=both_whole),
            tr(
                "Both flows grow {rate} a year, the smallest whole rate that reaches {goal} in FY2029-30 from {year} "
                "(exactly {exact} would)."
            ).format(
                rate=percent(both_whole, 0),
                goal=fmt_bn(TARGET_TOTAL_BN, 0),
                year=fy(base.fiscal_year),
                exact=percent(both, 2),
            )
            if both is not None
            else tr("The target is met with no growth at all."),
            trade.OFFICIAL_SOURCE,
        ),
        Preset(
            "before",
            tr("Trend before {year}").format(year=fy(JUMP_YEAR)),
            trend_levers("before"),
            trend_words("before", first, PRE_JUMP_YEAR),
            trade.OFFICIAL_SOURCE,
        ),
        Preset(
            "since",
            tr("Trend since {year}").format(year=fy(JUMP_YEAR)),
            trend_levers("since"),
            trend_words("since", JUMP_YEAR, end),
            trade.OFFICIAL_SOURCE,
        ),
        Preset(
            "energy",
            tr("Energy imports fall by a third"),
            Levers(energy_change=-33),
            tr(
                "Mineral-fuel (HS27) imports end {cut} lower by 2030, phased in evenly; everything else stays at the "
                "base year. Energy's share of imports in {year}: {share}."
            ).format(cut=percent(33, 0), year=fy(base.fiscal_year), share=percent(base.energy_share * 100)),
            trade.HS_SOURCE,
        ),
        Preset(
            "push",
            tr("Pharma and engineering push"),
            Levers(pharma_capture=10, engineering_capture=50),
            tr(
                "India wins a further {pharma_share} of Russia's ~{pharma} pharmaceutical import market and half of "
                "its {engineering} engineering demand by 2030: levels we chose to illustrate the summit's export push, "
                "not a forecast or anyone's target. Market sizes: India Today; its engineering demand (the lower end "
                "of {range}) is not an official figure, and official HS84 exports and the export council's count "
                "differ from it (Trade page, Export gaps)."
            ).format(
                pharma_share=percent(10, 0),
                pharma=figure_phrase(base.pharma_market_bn, "US$ bn"),
                engineering=figure_phrase(base.engineering_demand_bn, "US$ bn"),
                range=figure_phrase(2.7, "US$ bn", value_high=2.8),
            ),
            "seed-004",
        ),
    )


def matching_preset(choices: Sequence[Preset], levers: Levers) -> Preset | None:
    """The preset whose levers the sliders show now, if any."""
    return next((p for p in choices if p.levers == levers), None)


# --- What the page says ---------------------------------------------------------------------------


def answer_words() -> dict:
    """The answer's words, in one place, in the reader's language: the verdict for the first row whose lower bound
    the gap to the goal reaches (inclusive, or strictly above), each card's delta, and the money format. The browser
    fills the same templates while a slider moves (``answer_model.js``), so a sentence changes here alone."""
    return {
        "reaches": tr("In this scenario India–Russia trade reaches {total} in FY2029-30"),
        "target": tr("the US$ {goal} bn target"),
        "verdicts": (
            (0.05, True, tr("{reaches}, {gap} above {target}: the target is met.")),
            (0.0, True, tr("{reaches}: it meets {target}.")),
            (-0.05, False, tr("{reaches}, less than US$ 0.1 bn short of {target}.")),
            (None, True, tr("{reaches}, {shortfall} short of {target}.")),
        ),
        "deltas": (tr("{change} vs the US$ {goal} bn target"), tr("{change} vs FY{year}")),
        "money": tr(BN),
        "percent": tr("{number}%"),
        "number": i18n.number_format(),
    }


def verdict(total_bn: float, goal_bn: float = TARGET_TOTAL_BN) -> str:
    """One plain sentence stating the scenario's 2030 total against the target."""
    words = answer_words()
    gap = total_bn - goal_bn
    parts = {"total": fmt_bn(total_bn, 1), "gap": fmt_bn(gap, 1), "shortfall": fmt_bn(-gap, 1), "goal": f"{goal_bn:g}"}
    parts["target"] = words["target"].format(**parts)
    parts["reaches"] = words["reaches"].format(**parts)
    template = next(
        sentence
        for bound, inclusive, sentence in words["verdicts"]
        if bound is None or (gap >= bound if inclusive else gap > bound)
    )
    return template.format(**parts)


@dataclass(frozen=True)
class Card:
    """A result card: label, value, a delta that carries its unit, and which way the delta goes ('up', 'down' or
    'none', as it shows to one decimal), whatever the language puts first."""

    label: str
    value: str
    delta: str
    help: str
    direction: str


def direction(change: float) -> str:
    """Which way a change shown to one decimal goes: 'up', 'down' or 'none'."""
    shown = round(change, 1)
    return "up" if shown > 0 else "down" if shown < 0 else "none"


def result_cards(base: Base, path: pd.DataFrame, goal_bn: float = TARGET_TOTAL_BN) -> tuple[Card, Card]:
    """The 2030 total against the target, and the 2030 balance against the base year."""
    final, start = path.iloc[-1], path.iloc[0]
    deltas = answer_words()["deltas"]
    return (
        Card(
            tr("Total trade in 2030"),
            fmt_bn(final["total_bn"], 1),
            deltas[0].format(change=fmt_change_bn(final["total_bn"] - goal_bn), goal=f"{goal_bn:g}"),
            tr("India's exports to plus imports from Russia in FY2029-30, goods, US$ at current prices."),
            direction(final["total_bn"] - goal_bn),
        ),
        Card(
            tr("Trade balance in 2030"),
            fmt_bn(final["balance_bn"], 1),
            deltas[1].format(change=fmt_change_bn(final["balance_bn"] - start["balance_bn"]), year=base.fiscal_year),
            tr("India's exports minus imports in FY2029-30; negative is India's deficit."),
            direction(final["balance_bn"] - start["balance_bn"]),
        ),
    )


def growth_needed_lines(base: Base, levers: Levers, goal_bn: float = TARGET_TOTAL_BN) -> tuple[str, str]:
    """What export growth, and what one rate for both flows, would reach the goal with everything else as set."""
    met = total_2030(base, levers) >= goal_bn
    exports = export_growth_needed(base, levers, goal_bn)
    if exports is None:
        export_line = tr("With the import path and levers as set, the target is reached whatever India's exports do.")
    elif met:
        export_line = tr(
            "This scenario meets the target; export growth of {rate} a year would be enough with the import path and "
            "levers as set."
        ).format(rate=_rate(exports))
    elif exports > EXPORT_GROWTH.high:
        export_line = tr(
            "With the import path and levers as set, India's exports would need to grow {rate} a year, beyond the "
            "slider's top of {top}: out of reach this way."
        ).format(rate=_rate(exports), top=percent(EXPORT_GROWTH.high, 0))
    else:
        export_line = tr(
            "With the import path and levers as set, India's exports would need to grow {rate} a year (the slider is "
            "at {slider})."
        ).format(rate=_rate(exports), slider=_rate(levers.export_growth, 0))
    both = common_growth_needed(base, levers, goal_bn)
    low, high = max(EXPORT_GROWTH.low, IMPORT_GROWTH.low), min(EXPORT_GROWTH.high, IMPORT_GROWTH.high)
    if both is None:
        both_line = tr("The summit levers alone reach the target, whatever the two flows do.")
    elif not low <= both <= high:
        both_line = tr(
            "If both flows grew at one rate, it would take {rate} a year, outside the range both sliders allow ({low} "
            "to {high})."
        ).format(rate=_rate(both), low=_rate(low, 0), high=_rate(high, 0))
    else:
        both_line = tr("If both flows grew at one rate, {rate} a year would reach the target, levers as set.").format(
            rate=_rate(both)
        )
    return export_line, both_line


def _rate(value: float, digits: int = 1) -> str:
    """A growth rate as the page writes it: '12.3%', '-4.0%' ('12,3 %')."""
    return ("-" if f"{value:.{digits}f}".startswith("-") else "") + percent(value, digits)


# --- Links and files --------------------------------------------------------------------------------


SENSITIVITY_RATES = (tuple(range(-20, 61, 10)), tuple(range(-30, 31, 10)))
"""The sensitivity grid's export and import growth rates (% a year)."""


def sensitivity_view(base: Base, levers: Levers) -> tuple[pd.DataFrame, tuple[int, int]]:
    """The sensitivity grid for these levers and its cell nearest to their export and import growth."""
    export_rates, import_rates = (list(rates) for rates in SENSITIVITY_RATES)
    grid = sensitivity(base, levers, export_rates, import_rates)
    return grid, (nearest_cell(export_rates, levers.export_growth), nearest_cell(import_rates, levers.import_growth))


def path_caption(inputs: Inputs, base: Base, with_pinned: bool, official_cite: str) -> str:
    """Markdown: what the what-if chart draws, in which units, and the source of its official figures."""
    pinned = tr(", with scenario A's total dotted in purple") if with_pinned else ""
    return tr(
        "India's goods trade with Russia, US\\$ billion: the official series (solid) to {latest} and this "
        "scenario's path (dashed) from {base} to FY2029-30 (labelled 2030){pinned}. A scenario, not a forecast. "
        "Official figures: {cited}."
    ).format(latest=fy(inputs.latest_year), base=fy(base.fiscal_year), pinned=pinned, cited=official_cite)


def newer_base_note(inputs: Inputs, base_id: str, newer: str) -> str:
    """Markdown: this link computes from the base year it names, and a newer one exists."""
    return tr("This link computes from its base year, {base}, as it was made; a newer base exists: {newer}.").format(
        base=md(inputs.base_labels[base_id]), newer=md(inputs.base_labels[newer])
    )


def official_paths(series: pd.DataFrame) -> pd.DataFrame:
    """The official series' total, exports and imports, long, as the what-if chart draws them."""
    return trade.long_form(series, ["total", "exports", "imports"], ["fiscal_year", "year_end"]).assign(kind="Official")


def chart_paths(official: pd.DataFrame, path: pd.DataFrame, pinned_path: pd.DataFrame | None) -> pd.DataFrame:
    """The what-if chart's lines, long: the official series, this scenario's path and scenario A's total."""
    measures = ("Total", "Exports", "Imports")
    rows = [
        (fiscal_year, year_end, measure, value, "What-if")
        for measure in measures
        for fiscal_year, year_end, value in zip(
            path["fiscal_year"], path["year_end"], path[f"{measure.lower()}_bn"], strict=True
        )
    ]
    if pinned_path is not None:
        rows += [
            (fiscal_year, year_end, SCENARIO_A_TOTAL, value, "Scenario A")
            for fiscal_year, year_end, value in zip(
                pinned_path["fiscal_year"], pinned_path["year_end"], pinned_path["total_bn"], strict=True
            )
        ]
    projected = pd.DataFrame(rows, columns=["fiscal_year", "year_end", "measure", "value_bn", "kind"])
    return pd.concat([official, projected], ignore_index=True)


def year_table(path: pd.DataFrame, pinned_path: pd.DataFrame | None, base_source: str) -> pd.DataFrame:
    """The path year by year (US$ bn), with scenario A's total beside it when pinned; the base year's sources.

    Values keep five decimals: the official row exactly (US$ mn to two decimals), no float noise anywhere.
    """
    table = path.drop(columns="t").round(5)
    if pinned_path is not None:
        table = table.assign(scenario_a_total_bn=pinned_path["total_bn"].round(5))
    return table.assign(source_id=base_source)


def scenario_csv(path: pd.DataFrame, base_id: str, base_words: str, query: str, link: str) -> bytes:
    """The year-by-year table as CSV; its first lines record the link, the parameters and what each row is."""
    table = pd.DataFrame(
        {
            "fiscal_year": path["fiscal_year"],
            "kind": ["official"] + ["projection of this app's model"] * (len(path) - 1),
            "exports_usd_bn": path["exports_bn"].round(3),
            "imports_usd_bn": path["imports_bn"].round(3),
            "total_usd_bn": path["total_bn"].round(3),
            "balance_usd_bn": path["balance_bn"].round(3),
        }
    )
    header = [
        "# India–Russia goods trade what-if, India–Russia Partnership Explorer",
        f"# Link: {link}",
        f"# Parameters: {query.replace('&', '; ')}",
        f"# Base year {base_id}: {base_words}",
        "# Rows of kind 'projection of this app's model' are computed by this app for the parameters above;",
        "# they are not figures of the Ministry of Commerce & Industry or of any source. US$ billion, current prices.",
    ]
    out = io.StringIO()
    out.write("\n".join(header) + "\n")
    table.to_csv(out, index=False)
    return out.getvalue().encode("utf-8")


def answer(base: Base, state: WhatIfState, goal_bn: float = TARGET_TOTAL_BN, compact: bool = False) -> dict:
    """What the answer shows for a scenario (and scenario A beside it, when pinned), and what the browser needs to
    redraw it for other slider positions; ``compact``, the sentence without the cards (in another site's frame)."""
    path = project(base, state.levers)
    compare = None
    if state.pinned is not None:
        final = project(base, state.pinned).iloc[-1]
        compare = {
            "total": fmt_bn(final["total_bn"], 1),
            "balance": fmt_bn(final["balance_bn"], 1),
            "levers": asdict(state.pinned),
        }
    return {
        "sentence": verdict(path["total_bn"].iloc[-1], goal_bn),
        "cards": [asdict(card) for card in result_cards(base, path, goal_bn)],
        "levers": asdict(state.levers),
        "base": asdict(base) | {"horizon": base.horizon},
        "goal": {"value": goal_bn, "text": f"{goal_bn:g}"},
        "words": answer_words(),
        "labels": answer_labels(),
        "compare": compare,
        "compact": compact,
    }


def answer_labels() -> dict[str, str]:
    """The answer panel's fixed words: the heads of scenario A beside B, and its help buttons' name."""
    return {
        "year": "FY2029-30",
        "a": tr("A (pinned)"),
        "b": tr("B (sliders)"),
        "total": tr("Total trade"),
        "balance": tr("Trade balance"),
        "growth": tr("Exports / imports a year"),
        "about": tr("About {label}"),
    }
