"""Link previews: what a page's address says when a chat app or social site fetches it (Open Graph and Twitter-card
tags), built from the same data and, for a what-if link, the same validated parameters and model as the page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape
from urllib.parse import urlencode

import pandas as pd

from components import defence, drawing, images, pages, prepared, trade, url_state, what_if
from components.charts import Spec
from components.data import load_sources
from components.formatting import fy
from components.params import parse_params
from components.scenario import SCENARIO_PARAMS, TARGET_TOTAL_BN, project
from components.ui import source_name, source_names

SITE = "India–Russia Partnership Explorer"


@dataclass(frozen=True)
class Preview:
    """A page's preview: its title, one-line description, and the figure lines its card shows."""

    title: str
    description: str
    lines: tuple[str, ...] = ()


Scenario = tuple[tuple[str, int | str], ...]
"""A what-if link's validated values, in the page's order: what its preview and image are computed (and cached) by."""


def resolved(page: pages.PageInfo, query: dict[str, list[str]]) -> tuple[pages.PageInfo, dict[str, list[str]]]:
    """The page an address shows, with its query: an old ``/trade`` link holding a what-if lever is the What-if
    page with that part of the query, as the Trade page itself redirects it."""
    if page is pages.TRADE and (moved := what_if.migrated_query(query)) is not None:
        return pages.WHAT_IF, moved
    return page, query


def scenario_of(query: dict[str, list[str]]) -> Scenario:
    """A what-if link's values validated as the page validates them (a bad value falls back to its default)."""
    params = url_state.declared(pages.WHAT_IF)
    parsed = parse_params(list(params.values()), query)
    return tuple((p.key, parsed[p.key].value) for p in (*SCENARIO_PARAMS, params["base"]))


def _projected(scenario: Scenario) -> tuple[str, pd.DataFrame]:
    values = dict(scenario)
    inputs = prepared.what_if_inputs()
    levers = what_if.levers_of({p.key: values[p.key] for p in SCENARIO_PARAMS})
    return str(values["base"]), project(inputs.bases[str(values["base"])], levers)


@lru_cache(maxsize=256)
def what_if_preview(scenario: Scenario) -> Preview:
    """A what-if link's preview: the scenario's 2030 total against the US$ 100 bn target, by the page's model."""
    base_id, path = _projected(scenario)
    values, total = dict(scenario), path["total_bn"].iloc[-1]
    source = source_names(prepared.what_if_inputs().base_sources[base_id])
    return Preview(
        f"Trade what-if: US$ {total:,.1f} bn by FY2029-30? · {SITE}",
        f"{what_if.verdict(total)} Exports {values['export_growth']:+d}% and imports "
        f"{values['import_growth']:+d}% a year from the official {fy(base_id)} figures ({source}).",
    )


INTRODUCTIONS = {
    pages.OVERVIEW.script: "The 23rd India–Russia Annual Summit, New Delhi, 4–5 December 2025, with every figure "
    "sourced. ",
}


@lru_cache(maxsize=len(pages.PAGES))
def page_preview(script: str) -> Preview:
    """A page's preview when its address carries no scenario: its headline figures, each with its source."""
    if script == pages.SOURCES.script:
        line = f"The {len(load_sources())} sources behind every figure, what each is cited for, and where they disagree"
        lines = (line,)
    else:
        lines = tuple(f"{n.said} ({source_name(n.source_id)})" for n in prepared.key_numbers(script))
    title = next(p.title for p in pages.PAGES if p.script == script)
    return Preview(f"{title} · {SITE}", f"{INTRODUCTIONS.get(script, '')}{'; '.join(lines)}.", lines)


def preview_for(page: pages.PageInfo, query: dict[str, list[str]]) -> Preview:
    """The preview of a page's address: a what-if link (or an old /trade one) states its own scenario."""
    page, query = resolved(page, query)
    return what_if_preview(scenario_of(query)) if page is pages.WHAT_IF else page_preview(page.script)


def head_tags(preview: Preview, page_url: str, image_url: str) -> str:
    """The tags a link-preview bot reads, every value escaped."""
    values = {
        "og:type": "website",
        "og:site_name": SITE,
        "og:title": preview.title,
        "og:description": preview.description,
        "og:url": page_url,
        "og:image": image_url,
        "og:image:width": "1200",
        "og:image:height": "630",
        "twitter:card": "summary_large_image",
        "twitter:title": preview.title,
        "twitter:description": preview.description,
        "twitter:image": image_url,
    }
    tags = [
        f"<title>{escape(preview.title)}</title>",
        f'<meta name="description" content="{escape(preview.description)}">',
    ]
    tags += [
        f'<meta {"name" if key.startswith("twitter:") else "property"}="{key}" content="{escape(value)}">'
        for key, value in values.items()
    ]
    return "\n".join(tags)


def image_address(page: pages.PageInfo, query: dict[str, list[str]]) -> str:
    """The preview image's path and query: a what-if's own validated values, nothing for other pages."""
    page, query = resolved(page, query)
    if page is not pages.WHAT_IF:
        return f"/api/v1/preview/{page.url_path}.png"
    return f"/api/v1/preview/{page.url_path}.png?{urlencode(scenario_of(query))}"


def card(page: pages.PageInfo, query: dict[str, list[str]]) -> bytes:
    """The 1200×630 preview image of an address (drawn once per scenario or page; see ``_card``)."""
    page, query = resolved(page, query)
    return _card(page.script, scenario_of(query) if page is pages.WHAT_IF else ())


def _headline_chart(script: str) -> tuple[Spec, str, str] | None:
    """A page's first chart as its link opens, what it shows (units, period) and its source; None for a page whose
    card is its figures in words."""
    if script == pages.TRADE.script:
        history = prepared.trade_page()[1]["history"]
        shows = "India's merchandise trade with Russia, US$ billion, fiscal years April–March"
        return history, shows, f"Source: {source_name(trade.OFFICIAL_SOURCE)}"
    if script == pages.DEFENCE.script:
        params = url_state.declared(pages.DEFENCE)
        window, period = params["window"].default, params["period"].default
        _, shares = prepared.russia_share(window, tuple(sorted(period)))
        shows = f"Russia's share of India's arms imports, each year and over {window} years, {period[0]}–{period[1]}"
        return shares, shows, f"Computed from {source_name(defence.SIPRI_SOURCE)} (volume of weapons, not money)"
    if script == pages.CONNECTIVITY.script:
        shows = "The INSTC, the Chennai–Vladivostok corridor and the Northern Sea Route beside the Suez route"
        return prepared.route_map("all"), shows, "Country shapes: Natural Earth; ports from the sources in the app"
    return None


def card_spec(script: str, scenario: Scenario) -> dict:
    """What a preview card draws: a what-if link's scenario, a page's headline figure over its first chart, or a
    page's figures in words."""
    if script != pages.WHAT_IF.script:
        preview, headline = page_preview(script), _headline_chart(script)
        if headline is None:
            return images.text_card(preview.title.split(" · ")[0], list(preview.lines), SITE)
        chart, shows, source = headline
        title = preview.lines[0] if preview.lines else preview.title
        footer = f"{source}. {SITE}."
        return images.framed(chart.standalone(), title, shows, footer, chart_height=300, key=chart.standalone_key())
    base_id, path = _projected(scenario)
    values, inputs = dict(scenario), prepared.what_if_inputs()
    chart = prepared.trade_projection(TARGET_TOTAL_BN).with_data(what_if.chart_paths(inputs.official, path, None))
    return images.framed(
        chart.standalone(),
        what_if.verdict(path["total_bn"].iloc[-1]),
        f"Exports {values['export_growth']:+d}% and imports {values['import_growth']:+d}% a year from "
        f"{fy(base_id)}; US$ billion, fiscal years April–March; dashed: this scenario",
        f"Official series: {source_names(inputs.base_sources[base_id])}; the projection is a scenario of this "
        f"model, not an official figure. {SITE}, Trade what-if.",
        chart_height=300,
    )


@lru_cache(maxsize=256)
def _card(script: str, scenario: Scenario) -> bytes:
    return drawing.card(card_spec(script, scenario))
