"""Link previews: what a page's address says when a chat app or social site fetches it (Open Graph and Twitter-card
tags), built from the same data and, for a what-if link, the same validated parameters and model as the page."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from components.core import charts, i18n, images, pages
from components.core.charts import Spec
from components.core.citing import SITE_NAME
from components.core.formatting import fmt_bn, fy, percent
from components.core.i18n import tr
from components.core.scenario import TARGET_TOTAL_BN, Levers, project
from components.core.what_if_state import WhatIfState
from components.server import drawing
from components.store import exhibits, prepared, url_state
from components.store.data import cached, load_sources
from components.store.sourcing import source_name, source_names
from components.topics import defence, trade, what_if


@dataclass(frozen=True)
class Preview:
    """A page's preview: its title, a description of at most 200 characters, the figure lines its card shows and
    what its image shows, for readers who cannot see it."""

    title: str
    description: str
    lines: tuple[str, ...] = ()
    image_alt: str = ""


DESCRIPTION_CHARACTERS = 200
"""The longest description: what chat apps and search results show whole."""


def within(parts: list[str], limit: int = DESCRIPTION_CHARACTERS) -> str:
    """As many of ``parts`` (joined by '; ', ending with a full stop) as fit in ``limit`` characters; at least the
    first, cut at a word and ended with '…' if it alone is too long."""
    text = parts[0].rstrip(".")
    for part in parts[1:]:
        if len(f"{text}; {part}.") > limit:
            break
        text = f"{text}; {part.rstrip('.')}"
    if len(text) + 1 <= limit:
        return f"{text}."
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def state_of(query: dict[str, list[str]]) -> WhatIfState:
    """A what-if link's state, read as the page reads it (a bad value falls back to its default)."""
    return WhatIfState.from_query(url_state.declared(pages.WHAT_IF).values(), query)[0]


def _projected(state: WhatIfState) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The scenario's path and scenario A's, when pinned."""
    base = prepared.what_if_inputs().bases[state.base]
    return project(base, state.levers), project(base, state.pinned) if state.pinned is not None else None


def _signed(rate: float) -> str:
    return ("+" if rate >= 0 else "-") + percent(abs(rate), 0)


def _growth(levers: Levers) -> str:
    return tr("Exports {exports} and imports {imports} a year").format(
        exports=_signed(levers.export_growth), imports=_signed(levers.import_growth)
    )


@cached(maxsize=256)
def what_if_preview(state: WhatIfState) -> Preview:
    """A what-if link's preview: the scenario's 2030 total against the US$ 100 bn target, by the page's model, and
    scenario A's beside it when the link pins one."""
    path, pinned = _projected(state)
    total = path["total_bn"].iloc[-1]
    source = source_names(prepared.what_if_inputs().base_sources[state.base])
    growth = _growth(state.levers)
    compared = ""
    if pinned is not None:
        compared = " " + tr("Scenario A ({growth}): {total}.").format(
            growth=_growth(state.pinned).lower(), total=fmt_bn(pinned["total_bn"].iloc[-1], 1)
        )
    title = tr("Trade what-if: {total} by FY2029-30?").format(total=fmt_bn(total, 1))
    from_figures = tr("{growth} from the official {year} figures ({source})").format(
        growth=growth, year=fy(state.base), source=source
    )
    chart = tr(
        "Line chart of India–Russia goods trade, US$ billion: the official series to {year}, then this scenario's "
        "dashed path to FY2029-30 ({growth}) against the US$ 100 bn target"
    ).format(year=fy(state.base), growth=growth.lower())
    dotted = tr(", with scenario A's total dotted") if pinned is not None else ""
    return Preview(
        f"{title} · {tr(SITE_NAME)}",
        within([f"{what_if.verdict(total)}{compared} {from_figures}"]),
        image_alt=f"{chart}{dotted}. {what_if.verdict(total)}{compared}",
    )


Headline = tuple[Spec, str, str]
"""A preview card's chart: the chart, what it shows (units, period) and its source line."""


def trade_line() -> Headline:
    shows = tr("India's merchandise trade with Russia, US$ billion, fiscal years April–March")
    return exhibits.trade_history().chart, shows, f"{tr('Source')}: {source_name(trade.OFFICIAL_SOURCE)}"


def russia_share_line() -> Headline:
    params = url_state.declared(pages.DEFENCE)
    window, period = params["window"].default, params["period"].default
    shows = tr("Russia's share of India's arms imports, each year and over {window} years, {start}–{end}").format(
        window=window, start=period[0], end=period[1]
    )
    chart = exhibits.russia_share(period, window).chart
    computed = tr("Computed from {source} (volume of weapons, not money)")
    return chart, shows, computed.format(source=source_name(defence.SIPRI_SOURCE))


def workers_chart() -> Headline:
    chart = exhibits.measures("workers").chart
    shows = tr("Indian workers in Russia by year: permits, quotas, headcounts and projections, each its own series")
    return chart, shows, tr("Sources: each figure's own, named in the app")


def route_map() -> Headline:
    shows = tr("The INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route beside the Suez route")
    source = tr("Country shapes: Natural Earth; ports from the sources in the app")
    return exhibits.route_map("all").chart, shows, source


def sources_by_kind() -> Headline:
    kinds = load_sources()["kind"].str.capitalize().value_counts().rename_axis("kind").reset_index(name="sources")
    shows = tr("The sources the explainer cites, by kind; every figure names its own")
    return Spec.of(charts.source_counts(kinds)), shows, tr("Source: the explainer's catalogue of sources")


def sources_lines() -> tuple[str, ...]:
    """The Sources page's preview line: how many sources, and what the page lists."""
    words = tr("The {count} sources behind every figure, what each is cited for, and where they disagree")
    return (words.format(count=len(load_sources())),)


@cached(maxsize=len(pages.PAGES) * len(i18n.LANGUAGES))  # every page in every language
def page_preview(script: str) -> Preview:
    """A page's preview when its address carries no scenario: its headline figures (or its own lines), each with
    its source, over its headline chart."""
    page = pages.by_script(script)
    own_lines = page.hook("preview_lines")
    if own_lines is not None:
        lines = own_lines()
    else:
        lines = tuple(f"{n.said} ({source_name(n.source_id)})" for n in prepared.key_numbers(script))
    _, shows, source = page.hook("headline")()
    return Preview(
        f"{page.name} · {tr(SITE_NAME)}",
        within([*([tr(page.preview_intro)] if page.preview_intro else []), *lines]),
        lines,
        image_alt=tr("{line}. Chart: {shows}. {source}.").format(line=lines[0], shows=shows, source=source),
    )


def what_if_link_preview(query: dict[str, list[str]]) -> Preview:
    """A what-if link's preview, for its own scenario."""
    return what_if_preview(state_of(query))


def preview_for(page: pages.PageInfo, query: dict[str, list[str]]) -> Preview:
    """The preview of a page's address: a page that reads its preview from the link (the What-if's scenario) says
    its own."""
    from_link = page.hook("link_preview")
    return from_link(query) if from_link else page_preview(page.script)


def canonical_path(page: pages.PageInfo, query: dict[str, list[str]]) -> str:
    """The canonical address of what a link shows (path and query): its page with the page's validated values, a
    scenario with its base year."""
    shown = url_state.validated_query(page, query)
    path = "/" if page is pages.PAGES[0] else f"/{page.url_path}"
    return path + (f"?{shown}" if shown else "")


def head_tags(preview: Preview, page_url: str, image_url: str) -> str:
    """The tags a link-preview bot reads, every value escaped."""
    values = {
        "og:type": "website",
        "og:locale": i18n.LOCALES[i18n.current()],
        "og:site_name": tr(SITE_NAME),
        "og:title": preview.title,
        "og:description": preview.description,
        "og:url": page_url,
        "og:image": image_url,
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": preview.image_alt,
        "twitter:card": "summary_large_image",
        "twitter:title": preview.title,
        "twitter:description": preview.description,
        "twitter:image": image_url,
        "twitter:image:alt": preview.image_alt,
    }
    tags = [
        f"<title>{escape(preview.title)}</title>",
        f'<meta name="description" content="{escape(preview.description)}">',
        f'<link rel="canonical" href="{escape(page_url)}">',
    ]
    tags += [
        f'<meta {"name" if key.startswith("twitter:") else "property"}="{key}" content="{escape(value)}">'
        for key, value in values.items()
    ]
    return "\n".join(tags)


def image_address(page: pages.PageInfo, query: dict[str, list[str]]) -> str:
    """The preview image's path and query: the state a page reads from the link for its card (the What-if's
    scenario), nothing for other pages."""
    state = page.hook("card_state")
    return f"/api/v1/preview/{page.url_path}.png" + (f"?{state(query).to_query()}" if state else "")


def card(page: pages.PageInfo, query: dict[str, list[str]]) -> bytes:
    """The 1200×630 preview image of an address (drawn once per scenario or page; see ``_card``)."""
    state = page.hook("card_state")
    return _card(page.script, state(query) if state else None)


def card_spec(script: str, state: WhatIfState | None) -> dict:
    """What a preview card draws: a what-if link's scenario (and scenario A's, pinned), or a page's headline figure
    over its first chart."""
    if state is None:
        preview, (chart, shows, source) = page_preview(script), pages.by_script(script).hook("headline")()
        footer = f"{source}. {tr(SITE_NAME)}."
        return images.framed(
            chart.standalone(), preview.lines[0], shows, footer, chart_height=300, key=chart.standalone_key()
        )
    path, pinned = _projected(state)
    inputs = prepared.what_if_inputs()
    chart = prepared.trade_projection(TARGET_TOTAL_BN, pinned is not None).with_data(
        what_if.chart_paths(inputs.official, path, pinned)
    )
    versus = (
        tr("; dotted: scenario A's total, {total}").format(total=fmt_bn(pinned["total_bn"].iloc[-1], 1))
        if pinned is not None
        else ""
    )
    return images.framed(
        chart.standalone(),
        what_if.verdict(path["total_bn"].iloc[-1]),
        tr("{growth} from {year}; US$ billion, fiscal years April–March; dashed: this scenario{versus}").format(
            growth=_growth(state.levers), year=fy(state.base), versus=versus
        ),
        tr(
            "Official series: {sources}; the projection is a scenario of this model, not an official figure. {site}, "
            "Trade what-if."
        ).format(sources=source_names(inputs.base_sources[state.base]), site=tr(SITE_NAME)),
        chart_height=300,
    )


@cached(maxsize=256)
def _card(script: str, state: WhatIfState | None) -> bytes:
    return drawing.card(card_spec(script, state))
