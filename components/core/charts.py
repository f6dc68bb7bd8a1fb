"""Altair chart builders. Each takes a tidy DataFrame and returns a chart with tooltips; none touches Streamlit.

Building and serialising an Altair chart costs tens of milliseconds, so pages draw :class:`Spec` s that
``components.prepared`` builds once per server per input. The what-if charts, which change on every slider move,
are templates with named, empty data that each rerun only fills in (``Spec.with_data``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import altair as alt
import pandas as pd

from components.core import i18n
from components.core.formatting import figure_phrase, number_text, percent
from components.core.i18n import mark, tr

PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#117733",  # green
    "#AA4499",  # purple
    "#8C510A",  # brown
    "#332288",  # indigo
    "#CC6677",  # rose
    "#666666",  # grey
    "#00796B",  # teal
    "#882255",  # wine
)
"""The app's one categorical palette: Okabe–Ito's and Paul Tol's colours that stay apart with the common
colour-vision deficiencies, each at least 3:1 against the white page (WCAG 1.4.11); a test checks every chart."""
OTHERS_COLOUR = "#767676"
"""Everything grouped as 'other': a neutral grey, 4.5:1 on white."""
SCENARIO_A_TOTAL = mark("Scenario A: total")
SERIES_COLOURS = {
    mark("Total"): "#000000",
    mark("Exports"): "#0072B2",
    mark("Imports"): "#D55E00",
    mark("Balance"): "#009E73",
    SCENARIO_A_TOTAL: "#882255",
}
MET_COLOURS = {mark("Reached"): "#005A8C", mark("Not reached"): "#A33B00"}
"""The sensitivity grid's cells: dark enough that their white figures read at 6.6:1 or more."""
YEAR_AXIS_TITLE = mark("Fiscal year (April–March), by the year it ends")


@dataclass(frozen=True)
class Spec:
    """A finished, validated Vega-Lite spec, or a template with a named, empty top-level dataset and this rerun's
    data for it. Specs are shared by every session, so they are read-only (``sent`` is filled once): ``with_data``
    and ``for_streamlit`` build new top-level dicts around the shared one, and no spec has a null legend title (the
    one thing Streamlit 1.67 writes into a spec it is given; ``tests/test_charts.py`` checks every page's specs)."""

    template: dict
    data: pd.DataFrame | None = None
    key: Spec | None = None  # a key drawn apart, above the chart on the page and in its image
    fetched: dict[str, str] = field(default_factory=dict)  # named datasets a browser fetches, by their site address
    sent: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    """The template's tables as Streamlit sends them (Arrow bytes), filled when it is first drawn and shared with the
    copies ``with_data`` makes: a table that never changes is converted once per server, not on every run."""

    @classmethod
    def of(
        cls,
        chart: alt.TopLevelMixin,
        datasets: dict | None = None,
        key: Spec | None = None,
        fetched: dict[str, str] | None = None,
    ) -> Spec:
        """A chart's validated spec, with a top-level null legend title written as Streamlit would write it.

        ``datasets`` are named datasets added after validation: large fixed geometry need not go through Altair,
        which copies and validates every value of inline data. Those ``fetched`` names (dataset name: this site's
        address of the same file) are fetched by a browser, which keeps them, rather than sent in the spec on every
        open; an image drawn without a browser still has them written in.
        """
        spec = chart.to_dict()
        if datasets:
            spec["datasets"] = {**spec.get("datasets", {}), **datasets}
        legend = spec.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict) and "title" in legend and legend["title"] is None:
            legend["title"] = " "
        return cls(spec, key=key, fetched=fetched or {})

    def tables(self) -> dict[str, list]:
        """The template's named datasets that are tables (JSON rows), not GeoJSON or TopoJSON geometry, which
        Streamlit leaves in the spec for Vega-Lite to read."""
        return {
            name: rows
            for name, rows in self.template.get("datasets", {}).items()
            if isinstance(rows, list) and not (rows and isinstance(rows[0], dict) and rows[0].get("type") == "Feature")
        }

    def with_data(self, data: pd.DataFrame) -> Spec:
        """This template filled with one rerun's data for its named top-level dataset."""
        return replace(self, data=data)

    def for_streamlit(self) -> dict:
        """The spec for ``st.vega_lite_chart``: its tables as ``sent`` holds them (Streamlit sends bytes as they are),
        and this rerun's DataFrame among its named datasets (Streamlit converts it).

        The data must not go apart from the spec: when a spec holds exactly one named dataset, Streamlit 1.67's
        frontend writes the separate data into that dataset.
        """
        template = self._browser_template
        datasets = {**template.get("datasets", {}), **self.sent}
        if self.data is not None:
            datasets[template["data"]["name"]] = self.data
        return {**template, "datasets": datasets} if datasets else template

    @cached_property
    def _browser_template(self) -> dict:
        """The template as a browser gets it: each ``fetched`` dataset read from its address, not written in."""
        if not self.fetched:
            return self.template

        def fetching(node):
            if isinstance(node, list):
                return [fetching(item) for item in node]
            if not isinstance(node, dict):
                return node
            copied = {key: fetching(value) for key, value in node.items() if key != "datasets"}
            data = node.get("data")
            if isinstance(data, dict) and data.get("name") in self.fetched:
                copied["data"] = {"url": self.fetched[data["name"]]} | {k: v for k, v in data.items() if k != "name"}
            return copied

        kept = {name: rows for name, rows in self.template.get("datasets", {}).items() if name not in self.fetched}
        return fetching(self.template) | ({"datasets": kept} if kept else {})

    def standalone(self) -> dict:
        """The spec with this rerun's data written in as JSON rows, for drawing outside a browser (vl-convert)."""
        if self.data is None:
            return self.template
        rows = json.loads(self.data.to_json(orient="records", date_format="iso"))
        name = self.template["data"]["name"]
        return {**self.template, "datasets": {**self.template.get("datasets", {}), name: rows}}

    def standalone_key(self) -> dict | None:
        """The chart's key drawn apart, as :meth:`standalone` gives it, or None."""
        return self.key.standalone() if self.key is not None else None


LINE_CHARACTERS = 34
"""The longest line of a legend label or axis title before it breaks: what a phone's chart shows whole."""
_BREAK = f"lastindexof(slice(datum.label, 0, {LINE_CHARACTERS}), ' ')"
TWO_LINES_AT_ASIDE = (
    "indexof(datum.label, ' (') > 0 ? [slice(datum.label, 0, indexof(datum.label, ' (')), "
    "slice(datum.label, indexof(datum.label, ' (') + 1)] : "
    f"length(datum.label) > {LINE_CHARACTERS} ? [slice(datum.label, 0, {_BREAK}), slice(datum.label, {_BREAK} + 1)] "
    ": datum.label"
)
"""A legend label that breaks before its aside in brackets, or else at its last space before the line's end, so a
phone shows it whole on two lines."""
TWO_LINES_AT_COMMA = (
    "length(datum.label) > 22 && indexof(datum.label, ', ') > 0 ? [slice(datum.label, 0, indexof(datum.label, ', ') "
    "+ 1), slice(datum.label, indexof(datum.label, ', ') + 2)] : datum.label"
)
"""A long bar label broken after its comma ("India's exports," / "official HS84"), so a phone shows it whole."""


def in_words(values, words: Callable[[str], str] = tr) -> str:
    """A legend's or axis's ``labelExpr`` that shows each of ``values`` in the reader's language, as ``words`` gives
    it (the data keep the English)."""
    expression = "datum.label"
    if i18n.current() != i18n.DEFAULT:
        for value in reversed(list(values)):
            expression = f"datum.label === {json.dumps(value)} ? {json.dumps(words(value))} : {expression}"
    return expression


def two_lines(title: str) -> str | list[str]:
    """An axis title broken before its aside in brackets, or at its last space before the line's end, when long."""
    if len(title) <= LINE_CHARACTERS:
        return title
    cut = title.find(" (") if " (" in title else title.rfind(" ", 0, LINE_CHARACTERS)
    return [title[:cut], title[cut + 1 :]] if cut > 0 else title


def _series_scale(measures: list[str]) -> alt.Scale:
    return alt.Scale(domain=measures, range=[SERIES_COLOURS[m] for m in measures])


def trade_history(series: pd.DataFrame, jump_year_end: int, jump_label: str) -> alt.Chart:
    """Annual exports, imports, total and balance (US$ bn); hollow points mark provisional years.

    ``series`` is long: year_end, fiscal_year, measure, value_bn, status.
    """
    measures = [m for m in SERIES_COLOURS if m in set(series["measure"])]
    base = alt.Chart(series).encode(
        x=alt.X(
            "year_end:Q",
            title=tr(YEAR_AXIS_TITLE),
            axis=alt.Axis(format="d", tickMinStep=1),
            scale=alt.Scale(zero=False, padding=10),  # the last, provisional point drawn whole
        ),
        y=alt.Y("value_bn:Q", title=tr("US$ billion")),
        color=alt.Color(
            "measure:N",
            scale=_series_scale(measures),
            legend=alt.Legend(title=None, orient="top", labelExpr=in_words(measures)),
        ),
        tooltip=[
            alt.Tooltip("fiscal_year:N", title=tr("Fiscal year")),
            alt.Tooltip("measure:N", title=tr("Measure")),
            alt.Tooltip("value_bn:Q", title=tr("US$ bn"), format=",.2f"),
            alt.Tooltip("status:N", title=tr("Status")),
        ],
    )
    lines = base.mark_line(strokeWidth=2)
    points = base.mark_point(size=45, filled=True).encode(
        fill=alt.condition(
            "datum.status == 'provisional'",
            alt.value("white"),
            alt.Fill("measure:N", scale=_series_scale(measures), legend=None),  # a point in its line's colour
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888", strokeWidth=1).encode(y="y:Q")
    jump = pd.DataFrame({"year_end": [jump_year_end], "label": [jump_label]})
    rule = alt.Chart(jump).mark_rule(strokeDash=[4, 3], color="#555").encode(x="year_end:Q")
    text = (
        alt.Chart(jump)
        .mark_text(align="right", dx=-4, dy=-6, color="#333", fontSize=11, baseline="top")
        .encode(x="year_end:Q", y=alt.value(0), text="label:N")
    )
    return (zero + lines + points + rule + text).properties(height=260)


PROJECTION_KINDS = {"Official": [1, 0], "What-if": [6, 4], "Scenario A": [2, 3]}
"""Each kind of path in the what-if chart and its line dash: official solid, the what-if dashed, A dotted."""


def trade_projection(target_bn: float, pinned: bool = False) -> alt.LayerChart:
    """A template: history (solid) and the what-if paths of total, exports and imports, with the target line and,
    ``pinned``, scenario A's total in a colour of its own, named in the key.

    Its named dataset ``trade`` is long: year_end, fiscal_year, measure, value_bn, kind (a key of
    ``PROJECTION_KINDS``).
    """
    measures = ["Total", "Exports", "Imports", *([SCENARIO_A_TOTAL] if pinned else [])]
    base = alt.Chart(alt.NamedData("trade")).encode(
        x=alt.X("year_end:Q", title=tr(YEAR_AXIS_TITLE), axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value_bn:Q", title=tr("US$ billion")),
        color=alt.Color(
            "measure:N",
            scale=_series_scale(measures),
            legend=alt.Legend(title=None, orient="top", labelExpr=in_words(measures)),
        ),
        strokeDash=alt.StrokeDash(
            "kind:N",
            scale=alt.Scale(domain=list(PROJECTION_KINDS), range=list(PROJECTION_KINDS.values())),
            legend=None,  # the caption says it: official solid, what-if dashed, scenario A dotted
        ),
        detail="kind:N",
        tooltip=[
            alt.Tooltip("fiscal_year:N", title=tr("Fiscal year")),
            alt.Tooltip("measure:N", title=tr("Measure")),
            alt.Tooltip("kind:N", title=tr("Path")),
            alt.Tooltip("value_bn:Q", title=tr("US$ bn"), format=",.2f"),
        ],
    )
    lines = base.mark_line(strokeWidth=2) + base.mark_point(size=30, filled=True)
    target = tr("Target: {goal} by 2030").format(goal=figure_phrase(target_bn, "US$ bn"))
    goal = pd.DataFrame({"value_bn": [target_bn], "label": [target]})
    rule = alt.Chart(goal).mark_rule(color="#555", strokeDash=[2, 2]).encode(y="value_bn:Q")
    label = (
        alt.Chart(goal)
        .mark_text(align="left", dx=4, dy=-7, color="#333", fontSize=11)
        .encode(y="value_bn:Q", x=alt.value(0), text="label:N")
    )
    return (lines + rule + label).properties(height=280)


LABEL_LIMIT = alt.ExprRef("max(120, containerSize()[0] * 0.38)")
"""A bar chart's category labels take at most 38% of its width (120 px at least), so bars keep the rest."""


def composition(shares: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of trade by HS chapter (US$ mn), largest first and 'Other' last, each labelled
    with its value in US$ mn and its share of the flow; the chapters named, and the labels written, in the reader's
    language."""
    shares = shares.assign(
        chapter=shares["chapter"].map(tr),
        label=[
            f"{i18n.number(v, 0)} ({percent(s)})"
            for v, s in zip(shares["value_usd_mn"], shares["share_pct"], strict=True)
        ],
    )
    order = list(shares["chapter"])
    widest = float(shares["value_usd_mn"].max()) * 1.6  # room for the longest bar's label on a phone
    base = alt.Chart(shares).encode(
        y=alt.Y(
            "chapter:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=LABEL_LIMIT),
        ),
        x=alt.X("value_usd_mn:Q", title=tr("US$ million"), scale=alt.Scale(domain=[0, widest], nice=False)),
        tooltip=[
            alt.Tooltip("chapter:N", title=tr("HS chapter")),
            alt.Tooltip("fiscal_year:N", title=tr("Fiscal year")),
            alt.Tooltip("value_usd_mn:Q", title=tr("US$ mn"), format=",.1f"),
            alt.Tooltip("share_pct:Q", title=tr("Share of flow (%)"), format=".1f"),
        ],
    )
    bars = base.mark_bar(color="#0072B2")
    labels = base.mark_text(align="left", dx=3, fontSize=11, color="#333").encode(text="label:N")
    return (bars + labels).properties(height=alt.Step(26))


def sensitivity_cells(grid: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity grid with each cell's outcome in words, as the chart colours it."""
    return grid.assign(outcome=grid["target_met"].map({True: "Reached", False: "Not reached"}))


def sensitivity(current: tuple[int, int]) -> alt.LayerChart:
    """A template: the 2030 total for each pair of growth rates, coloured by whether the target is reached.

    Its named dataset ``grid`` holds ``sensitivity_cells``; ``current`` (export growth, import growth) is the cell
    outlined in black.
    """
    base = alt.Chart(alt.NamedData("grid")).encode(
        x=alt.X("export_growth:O", title=tr("Export growth, % a year")),
        y=alt.Y("import_growth:O", title=tr("Import growth, % a year"), sort="descending"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "outcome:N",
            scale=alt.Scale(domain=list(MET_COLOURS), range=list(MET_COLOURS.values())),
            legend=alt.Legend(title=tr("US$ 100 bn by 2030"), orient="top", labelExpr=in_words(MET_COLOURS)),
        ),
        tooltip=[
            alt.Tooltip("export_growth:O", title=tr("Export growth (% a year)")),
            alt.Tooltip("import_growth:O", title=tr("Import growth (% a year)")),
            alt.Tooltip("total_2030_bn:Q", title=tr("Total trade in 2030 (US$ bn)"), format=",.1f"),
            alt.Tooltip("outcome:N", title=tr("Target")),
        ],
    )
    text = base.mark_text(fontSize=10, color="#ffffff").encode(text=alt.Text("total_2030_bn:Q", format=".0f"))
    marker = (
        alt.Chart(pd.DataFrame({"export_growth": [current[0]], "import_growth": [current[1]]}))
        .mark_rect(filled=False, stroke="#000", strokeWidth=3)
        .encode(x="export_growth:O", y=alt.Y("import_growth:O", sort="descending"))
    )
    return (cells + text + marker).properties(height=alt.Step(30))


def gap_bars(gap: pd.DataFrame) -> alt.Chart:
    """One sector's market size against India's sales (US$ mn); a range shows as a thin extension; each measure
    named in the reader's language."""
    gap = gap.assign(measure=gap["measure"].map(tr))
    order = list(gap["measure"])
    widest = float(gap[["value_usd_mn", "value_high_usd_mn"]].max().max()) * 1.6  # room for the longest label
    base = alt.Chart(gap).encode(
        y=alt.Y(
            "measure:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT, labelExpr=TWO_LINES_AT_COMMA)
        ),
        tooltip=[
            alt.Tooltip("measure:N", title=tr("Measure")),
            alt.Tooltip("value_usd_mn:Q", title=tr("US$ mn"), format=",.0f"),
            alt.Tooltip("value_high_usd_mn:Q", title=tr("Upper end (US$ mn)"), format=",.0f"),
            alt.Tooltip("qualifier:N", title=tr("As worded")),
            alt.Tooltip("period:N", title=tr("Period")),
        ],
    )
    bars = base.mark_bar(color="#0072B2").encode(
        x=alt.X("value_usd_mn:Q", title=tr("US$ million"), scale=alt.Scale(domain=[0, widest], nice=False))
    )
    ranges = base.mark_rule(color="#0072B2", strokeWidth=3).encode(x="value_usd_mn:Q", x2="value_high_usd_mn:Q")
    labels = (
        base.mark_text(align="left", dx=4, fontSize=11)
        .encode(x="label_at:Q", text="label:N")
        .transform_calculate(
            label_at="isValid(datum.value_high_usd_mn) ? datum.value_high_usd_mn : datum.value_usd_mn",
            label="format(datum.value_usd_mn, ',.0f') + (isValid(datum.value_high_usd_mn) ? '–' + "
            "format(datum.value_high_usd_mn, ',.0f') : '')",
        )
    )  # after the end of a range, so a label never sits on its own line
    return (bars + ranges + labels).properties(height=alt.Step(30))


DOMAIN_COLOURS = {
    "trade": PALETTE[0],
    "defence": PALETTE[1],
    "nuclear & space": PALETTE[3],
    "mobility": PALETTE[2],
    "connectivity": PALETTE[8],
    "diplomacy": "#000000",
    "health & food": PALETTE[4],
    "culture & media": PALETTE[7],
}


def timeline(events: pd.DataFrame, labels: pd.DataFrame, axis_format: str = "%Y") -> alt.LayerChart:
    """Dated events on a time axis, one row per domain, labelled with their numbers in the list under the chart
    (``labels``: domain, when, numbers, above; close events share one), and hover gives each event and its date."""
    domains = [d for d in DOMAIN_COLOURS if d in set(events["domain"])]
    points = (
        alt.Chart(events)
        .mark_point(size=110, filled=True, opacity=0.85)
        .encode(
            x=alt.X("when:T", title=tr("Date"), axis=alt.Axis(format=axis_format, labelOverlap="greedy", tickCount=6)),
            y=alt.Y("domain:N", sort=domains, title=None, axis=alt.Axis(labelExpr=in_words(domains))),
            color=alt.Color(
                "domain:N",
                scale=alt.Scale(domain=domains, range=[DOMAIN_COLOURS[d] for d in domains]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("date_label:N", title=tr("Date")),
                alt.Tooltip("event:N", title=tr("Event")),
                alt.Tooltip("domain:N", title=tr("Domain")),
                alt.Tooltip("source:N", title=tr("Source")),
            ],
        )
    )
    numbers = alt.Chart(labels).encode(x="when:T", y=alt.Y("domain:N", sort=domains), text="numbers:N")
    above = numbers.mark_text(dy=-14, fontSize=11, color="#333333").transform_filter("datum.above")
    below = numbers.mark_text(dy=16, fontSize=11, color="#333333").transform_filter("!datum.above")
    return alt.layer(points, above, below).properties(height=alt.Step(44))


SUPPLIER_COLOURS = [PALETTE[1], PALETTE[0], PALETTE[2], PALETTE[3], PALETTE[4], PALETTE[5], PALETTE[6], PALETTE[8]]


def supplier_name(supplier: str) -> str:
    """A supplier as the reader's language names it: a country by CLDR, the grouped rest by the catalogue."""
    return i18n.country(supplier) if i18n.country(supplier) != supplier else tr(supplier)


def supplier_bars(supply: pd.DataFrame, suppliers: list[str], others: str) -> alt.Chart:
    """Stacked bars of TIV delivered to India each year, by supplier (million TIV)."""
    domain = [*suppliers, others]
    colours = [*SUPPLIER_COLOURS[: len(suppliers)], OTHERS_COLOUR]
    return (
        alt.Chart(supply)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=tr("Delivery year"), axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("tiv_mn:Q", title=two_lines(tr("Million TIV (volume of weapons, not money)")), stack="zero"),
            color=alt.Color(
                "supplier:N",
                scale=alt.Scale(domain=domain, range=colours),
                sort=domain,
                legend=alt.Legend(title=None, orient="top", columns=2, labelExpr=in_words(domain, supplier_name)),
            ),
            order=alt.Order("supplier_rank:Q"),
            tooltip=[
                alt.Tooltip("year:O", title=tr("Year")),
                alt.Tooltip("supplier:N", title=tr("Supplier")),
                alt.Tooltip("tiv_mn:Q", title=tr("Million TIV"), format=",.0f"),
            ],
        )
        .transform_calculate(supplier_rank=f"indexof({domain!r}, datum.supplier)")
        .properties(height=320)
    )


def russia_share(shares: pd.DataFrame, published: pd.DataFrame, window_title: str) -> alt.Chart:
    """Russia's share of India's arms imports: yearly (thin), over the chosen window (thick), and SIPRI's
    published five-year shares (grey segments spanning their years)."""
    base_x = alt.X("year:Q", title=tr("Delivery year"), axis=alt.Axis(format="d"))
    share_y = alt.Y("share_pct:Q", title=tr("Russia's share (%)"), scale=alt.Scale(domain=[0, 100]))
    yearly = (
        alt.Chart(shares)
        .mark_line(color="#D55E00", strokeWidth=1, opacity=0.5, point=alt.OverlayMarkDef(color="#D55E00", size=25))
        .encode(
            x=base_x,
            y=share_y,
            tooltip=[
                alt.Tooltip("year:Q", title=tr("Year"), format="d"),
                alt.Tooltip("share_pct:Q", title=tr("Share that year (%)"), format=".1f"),
                alt.Tooltip("russia_tiv_mn:Q", title=tr("Russia (million TIV)"), format=",.0f"),
                alt.Tooltip("total_tiv_mn:Q", title=tr("All suppliers (million TIV)"), format=",.0f"),
            ],
        )
    )
    smoothed = (
        alt.Chart(shares.dropna(subset=["window_share_pct"]))
        .mark_line(color="#D55E00", strokeWidth=3)
        .encode(
            x=base_x,
            y=alt.Y("window_share_pct:Q"),
            tooltip=[
                alt.Tooltip("window:N", title=window_title),
                alt.Tooltip("window_share_pct:Q", title=tr("Share over the window (%)"), format=".1f"),
            ],
        )
    )
    segments = (
        alt.Chart(published)
        .mark_rule(color="#555555", strokeWidth=3, opacity=0.7)
        .encode(
            x=alt.X("period_start:Q"),
            x2="period_end:Q",
            y=alt.Y("published_pct:Q"),
            tooltip=[
                alt.Tooltip("period:N", title=tr("SIPRI period")),
                alt.Tooltip("published_pct:Q", title=tr("Published share (%)")),
                alt.Tooltip("edition:N", title=tr("Edition")),
                alt.Tooltip("source:N", title=tr("Reported by")),
            ],
        )
    )
    return (yearly + smoothed + segments).properties(height=230)


def category_shares(categories: pd.DataFrame) -> alt.Chart:
    """Each block of years as a 100% bar split by armament category, each named in the reader's language."""
    return (
        alt.Chart(categories.assign(category=categories["category"].map(tr)))
        .mark_bar()
        .encode(
            y=alt.Y("period:N", title=None),
            x=alt.X(
                "share_pct:Q",
                title=tr("Share of Russia's deliveries in the period (%)"),
                stack="normalize",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "category:N",
                legend=alt.Legend(title=None, orient="bottom", columns=2, labelLimit=160),
                scale=alt.Scale(range=list(PALETTE)),
            ),
            tooltip=[
                alt.Tooltip("period:N", title=tr("Years")),
                alt.Tooltip("category:N", title=tr("Category")),
                alt.Tooltip("tiv_mn:Q", title=tr("Million TIV"), format=",.0f"),
                alt.Tooltip("share_pct:Q", title=tr("Share (%)"), format=".1f"),
            ],
        )
        .properties(height=alt.Step(40))
    )


def milestones(events: pd.DataFrame) -> alt.Chart:
    """A dated path of steps read top to bottom: the date on the axis, what happened beside each point."""
    order = list(events.sort_values("when")["date_label"].drop_duplicates())
    base = alt.Chart(events).encode(
        y=alt.Y("date_label:N", sort=order, title=None, axis=alt.Axis(domain=False, ticks=False)),
        x=alt.value(12),
        tooltip=[
            alt.Tooltip("date_label:N", title=tr("Date")),
            alt.Tooltip("event:N", title=tr("Step")),
            alt.Tooltip("source:N", title=tr("Source")),
        ],
    )
    points = base.mark_point(size=110, filled=True, color="#D55E00")
    # Labels end in an ellipsis at the chart's edge, whatever the screen; the tooltip and table give them whole.
    labels = base.mark_text(align="left", dx=12, fontSize=12, limit=alt.ExprRef("width - 30")).encode(text="event:N")
    return (points + labels).properties(height=alt.Step(32))


def measures(points: pd.DataFrame, order: tuple[str, ...]) -> alt.Chart:
    """Figures of different measures as separate point series, never joined by one line; ranges as bars; each
    measure named in the reader's language."""
    shown = [tr(m) for m in order if m in set(points["measure"])]
    base = alt.Chart(points.assign(measure=points["measure"].map(tr))).encode(
        x=alt.X(
            "year:Q",
            title=tr("Year"),
            axis=alt.Axis(format="d", tickMinStep=1),
            scale=alt.Scale(zero=False, padding=16),
        ),
        color=alt.Color(
            "measure:N",
            scale=alt.Scale(domain=shown, range=SUPPLIER_COLOURS[: len(shown)]),
            legend=alt.Legend(
                title=None,
                orient="top",
                direction="vertical",
                labelLimit=alt.ExprRef("width - 30"),
                labelExpr=TWO_LINES_AT_ASIDE,
            ),
        ),
        tooltip=[
            alt.Tooltip("measure:N", title=tr("Measure")),
            alt.Tooltip("period:N", title=tr("Period")),
            alt.Tooltip("qualifier:N", title=tr("As worded")),
            alt.Tooltip("value:Q", title=tr("Value"), format=","),
            alt.Tooltip("value_high:Q", title=tr("Upper end"), format=","),
            alt.Tooltip("source:N", title=tr("Source")),
        ],
    )
    y = alt.Y("value:Q", title=tr("People, permits, places or visits"), axis=alt.Axis(format=",.0f", tickCount=4))
    dots = base.mark_point(size=110, filled=True, opacity=0.85).encode(y=y, shape=alt.Shape("measure:N", legend=None))
    ranges = base.mark_rule(strokeWidth=3).encode(y=y, y2="value_high:Q")
    return (ranges + dots).properties(height=180 + 30 * len(shown))  # the key's lines above, the points below


def count_projection(base_point: pd.DataFrame, target: float | None, label: str) -> alt.LayerChart:
    """A template: a what-if path (dashed) from its cited starting point to 2030, with an optional target line; its
    axis names what grows (``label``, English) in the reader's language.

    Its named dataset ``path`` (year, value) is the only part that changes as a growth slider moves.
    """
    label = tr(label)
    line = (
        alt.Chart()
        .mark_line(strokeDash=[6, 4], color="#0072B2", point=alt.OverlayMarkDef(color="#0072B2", size=30))
        .encode(
            x=alt.X("year:Q", title=tr("Year"), axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
            y=alt.Y("value:Q", title=two_lines(label), axis=alt.Axis(format=",.0f", tickCount=4)),
            tooltip=[
                alt.Tooltip("year:Q", title=tr("Year"), format="d"),
                alt.Tooltip("value:Q", title=label, format=",.0f"),
            ],
        )
    )
    start = (
        alt.Chart(base_point)
        .mark_point(size=160, filled=True, color="#D55E00")
        .encode(
            x="year:Q",
            y="value:Q",
            tooltip=[
                alt.Tooltip("measure:N", title=tr("Starting point")),
                alt.Tooltip("value:Q", format=","),
                alt.Tooltip("source:N", title=tr("Source")),
            ],
        )
    )
    layers = [line, start]
    if target is not None:
        goal = pd.DataFrame({"value": [target], "label": [tr("Target: {goal}").format(goal=number_text(target))]})
        layers += [
            alt.Chart(goal).mark_rule(color="#555555", strokeDash=[2, 2]).encode(y="value:Q"),
            alt.Chart(goal)
            .mark_text(align="left", dx=4, dy=-7, color="#333333")
            .encode(y="value:Q", x=alt.value(0), text="label:N"),
        ]
    return alt.layer(*layers, data=alt.NamedData("path")).properties(height=240)


ROUTE_COLOURS = {"instc": PALETTE[1], "emc": PALETTE[0], "nsr": PALETTE[2], "suez": OTHERS_COLOUR}
MAP_EXTENT = {
    "type": "Feature",
    "geometry": {
        "type": "MultiPoint",
        "coordinates": [[-12, 5], [-12, 72], [60, 80], [100, 84], [-168, 72], [-168, 5], [80, -2]],
    },
    "properties": {},
}


LABEL_PLACEMENTS = {
    "right": {"align": "left", "dx": 5, "dy": -5},
    "left": {"align": "right", "dx": -5, "dy": -5},
}
"""Where a place's name sits beside its point, by the side its row names."""
MAP_HEIGHT, MAP_HEIGHT_PER_WIDTH = 460, 0.66
"""The route map's height: 460 px, or less on a narrow screen, where the routes fit the width and a fixed height
left a blank band of Arctic sea above them."""

COUNTRIES = "countries"
"""The route map's named dataset of country shapes (TopoJSON), given to ``Spec.of`` apart from the chart."""


def route_map(legs: pd.DataFrame, ports: pd.DataFrame, highlight: str) -> alt.Chart:
    """Routes drawn through their nodes on country shapes (the named dataset ``COUNTRIES``, Natural Earth
    TopoJSON); a chosen route stands out."""
    projection = alt.Projection(type="equalEarth", rotate=[-80, 0, 0], fit=MAP_EXTENT)
    land = (
        alt.Chart(alt.NamedData(COUNTRIES, format=alt.DataFormat(type="topojson", feature="countries")))
        .mark_geoshape(fill="#E8E8E8", stroke="#FFFFFF", strokeWidth=0.5, clip=True)
        .project(**projection.to_dict())
    )
    route_ids = [r for r in ROUTE_COLOURS if r in set(legs["route_id"])]
    emphasis = "true" if highlight == "all" else f"datum.route_id == '{highlight}'"
    lines = (
        alt.Chart(legs)
        .mark_line(clip=True)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            detail="leg_id:N",
            order="order:Q",
            color=alt.Color(
                "route:N",
                scale=alt.Scale(
                    domain=[legs.loc[legs["route_id"] == r, "route"].iloc[0] for r in route_ids],
                    range=[ROUTE_COLOURS[r] for r in route_ids],
                ),
                legend=None,
            ),
            strokeDash=alt.condition(
                "indexof(datum.mode, 'gap') >= 0 || indexof(datum.mode, 'planned') >= 0",
                alt.value([5, 4]),
                alt.value([1, 0]),
            ),
            strokeWidth=alt.condition(emphasis, alt.value(3.5), alt.value(1.5)),
            opacity=alt.condition(emphasis, alt.value(1.0), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("route:N", title=tr("Route")),
                alt.Tooltip("branch:N", title=tr("Branch")),
                alt.Tooltip("mode:N", title=tr("This leg")),
            ],
        )
        .project(**projection.to_dict())
    )
    named = ports.assign(short_name=ports["short_name"].map(tr))  # the names on the map, in the reader's language
    place = alt.Chart(named).encode(longitude="lon:Q", latitude="lat:Q")
    points = place.mark_circle(size=45, color="#222222", clip=True).encode(
        tooltip=[
            alt.Tooltip("name:N", title=tr("Place")),
            alt.Tooltip("routes:N", title=tr("On route(s)")),
            alt.Tooltip("lat:Q", title=tr("Latitude"), format=".2f"),
            alt.Tooltip("lon:Q", title=tr("Longitude"), format=".2f"),
            alt.Tooltip("coordinates_source:N", title=tr("Coordinates from")),
        ],
    )
    projected = projection.to_dict()
    labels = [
        place.mark_text(fontSize=10, color="#222222", clip=True, **placement)
        .encode(text="short_name:N")
        .transform_filter(f"datum.label_side == '{side}'")
        .project(**projected)
        for side, placement in LABEL_PLACEMENTS.items()
    ]
    layers = alt.layer(land, lines, points.project(**projected), *labels)
    height = alt.param(name="height", expr=f"min({MAP_HEIGHT}, width * {MAP_HEIGHT_PER_WIDTH})")
    return layers.properties(height=MAP_HEIGHT).add_params(height)


def route_legend(route_names: dict[str, str]) -> alt.Chart:
    """The map's key, drawn apart so the map keeps its full height: a coloured line per route, named in the reader's
    language."""
    rows = pd.DataFrame(
        [{"route_id": r, "route": tr(route_names[r]), "colour": ROUTE_COLOURS[r]} for r in ROUTE_COLOURS]
    )
    base = alt.Chart(rows).encode(y=alt.Y("route:N", sort=list(rows["route"]), axis=None))
    swatch = base.mark_tick(thickness=4, size=26, orient="horizontal").encode(
        x=alt.value(14), color=alt.Color("colour:N", scale=None)
    )
    text = base.mark_text(align="left", dx=34, fontSize=12).encode(x=alt.value(0), text="route:N")
    return (swatch + text).properties(height=alt.Step(20))


def source_counts(counts: pd.DataFrame) -> alt.Chart:
    """How many sources of each kind the explainer cites (``kind``, ``sources``), largest first, each bar labelled."""
    base = alt.Chart(counts).encode(
        y=alt.Y("kind:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=[alt.Tooltip("kind:N", title=tr("Kind")), alt.Tooltip("sources:Q", title=tr("Sources"))],
    )
    bars = base.mark_bar(color=PALETTE[0]).encode(
        x=alt.X("sources:Q", title=tr("Sources cited"), axis=alt.Axis(tickCount=5))
    )
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(x="sources:Q", text="sources:Q")
    return (bars + labels).properties(height=alt.Step(34))
