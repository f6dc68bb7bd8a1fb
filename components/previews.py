"""Link previews: what a page's address says when a chat app or social site fetches it (Open Graph and Twitter-card
tags), built from the same data and, for a what-if link, the same validated parameters and model as the page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from urllib.parse import urlencode

from components import images, overview, pages, prepared, url_state, what_if
from components.data import load_figures, load_sources, load_table, load_trade_annual
from components.formatting import fy
from components.params import parse_params
from components.scenario import SCENARIO_PARAMS, TARGET_TOTAL_BN, project
from components.ui import source_name, source_names

SITE = "India–Russia Partnership Explorer"


@dataclass(frozen=True)
class Preview:
    """A page's preview: its title and one-line description (the key figure with its source)."""

    title: str
    description: str


def _figure_line(number: overview.KeyNumber) -> str:
    said = number.wording or f"{number.label}: {number.value}"
    return f"{said} ({source_name(number.source_id)})"


@cache
def page_previews() -> dict[str, Preview]:
    """Each page's preview (by script) when its address carries no scenario; built once per server."""
    figures, annual = load_figures(), load_trade_annual()
    trade_numbers = overview.trade_key_numbers(annual)
    defence_numbers = overview.defence_key_numbers(
        load_table("sipri_india_arms_imports.csv"), load_table("sipri_published_shares.csv")
    )
    mobility_numbers = overview.mobility_key_numbers(figures)
    corridor_numbers = overview.connectivity_key_numbers(figures)
    lines = {
        pages.OVERVIEW: f"The 23rd India–Russia Annual Summit, New Delhi, 4–5 December 2025, with every figure "
        f"sourced. {_figure_line(trade_numbers[0])}; {_figure_line(defence_numbers[0])}.",
        pages.TRADE: f"{_figure_line(trade_numbers[0])}; {_figure_line(trade_numbers[1])}.",
        pages.DEFENCE: f"{_figure_line(defence_numbers[0])}; {_figure_line(defence_numbers[1])}.",
        pages.MOBILITY: f"{_figure_line(mobility_numbers[0])}; {_figure_line(mobility_numbers[1])}.",
        pages.CONNECTIVITY: f"{_figure_line(corridor_numbers[0])}; {_figure_line(corridor_numbers[1])}.",
        pages.SOURCES: f"The {len(load_sources())} sources behind every figure, what each is cited for, and where "
        "sources disagree.",
    }
    previews = {p.script: Preview(f"{p.title} · {SITE}", line) for p, line in lines.items()}
    previews[pages.WHAT_IF.script] = what_if_preview({})
    return previews


def what_if_preview(query: dict[str, list[str]]) -> Preview:
    """A what-if link's preview: the scenario's 2030 total against the US$ 100 bn target, from the link's values
    validated as the page validates them (a bad value falls back to its default, as on the page)."""
    inputs = prepared.what_if_inputs()
    params = url_state.declared(pages.WHAT_IF)
    parsed = parse_params(list(params.values()), query)
    levers = what_if.levers_of({p.key: parsed[p.key].value for p in SCENARIO_PARAMS})
    base = inputs.bases[parsed["base"].value]
    total = project(base, levers)["total_bn"].iloc[-1]
    source = source_names(inputs.base_sources[parsed["base"].value])
    return Preview(
        f"Trade what-if: US$ {total:,.1f} bn by FY2029-30? · {SITE}",
        f"{what_if.verdict(total)} Exports {parsed['export_growth'].value:+d}% and imports "
        f"{parsed['import_growth'].value:+d}% a year from the official {fy(parsed['base'].value)} figures ({source}).",
    )


def preview_for(script: str, query: dict[str, list[str]]) -> Preview:
    """The preview of a page's address: a what-if link (or an old /trade one) states its own scenario."""
    if script == pages.WHAT_IF.script:
        return what_if_preview(query)
    if script == pages.TRADE.script and (moved := what_if.migrated_query(query)) is not None:
        return what_if_preview(moved)
    return page_previews()[script]


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


def image_query(script: str, query: dict[str, list[str]]) -> str:
    """The preview image's query: a what-if's own parameters, nothing for other pages."""
    if script == pages.TRADE.script:
        query = what_if.migrated_query(query) or {}
        script = pages.WHAT_IF.script if query else script
    if script != pages.WHAT_IF.script:
        return ""
    return urlencode([(k, v) for k, values in query.items() if k in what_if.WHAT_IF_KEYS for v in values])


def scenario_key(query: dict[str, list[str]]) -> tuple[tuple[str, int | str], ...]:
    """A what-if link's validated values (the page's defaults where a value is bad): the key its image is cached by,
    so a burst of different spellings of one scenario draws it once."""
    params = url_state.declared(pages.WHAT_IF)
    parsed = parse_params(list(params.values()), query)
    return tuple((p.key, parsed[p.key].value) for p in (*SCENARIO_PARAMS, params["base"]))


def what_if_card(key: tuple[tuple[str, int | str], ...]) -> bytes:
    """The 1200×630 preview of a what-if scenario: its path chart under the verdict, over the source line."""
    values = dict(key)
    inputs = prepared.what_if_inputs()
    base_id = str(values["base"])
    levers = what_if.levers_of({p.key: values[p.key] for p in SCENARIO_PARAMS})
    path = project(inputs.bases[base_id], levers)
    chart = prepared.trade_projection(TARGET_TOTAL_BN).with_data(what_if.chart_paths(inputs.official, path, None))
    spec = images.framed(
        chart.standalone(),
        what_if.verdict(path["total_bn"].iloc[-1]),
        f"Exports {values['export_growth']:+d}% and imports {values['import_growth']:+d}% a year from "
        f"{fy(base_id)}; US$ billion, fiscal years April–March; dashed: this scenario",
        f"Official series: {source_names(inputs.base_sources[base_id])}; the projection is a scenario of this "
        f"model, not an official figure. {SITE}, Trade what-if.",
        chart_height=300,
    )
    return images.card(spec)


def page_card(script: str) -> bytes:
    """The 1200×630 preview of a page: its title and key figures, each with its source."""
    preview = page_previews()[script]
    lines = [line.strip().rstrip(".") for line in preview.description.split(";")]
    return images.card(images.text_card(preview.title.split(" · ")[0], lines, SITE))
