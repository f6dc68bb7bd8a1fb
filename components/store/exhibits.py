"""Every chart and table a reader can download, built from a link's values alone: the page draws it, and a route
(``/api/v1/charts/{page}/{name}.png|svg|csv|json``) rebuilds the same one from the link the page gives it, so any
server answers a download, after a failover too.

Each page lists its exhibits through its ``exhibits`` hook (``pages.PageInfo``): a name, and how to build the
exhibit from the link's readings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from components.core import i18n, images, pages
from components.core.charts import Spec, sensitivity_cells
from components.core.citing import LICENCE, LICENCE_URL, SITE_NAME, Citation
from components.core.formatting import first_sentence, for_download, percent, plain_text
from components.core.i18n import mark, tr
from components.core.params import Parsed
from components.core.scenario import TARGET_TOTAL_BN, project
from components.core.what_if_state import WhatIfState
from components.store import prepared, url_state
from components.store.data import data_version
from components.store.sourcing import source_markdown, with_sources
from components.topics import connectivity, defence, mobility, overview, trade, what_if
from components.topics.provenance import ALL_SOURCES

KINDS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "png": "image/png", "svg": "image/svg+xml"}
"""The forms an exhibit downloads as; a chart's image only where it has a chart."""


@dataclass(frozen=True)
class Exhibit:
    """A chart (or none) and its table as a reader downloads them, with the link that rebuilds them."""

    page: pages.PageInfo
    name: str  # its address under the page
    file_stem: str  # the downloaded file's name, without its extension
    table: pd.DataFrame | Callable[[], pd.DataFrame]  # the rows (or how to build them when asked)
    chart: Spec | None = None
    caption: str = ""  # Markdown: what the chart shows, in which units, from which source
    query: str = ""  # the link's values this exhibit was built from (defaults left out)
    summary: str = ""  # the chart's text alternative where its caption names values a control moves: kept the same
    # from rerun to rerun, so the chart's spec is unchanged and moving the control updates its data in place (a new
    # spec would redraw the whole chart before the control's result shows)

    @property
    def text_alternative(self) -> str:
        """What the chart shows, for screen readers: its summary, else its caption."""
        return self.summary or self.caption

    def rows(self) -> pd.DataFrame:
        """The rows as a reader gets them, with their sources named beside their ids; built only when asked, so a
        page whose table views stay closed spends nothing on them."""
        table = self.table() if callable(self.table) else self.table
        return with_sources(table) if "source_id" in table and "source" not in table else table

    def address(self, kind: str) -> str:
        """The route that rebuilds this exhibit as ``kind`` (csv, json, png, svg), relative to the site's root."""
        return f"api/v1/charts/{self.page.url_path}/{self.name}.{kind}" + (f"?{self.query}" if self.query else "")

    @property
    def title(self) -> str:
        """What the exhibit shows, in a line: its caption's first sentence."""
        return first_sentence(plain_text(self.caption))[0]

    def citation(self, site: str, accessed: date) -> Citation:
        """How to cite the exhibit as seen on ``accessed``."""
        return Citation(self.title, self.page_link(site), accessed, data_version())

    def page_link(self, site: str) -> str:
        """The page's address showing this exhibit as it was built."""
        return f"{site}/{self.page.url_path}" + (f"?{self.query}" if self.query else "")


def _query(page: pages.PageInfo, **values) -> str:
    return url_state.query_for(page, values)


# --- Overview -------------------------------------------------------------------------------------
def since_the_summit() -> Exhibit:
    """Every followed item at the summit and now."""
    standings = prepared.overview_page().standings
    return Exhibit(
        pages.OVERVIEW,
        "since-the-summit",
        "india_russia_since_the_summit",
        standings,
        caption="The summit's deliverables at the summit and now, each from its strongest source.",
    )


def agreements(agreement_domain: tuple[str, ...], agreement_status: tuple[str, ...]) -> Exhibit:
    """The agreements in the chosen domains and statuses, every column."""
    chosen = prepared.agreements(tuple(agreement_domain), tuple(agreement_status)).chosen
    query = _query(pages.OVERVIEW, agreement_domain=agreement_domain, agreement_status=agreement_status)
    caption = "India–Russia agreements: parties, what each does, its status and evidence."
    return Exhibit(pages.OVERVIEW, "agreements", "india_russia_agreements", chosen, caption=caption, query=query)


def timeline(timeline_domain: tuple[str, ...], timeline_period: str) -> Exhibit:
    """The dated events of the chosen domains and period, numbered as on their chart."""
    events, chart, _ = prepared.timeline(tuple(timeline_domain), timeline_period)
    return Exhibit(
        pages.OVERVIEW,
        "timeline",
        "india_russia_timeline",
        events[["date_label", "event", "domain", "note", "source_id"]],
        chart,
        tr(
            "{count} dated events ({period}); the numbers match the list of events. Where sources give different "
            "dates, each appears."
        ).format(count=len(events), period=tr(overview.PERIODS[timeline_period][0])),
        _query(pages.OVERVIEW, timeline_domain=timeline_domain, timeline_period=timeline_period),
    )


# --- Trade ----------------------------------------------------------------------------------------
def record_versions() -> Exhibit:
    """Every version of the record year's four figures."""
    view, _ = prepared.trade_page()
    caption = "Every version of India–Russia trade in FY2024-25, with who gives it."
    return Exhibit(pages.TRADE, "record-versions", "fy2024-25_versions", view.versions, caption=caption)


def trade_history() -> Exhibit:
    """Exports, imports, total and balance, fiscal year by fiscal year."""
    view, shown = prepared.trade_page()
    series = view.series
    return Exhibit(
        pages.TRADE,
        "history",
        "india_russia_trade_annual",
        series,
        shown["history"],
        tr(
            "{first} to {last}; a hollow point is provisional; in FY2022-23 imports rose ×{jump}. Source: {source}."
        ).format(
            first=trade.fy(series["fiscal_year"].iloc[0]),
            last=trade.fy(series["fiscal_year"].iloc[-1]),
            jump=i18n.number(view.jump_ratio, 1),
            source=source_markdown(trade.OFFICIAL_SOURCE, short=True),
        ),
    )


def composition(flow: str, year: int) -> Exhibit:
    """One flow's largest goods chapters in one year."""
    view, shown = prepared.trade_page()
    flow_words = tr("India's imports from Russia") if flow == "imports" else tr("India's exports to Russia")
    return Exhibit(
        pages.TRADE,
        "composition",
        f"india_russia_{flow}_by_hs_chapter_{year}",
        view.compositions[(flow, year)],
        shown[(flow, year)],
        tr("{flow} by HS chapter, {year}, US\\$ million; in brackets, the share of the flow. Source: {source}.").format(
            flow=flow_words, year=trade.fy(year), source=source_markdown(trade.HS_SOURCE, short=True)
        ),
        _query(pages.TRADE, flow=flow, year=year),
    )


def _slug(words: str) -> str:
    return words.lower().replace(" ", "_")


def export_gaps() -> tuple[Exhibit, ...]:
    """Each sector's Russian imports against India's sales to it."""
    view, shown = prepared.trade_page()
    return tuple(
        Exhibit(
            pages.TRADE,
            f"gap-{_slug(sector)}",
            f"gap_{_slug(sector)}",
            gap,
            shown[sector],
            tr("{sector}: Russia's imports against India's sales, US\\$ million. Sources: {sources}.").format(
                sector=tr(sector), sources=source_markdown(";".join(dict.fromkeys(gap["source_id"])), short=True)
            ),
        )
        for sector, gap in view.gaps.groupby("sector", sort=False)
    )


# --- What-if --------------------------------------------------------------------------------------
def what_if_path(state: WhatIfState) -> Exhibit:
    """The scenario's path beside the official series (and scenario A's total, when pinned)."""
    base_id, levers, pinned = state.base, state.levers, state.pinned
    inputs = prepared.what_if_inputs()
    base = inputs.bases[base_id]
    path = project(base, levers)
    pinned_path = project(base, pinned) if pinned is not None else None
    return Exhibit(
        pages.WHAT_IF,
        "path",
        "india_russia_trade_what_if",
        lambda: what_if.year_table(path, pinned_path, inputs.base_sources[base_id]),
        prepared.trade_projection(TARGET_TOTAL_BN, pinned is not None).with_data(
            what_if.chart_paths(inputs.official, path, pinned_path)
        ),
        what_if.path_caption(inputs, base, pinned is not None, source_markdown(trade.OFFICIAL_SOURCE)),
        state.to_query(),
    )


def what_if_sensitivity(state: WhatIfState) -> Exhibit:
    """The 2030 total for a grid of export and import growth rates, the other levers as set."""
    grid, current = what_if.sensitivity_view(prepared.what_if_inputs().bases[state.base], state.levers)
    return Exhibit(
        pages.WHAT_IF,
        "sensitivity",
        "india_russia_trade_sensitivity",
        grid.assign(source_id=trade.OFFICIAL_SOURCE),
        prepared.sensitivity(current).with_data(sensitivity_cells(grid)),
        tr(
            "Total trade in 2030 (US\\$ bn) for each pair of export and import growth rates, with the other levers as "
            "set. The outlined cell is the nearest to the sliders' export and import growth."
        ),
        state.without_pin().to_query(),
    )


# --- Defence --------------------------------------------------------------------------------------
def _sipri() -> str:
    return source_markdown(defence.SIPRI_SOURCE, short=True)


def arms_supply(period: tuple[int, int], suppliers: tuple[str, ...]) -> Exhibit:
    """Deliveries to India by the chosen suppliers in the chosen years."""
    start, end = sorted(period)
    table, chart = prepared.supply(tuple(suppliers), (start, end))
    return Exhibit(
        pages.DEFENCE,
        "supply",
        "india_arms_imports_by_supplier",
        table,
        chart,
        tr(
            "Arms delivered to India by supplier, {start}–{end}, million TIV; licence production in India counts as "
            "imports. Source: {source}; the register ends in 2023."
        ).format(start=start, end=end, source=_sipri()),
        _query(pages.DEFENCE, period=period, suppliers=suppliers),
    )


def russia_share(period: tuple[int, int], window: int) -> Exhibit:
    """Russia's share of India's arms imports, each year and over a window of years."""
    start, end = sorted(period)
    shares, chart = prepared.russia_share(window, (start, end))
    return Exhibit(
        pages.DEFENCE,
        "russia-share",
        "russia_share_of_india_arms_imports",
        shares,
        chart,
        tr(
            "Russia's share of India's arms imports, {start}–{end}: each year (thin line) and over the {window} years "
            "to each year (thick line); grey bars: SIPRI's published five-year shares. Computed from {source}."
        ).format(start=start, end=end, window=window, source=_sipri()),
        _query(pages.DEFENCE, period=period, window=window),
    )


def russian_categories() -> Exhibit:
    """Russia's deliveries by kind of weapon, as shares of each block of years."""
    categories, chart = prepared.defence_page()["categories"]
    caption = tr("Shares of Russia's deliveries to India (TIV) by category. Source: {source}.").format(source=_sipri())
    return Exhibit(pages.DEFENCE, "categories", "russian_arms_to_india_by_category", categories, chart, caption)


def platforms(q: str) -> Exhibit:
    """The platforms a search finds, every column."""
    found = defence.search_platforms(prepared.defence_page()["platforms"], q)
    caption = "Russian-origin defence platforms in India and where each stands."
    query = _query(pages.DEFENCE, q=q)
    return Exhibit(pages.DEFENCE, "platforms", "defence_platforms", found, caption=caption, query=query)


def platform_disagreements() -> Exhibit:
    """Each platform fact on which sources disagree."""
    disputed = prepared.defence_page()["disputed"]
    caption = "Defence platform facts that sources give differently, each version with its source."
    return Exhibit(pages.DEFENCE, "disagreements", "defence_disagreements", disputed, caption=caption)


def relos_steps() -> Exhibit:
    """The logistics pact step by step."""
    steps, chart = prepared.defence_page()["relos"]
    shown = steps[["date_label", "event", "note", "source_id", "source"]]
    return Exhibit(pages.DEFENCE, "relos", "relos_timeline", shown, chart, tr(RELOS_CAPTION))


RELOS_CAPTION = mark(
    "RELOS step by step, from the draft to its reported entry into force. Sources date the Federation Council's vote "
    "8 December (India Today) and 10 December (TASS); the April 2026 report of its entry into force comes only from "
    "an exam-coaching site."
)
"""What the RELOS chart shows, and where its sources differ."""


# --- Mobility -------------------------------------------------------------------------------------
MEASURES = {
    "workers": (
        "indian_workers_in_russia",
        "Indian workers in Russia by year, one colour per measure (permits, quotas, headcounts, projections), never "
        "joined into one line; figures without a year ('10,000 a couple of years ago') are in the table.",
    ),
    "students": (
        "indian_students_in_russia",
        "Indian students in Russia by year, one colour per measure: diplomats' and others' estimates, each sourced.",
    ),
    "indians_visiting": (
        "indians_visiting_russia",
        "Indians visiting Russia, by year: each series is one source's measure.",
    ),
    "russians_visiting": (
        "russians_visiting_india",
        "Russians visiting India, by year: each series is one source's measure.",
    ),
}
"""Each group of mobility measures drawn as one chart: its file name and caption."""


def measures(group: str) -> Exhibit:
    """One group of mobility measures, each its own series."""
    table, chart = prepared.mobility_page().groups[group]
    file_stem, caption = MEASURES[group]
    return Exhibit(pages.MOBILITY, group.replace("_", "-"), file_stem, table, chart, tr(caption))


def count_scenario(prefix: str, title: str, choice: str, rate: int, target_thousands: int | None) -> Exhibit:
    """A cited mobility figure grown to 2030 at the reader's rate (``prefix``: visitor or worker), with the reader's
    target (thousands; 0 for none) where the scenario has one (None where it has none)."""
    base = prepared.mobility_page().starts[choice]
    start_year = int(base["year"])
    path = mobility.project_count(base["value"], start_year, rate)
    target = target_thousands * 1000 or None if target_thousands is not None else None
    keys = {f"{prefix}_base": choice, f"{prefix}_growth": rate}
    if target_thousands is not None:
        keys[f"{prefix}_target"] = target_thousands
    drawn = "."
    if target_thousands is not None:
        drawn = tr("; grey: your target.") if target else tr("; set a target to draw it.")
    return Exhibit(
        pages.MOBILITY,
        f"{prefix}s-scenario",
        f"{prefix}s_scenario",
        path.assign(source_id=base["source_id"]),
        prepared.count_projection(choice, target).with_data(path),
        tr(
            "{title}, {start} to 2030: the scenario dashed from the cited starting figure (orange), growing {rate} a "
            "year{drawn}"
        ).format(title=tr(title), start=start_year, rate=percent(rate, 0), drawn=drawn),
        _query(pages.MOBILITY, **keys),
        tr(
            "{title}, {start} to 2030: the scenario dashed from the cited starting figure (orange), growing at the "
            "rate set above{drawn}"
        ).format(title=tr(title), start=start_year, drawn=drawn),
    )


def mobility_figures() -> Exhibit:
    """Every mobility figure."""
    figures = prepared.mobility_page().figures
    caption = "Every figure on Indian workers, students and visitors in Russia and Russian visitors to India."
    return Exhibit(pages.MOBILITY, "figures", "mobility_figures", figures, caption=caption)


# --- Connectivity ---------------------------------------------------------------------------------
def route_map(route: str) -> Exhibit:
    """The routes on a world map, one highlighted; its table lists the ports."""
    ports = prepared.connectivity_page().ports
    return Exhibit(
        pages.CONNECTIVITY,
        "map",
        "india_russia_corridor_ports",
        lambda: ports.rename(columns={"source_id_node": "source_id", "evidence_node": "evidence"}),
        prepared.route_map(route),
        tr(
            "Map of the routes between India and Russia: the INSTC from Mumbai through Iran to Moscow, the Chennai–"
            "Vladivostok corridor, the Northern Sea Route and the Suez route. Ports sit at their sources' coordinates; "
            "dashed legs are planned or missing links (the Rasht–Astara rail gap); at sea, lines pass through "
            "hand-placed points, not sourced positions. Country shapes: Natural Earth 1:110m."
        ),
        _query(pages.CONNECTIVITY, route=route),
    )


def journey(origin: str, destination: str, via: str) -> Exhibit:
    """Every figure of one journey by a corridor beside the same source's Suez figures."""
    trip = connectivity.journey(prepared.connectivity_page().journeys, origin, destination, via)
    query = _query(pages.CONNECTIVITY, origin=origin, destination=destination, via=via)
    caption = "A journey by corridor beside the same source's Suez figures, in days and km."
    return Exhibit(pages.CONNECTIVITY, "journey", "journey_vs_suez", trip, caption=caption, query=query)


# --- Sources --------------------------------------------------------------------------------------
SOURCE_TABLES = {
    "sources": "The sources of the India–Russia Partnership Explorer, strongest first.",
    "disagreements": "Figures that sources give with different values for the same period.",
    "date_disagreements": "Dates that sources give differently.",
    "defence_disagreements": "Defence facts that sources give differently.",
    "sipri_revisions": "SIPRI shares revised between report editions.",
}
"""The Sources page's tables that its link does not change, and what each holds."""


def source_table(name: str) -> Exhibit:
    """One of the Sources page's tables, whole."""
    table = prepared.sources_page()[name]
    return Exhibit(pages.SOURCES, name.replace("_", "-"), name, table, caption=SOURCE_TABLES[name])


def citations(source: str) -> Exhibit:
    """What one source (or every source) is cited for."""
    cited = prepared.sources_page()["citations"]
    chosen = cited if source == ALL_SOURCES else cited[cited["source_id"] == source]
    caption = "What each source is cited for: every figure and fact, by data file."
    query = _query(pages.SOURCES, source=source)
    return Exhibit(pages.SOURCES, "citations", f"citations_{source}", chosen, caption=caption, query=query)


# --- The registry ---------------------------------------------------------------------------------
Readings = Mapping[str, Parsed]
Builder = Callable[[Readings], Exhibit]


def _count(readings: Readings, prefix: str, title: str) -> Exhibit:
    target = readings[f"{prefix}_target"].value if f"{prefix}_target" in readings else None
    return count_scenario(prefix, title, readings[f"{prefix}_base"].value, readings[f"{prefix}_growth"].value, target)


VISITORS_TITLE = i18n.mark("Indian visitors to Russia by 2030")
WORKERS_TITLE = i18n.mark("Indian workers in Russia: one measure grown to 2030")


def _value(readings: Readings, key: str):
    return readings[key].value


def overview_exhibits() -> dict[str, Builder]:
    """The Overview's: what changed since the summit, the agreements, the timeline."""
    return {
        "since-the-summit": lambda r: since_the_summit(),
        "agreements": lambda r: agreements(_value(r, "agreement_domain"), _value(r, "agreement_status")),
        "timeline": lambda r: timeline(_value(r, "timeline_domain"), _value(r, "timeline_period")),
    }


def trade_exhibits() -> dict[str, Builder]:
    """Trade's: the record year's versions, the history, the composition, each sector's export gap."""
    return {
        "record-versions": lambda r: record_versions(),
        "history": lambda r: trade_history(),
        "composition": lambda r: composition(_value(r, "flow"), _value(r, "year")),
        **{gap.name: (lambda r, gap=gap: gap) for gap in export_gaps()},  # the link does not change them
    }


def what_if_exhibits() -> dict[str, Builder]:
    """The What-if's: the scenario's path and the sensitivity grid."""
    return {
        "path": lambda r: what_if_path(WhatIfState.read(r)),
        "sensitivity": lambda r: what_if_sensitivity(WhatIfState.read(r)),
    }


def defence_exhibits() -> dict[str, Builder]:
    """Defence's: supply, Russia's share, categories, platforms, disagreements, RELOS."""
    return {
        "supply": lambda r: arms_supply(_value(r, "period"), _value(r, "suppliers")),
        "russia-share": lambda r: russia_share(_value(r, "period"), _value(r, "window")),
        "categories": lambda r: russian_categories(),
        "platforms": lambda r: platforms(_value(r, "q")),
        "disagreements": lambda r: platform_disagreements(),
        "relos": lambda r: relos_steps(),
    }


def mobility_exhibits() -> dict[str, Builder]:
    """Mobility's: each group of measures, the two what-ifs, every figure."""
    return {
        **{group.replace("_", "-"): (lambda r, group=group: measures(group)) for group in MEASURES},
        "visitors-scenario": lambda r: _count(r, "visitor", VISITORS_TITLE),
        "workers-scenario": lambda r: _count(r, "worker", WORKERS_TITLE),
        "figures": lambda r: mobility_figures(),
    }


def connectivity_exhibits() -> dict[str, Builder]:
    """Connectivity's: the map and the journey compared."""
    return {
        "map": lambda r: route_map(_value(r, "route")),
        "journey": lambda r: journey(_value(r, "origin"), _value(r, "destination"), _value(r, "via")),
    }


def sources_exhibits() -> dict[str, Builder]:
    """Sources': the catalogue and its other tables, and what a source is cited for."""
    return {
        "citations": lambda r: citations(_value(r, "source")),
        **{name.replace("_", "-"): (lambda r, name=name: source_table(name)) for name in SOURCE_TABLES},
    }


def _registry(page: pages.PageInfo) -> dict[str, Builder]:
    """A page's exhibits (its ``exhibits`` hook), by name."""
    exhibits = page.hook("exhibits")
    return exhibits() if exhibits else {}


def names(page: pages.PageInfo) -> tuple[str, ...]:
    """The names of a page's exhibits."""
    return tuple(_registry(page))


def rebuilt(page: pages.PageInfo, name: str, query: Mapping[str, list[str]]) -> Exhibit | None:
    """The exhibit ``name`` of ``page`` as a link with ``query`` shows it (a value the page would ignore is ignored
    here too), or None when the page has no such exhibit."""
    builder = _registry(page).get(name)
    if builder is None:
        return None
    _, readings = url_state.read(page, query)
    return builder(readings)


def framed(exhibit: Exhibit, site: str) -> dict:
    """The exhibit's chart as an image draws it: its title and source line from the caption, and its page's link."""
    chart, credit = exhibit.chart, f"{exhibit.page_link(site)} · {tr(SITE_NAME)}, {LICENCE}"
    return images.framed_chart(chart.standalone(), exhibit.caption, credit, chart.standalone_key())


def table_file(exhibit: Exhibit, kind: str, site: str, accessed: date) -> bytes:
    """The exhibit's table as CSV (first lines: what it is, its link, how to cite it, its licence; then the rows as
    the page's table view holds them) or JSON (numbers as numbers, with the caption, link and citation)."""
    rows = for_download(exhibit.rows())
    citation = exhibit.citation(site, accessed)
    if kind == "csv":
        return ("\n".join(citation.csv_lines()) + "\n" + rows.to_csv(index=False)).encode("utf-8")
    body = {
        "title": exhibit.title,
        "caption": plain_text(exhibit.caption),
        "page": exhibit.page_link(site),
        "cite": {"apa": citation.apa(), "bibtex": citation.bibtex()},
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        "rows": json.loads(rows.to_json(orient="records", date_format="iso")),
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
