"""The open data API's answers (``/api/v1/``), as pure functions of the request: the datasets with their metadata,
their rows, and the what-if model. ``serve.py`` turns each into an HTTP response."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from components.core import pages
from components.core.citing import LICENCE_NAME, LICENCE_URL, SITE_NAME
from components.core.formatting import UNIT_SUFFIXES, column_label, fy, is_year_column, signed_whole
from components.core.params import NumberParam, shown_raw
from components.core.scenario import TARGET_TOTAL_BN, common_growth_needed, export_growth_needed, project
from components.core.schemas import DAY_PATTERN, SCHEMAS, source_ids
from components.core.what_if_state import WhatIfState, lever_values
from components.store import data, url_state
from components.store.data import cached, data_version, load_sources
from components.topics import what_if

COUNTRIES = "world-atlas/countries-110m.json"  # the one dataset that is not a table: JSON only
LICENCES = {
    "sipri": {
        "name": "sipri-attribution",
        "path": "https://www.sipri.org/databases/armstransfers",
        "title": "© SIPRI (Arms Transfers Database); reuse with attribution to SIPRI.",
    },
    "tradestat": {
        "name": "government-of-india-attribution",
        "path": "https://tradestat.commerce.gov.in/",
        "title": "Official statistics of the Government of India (Ministry of Commerce & Industry, TRADESTAT), "
        "reproduced unchanged with attribution.",
    },
    "natural earth": {
        "name": "public-domain",
        "path": "https://www.naturalearthdata.com/about/terms-of-use/",
        "title": "Natural Earth data are in the public domain; the world-atlas packaging is under the ISC licence "
        "(© 2013-2019 Michael Bostock).",
    },
    "compiled": {
        "name": "CC-BY-4.0",
        "path": LICENCE_URL,
        "title": f"{LICENCE_NAME}: the compilation by the {SITE_NAME}, with credit and a link; each row's source "
        "keeps its own terms, and news articles are quoted only in short snippets, with attribution.",
    },
}
"""Each dataset's licence (name, address, terms in a sentence): the project's compilation under CC BY 4.0, and the
terms of the third-party data it reproduces."""
LICENCE_OF = {
    "sipri_india_arms_imports": "sipri",
    "sipri_published_shares": "compiled",
    "trade_annual": "tradestat",
    "trade_hs2": "tradestat",
    "scenario_bases": "tradestat",
    "countries-110m": "natural earth",
}
SOURCE_COLUMNS = re.compile(r"(^|_)source_id$")
TITLES = {
    "agreements": "Agreements, pacts and negotiations: expected and signed",
    "defence_platforms": "Major Russian-origin defence platforms and their status",
    "facts": "Facts stated in words, with their sources",
    "figures": "Every reported figure, with its source and wording",
    "journeys": "Corridor journeys compared with the Suez route",
    "route_nodes": "Ports, cities and drawing points of the corridors",
    "routes": "The corridors as ordered legs",
    "scenario_bases": "The what-if's base years (official figures, frozen)",
    "sipri_india_arms_imports": "SIPRI arms-transfer register: deliveries to India, 2000–2023",
    "sipri_published_shares": "Russia's share of India's arms imports as published by SIPRI",
    "sources": "The source catalogue",
    "summit_facts": "The 23rd Annual Summit at a glance",
    "timeline": "Dated events, with the status each moves",
    "tracked": "The agreements and programmes whose statuses are followed",
    "trade_annual": "India–Russia merchandise trade by fiscal year (TRADESTAT)",
    "trade_hs2": "India–Russia trade by HS chapter, FY2024-25 and FY2025-26 (TRADESTAT)",
    "trade_items": "Goods the articles name, with their HS chapters",
    "trade_targets": "Targets and commitments",
    "countries-110m": "Natural Earth 1:110m country boundaries (TopoJSON, world-atlas 2.0.2)",
}
"""Each dataset's title."""
ORIGINS = {
    "sources": "Compiled by the project: the five news reports the explainer started from, the official statistics, "
    "SIPRI, and the news and official pages found for each fact, each with its address and the day it was checked",
    "trade_annual": "Ministry of Commerce & Industry, Government of India: TRADESTAT (Export Import Data Bank), "
    "March-cumulative country totals, retrieved through the public compilation chandn0/india-trade-dashboard; "
    "values unchanged",
    "trade_hs2": "TRADESTAT country-wise all-commodities pages, retrieved 18 July 2026 through the public compilation "
    "herrrickshaw/mospi-dataset-analysis-public; values, codes and official chapter names unchanged, short names ours",
    "scenario_bases": "Copied for each base year from the TRADESTAT series above and frozen, so that a shared what-if "
    "link keeps computing from the figures it was made with",
    "figures": "The news report or official page each row names, with the figure's own wording; only figures "
    "checked against their source",
    "trade_items": "The goods the five news reports name, with the HS chapters we place them in",
    "summit_facts": "The five news reports and the Ministry of External Affairs' briefing on the summit",
    "timeline": "The news reports and official pages each row names; dates at the precision the source gives",
    "tracked": "Compiled by the project: the deliverables it follows and the day news of each was last searched",
    "agreements": "The news reports and official pages each row names",
    "sipri_india_arms_imports": "SIPRI Arms Transfers Database, trade register with India as recipient, export of "
    "3 January 2025; columns renamed, values unchanged",
    "sipri_published_shares": "SIPRI's 'Trends in International Arms Transfers' fact sheets, as the news reports each "
    "row names quoted them",
    "defence_platforms": "The news reports and official pages each row names",
    "facts": "The news reports and official pages each row names",
    "route_nodes": "Coordinates from the gazetteer each row names; sea-lane drawing points placed by hand, marked as "
    "such",
    "routes": "The corridors as their sources describe them",
    "journeys": "The distance and time each source gives for a journey, with the nature of its claim",
    "trade_targets": "The news reports and official pages each row names",
    "countries-110m": "Natural Earth 1:110m countries, packaged as TopoJSON by the npm package world-atlas 2.0.2",
}
"""Where each dataset comes from, in a reader's words (``data/README.md`` says it for maintainers)."""
DESCRIPTIONS = {
    "sources": "The source catalogue: title, publisher, date, address, kind, rank (1 official statistics or "
    "government documents, 2 wire services and papers of record, 3 other named outlets, 4 aggregators, blogs and "
    "unattributed pages), the day each was checked and a note for readers",
    "figures": "Every reported figure: domain, metric, period, value (and upper end of a range), unit, wording "
    "qualifier ('nearly', 'about', 'more than'), source, evidence as printed, confidence, and the year where the "
    "period is one",
}
"""What a dataset holds, where ``data/README.md``'s words are for maintainers."""


class ApiError(Exception):
    """A request the API refuses: its HTTP status and a message naming what was wrong."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Dataset:
    """One data file the app reads, as the API offers it."""

    name: str
    file: Path
    title: str
    description: str
    origin: str


@cached
def datasets() -> dict[str, Dataset]:
    """Every CSV the app reads (named by file stem), described by the data folder's README table."""
    described = {}
    for line in (data.DATA_DIR / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[0].endswith(".csv`"):
            described[cells[0].strip("`")] = (cells[1], cells[2])
        if len(cells) == 3 and cells[0] == "`world-atlas/`":
            described[COUNTRIES] = (cells[1], cells[2])
    read = sorted({f for p in pages.PAGES for f in p.reads})
    return {
        Path(f).stem: Dataset(
            Path(f).stem,
            data.DATA_DIR / f,
            TITLES[Path(f).stem],
            DESCRIPTIONS.get(Path(f).stem, _plain(described[f][0])),
            ORIGINS[Path(f).stem],
        )
        for f in read
    }


def _plain(cell: str) -> str:
    return cell.replace("`", "").replace("**", "")


def _unit(column: str) -> str | None:
    return next((unit for suffix, unit in UNIT_SUFFIXES.items() if column.endswith(suffix)), None)


def _is_table(dataset: Dataset) -> bool:
    return dataset.file.suffix == ".csv"


def _rows(dataset: Dataset) -> pd.DataFrame:
    if not _is_table(dataset):
        return pd.DataFrame()
    return pd.read_csv(dataset.file, dtype=str, keep_default_na=False)


@cached
def metadata(dataset: Dataset) -> dict:
    """A dataset's metadata: what it holds, its columns with units, its licence and every source it cites."""
    table = _rows(dataset)
    cited = sorted(
        {
            sid
            for column in table.columns
            if SOURCE_COLUMNS.search(column)
            for cell in table[column]
            for sid in source_ids(cell)
        }
    )
    sources = load_sources()
    return {
        "name": dataset.name,
        "title": dataset.title,
        "description": dataset.description,
        "origin": dataset.origin,
        "licence": LICENCES[LICENCE_OF.get(dataset.name, "compiled")]["title"],
        "licence_url": LICENCES[LICENCE_OF.get(dataset.name, "compiled")]["path"],
        "rows": len(table) if _is_table(dataset) else None,
        "columns": [{"name": c, "label": column_label(c), "unit": _unit(c)} for c in table.columns],
        "csv": f"/api/v1/datasets/{dataset.name}.csv" if _is_table(dataset) else None,
        "file": _file_address(dataset),
        "json": f"/api/v1/datasets/{dataset.name}.json",
        "sources": [
            {
                "id": sid,
                "title": sources.at[sid, "title"],
                "publisher": sources.at[sid, "publisher"],
                "url": sources.at[sid, "url"] or None,
            }
            for sid in cited
        ],
    }


def dataset(name: str) -> Dataset:
    """A dataset by name; anything else (a path trick included) is not found."""
    found = datasets().get(name)
    if found is None:
        raise ApiError(404, f"No dataset named {name[:60]!r}; see /api/v1/datasets.")
    return found


def catalogue() -> dict:
    return {"datasets": [metadata(d) for d in datasets().values()]}


@cached
def dataset_json(name: str) -> dict:
    """A dataset's metadata and rows, read once per server (only known names get this far: others raise)."""
    found = dataset(name)
    data = _typed_rows(found) if _is_table(found) else json.loads(found.file.read_text("utf-8"))
    return {**metadata(found), "data": data}


def _typed_rows(found: Dataset) -> list[dict]:
    """A table's rows as its file holds them, numbers as numbers (whole ones as integers) and a gap as null."""
    table = _rows(found)
    records = table.to_dict(orient="records")
    for column in (c.name for c in SCHEMAS[found.file.name] if c.kind == "number"):
        for record in records:
            cell = record[column]
            value = float(cell) if cell != "" else None
            record[column] = int(value) if value is not None and value.is_integer() and "." not in cell else value
    return records


def dataset_file(name: str, kind: str) -> bytes:
    """A dataset's file itself: a table's CSV, or the map's TopoJSON."""
    found = dataset(name)
    if kind != ("csv" if _is_table(found) else "topojson"):
        raise ApiError(404, f"{name} comes as {_file_address(found)} and as JSON ({metadata(found)['json']}).")
    return found.file.read_bytes()


def _file_address(found: Dataset) -> str:
    return f"/api/v1/datasets/{found.name}.{'csv' if _is_table(found) else 'topojson'}"


def _scenario(query: dict[str, list[str]], params: dict) -> WhatIfState:
    """The scenario a what-if query names (scenario A left aside). A value the page would ignore or adjust, or an
    unknown key, is refused (ApiError 400)."""
    unknown = sorted(set(query) - set(params) - {url_state.LANGUAGE.key})
    if unknown:
        raise ApiError(400, f"Unknown parameter {unknown[0][:40]!r}; known: {', '.join(params)}, lang.")
    if (language := url_state.language(query)).status in ("invalid", "adjusted"):  # the words' language: en, hi, ru
        raise ApiError(400, language.message.split("; using the default")[0].rstrip(".") + ".")
    state, parsed = WhatIfState.from_query(params.values(), query)
    for p in parsed.values():
        if p.status in ("invalid", "adjusted"):  # the page would show a default or a changed value: refuse it
            param = params[p.key]
            if isinstance(param, NumberParam):
                given = shown_raw(query[p.key][0]) if query.get(p.key) else ""
                raise ApiError(
                    400,
                    f"{p.key} must be one whole number from {signed_whole(param.low)} to {signed_whole(param.high)} "
                    f"({param.unit}); the link gives {given!r}.",
                )
            raise ApiError(400, p.message.split("; using the default")[0].rstrip(".") + ".")
    return state.without_pin()


def what_if_csv(query: dict[str, list[str]], inputs: what_if.Inputs, params: dict, site: str) -> bytes:
    """The what-if's year-by-year table for a query, as the page's download writes it: any server answers it from
    the link alone, so a download survives the loss of the server that drew the page."""
    state = _scenario(query, params)
    shared = state.to_query()
    path = project(inputs.bases[state.base], state.levers)
    words = f"{inputs.base_labels[state.base]}, official figures: TRADESTAT, Ministry of Commerce & Industry"
    return what_if.scenario_csv(path, state.base, words, shared, f"{site}/{pages.WHAT_IF.url_path}?{shared}")


def what_if_answer(query: dict[str, list[str]], inputs: what_if.Inputs, params: dict) -> dict:
    """The what-if model for the page's parameters: the inputs as understood, the path, the verdict, the growth
    needed and the base year's sources. A value the page would ignore or adjust, or an unknown key, is refused."""
    state = _scenario(query, params)
    base_id, levers = state.base, state.levers
    base = inputs.bases[base_id]
    path = project(base, levers)
    total = float(path["total_bn"].iloc[-1])
    exports_needed, both_needed = export_growth_needed(base, levers), common_growth_needed(base, levers)
    sources = load_sources()
    return {
        "inputs": {**lever_values(levers), "base": base_id},
        "base_year": {"fiscal_year": fy(base_id), "label": inputs.base_labels[base_id]},
        "projection": json.loads(path.to_json(orient="records")),
        "units": "US$ billion; fiscal years April–March; years after the base are this model's projections, not "
        "official figures",
        "verdict": what_if.verdict(total),
        "total_2030_bn": round(total, 3),
        "gap_to_target_bn": round(total - TARGET_TOTAL_BN, 3),
        "growth_needed": {
            "exports_pct_a_year": None if exports_needed is None or math.isnan(exports_needed) else exports_needed,
            "both_flows_pct_a_year": None if both_needed is None or math.isnan(both_needed) else both_needed,
            "lines": list(what_if.growth_needed_lines(base, levers)),
        },
        "sources": [
            {"id": sid, "title": sources.at[sid, "title"], "url": sources.at[sid, "url"] or None}
            for sid in source_ids(inputs.base_sources[base_id])
        ],
    }


def _field(column, values: pd.Series) -> dict:
    """A Table Schema field for one column of a data file: its type from the file's schema (years, whole numbers,
    numbers, days, text), its rules as constraints, and what it holds in a reader's words, with its unit."""
    field = {"name": column.name, "description": column_label(column.name)}  # its unit in brackets, if it has one
    if column.kind == "number":
        known = pd.to_numeric(values[values != ""])
        whole = bool((known == known.round()).all())
        field["type"] = "year" if is_year_column(column.name) and whole else "integer" if whole else "number"
        bounds = {"minimum": column.low, "maximum": column.high} if field["type"] == "number" else {}
    elif column.pattern == DAY_PATTERN:
        field["type"], bounds = "date", {}
    elif column.pattern == r"\d{4}":
        field["type"], bounds = "year", {}
    else:
        field["type"] = "string"
        bounds = {"enum": list(column.choices)} if column.choices else {}
        bounds |= {"pattern": column.pattern} if column.pattern and not column.choices else {}
    constraints = {**({"required": True} if column.required else {}), **bounds}
    return field | ({"constraints": constraints} if constraints else {})


def datapackage(site: str) -> dict:
    """Every dataset as a Frictionless Data Package: one resource per file, each table with a typed Table Schema,
    its sources and its licence, pointing at the API's CSV (the countries' map as its JSON)."""
    resources = []
    for found in datasets().values():
        described = metadata(found)
        resource = {
            "name": found.name.replace("_", "-"),
            "title": found.title,
            "description": f"{found.description}. Origin: {found.origin}",
            "licenses": [LICENCES[LICENCE_OF.get(found.name, "compiled")]],
            "sources": [
                {"title": s["title"], **({"path": s["url"]} if s["url"] else {})} for s in described["sources"]
            ],
        }
        if _is_table(found):
            name = found.file.name
            table = _rows(found)
            fields = [_field(c, table[c.name]) for c in SCHEMAS[name]]
            resource |= {"path": f"{site}/api/v1/datasets/{found.name}.csv", "format": "csv", "mediatype": "text/csv"}
            resource |= {"encoding": "utf-8", "schema": {"fields": fields}}
        else:
            resource |= {"path": f"{site}{described['file']}", "format": "topojson", "mediatype": "application/json"}
        resources.append(resource)
    return {
        "name": "india-russia-partnership-explorer",
        "title": SITE_NAME,
        "description": "The data behind the India–Russia Partnership Explorer, an explainer of the 23rd India–Russia "
        "Annual Summit (New Delhi, 4–5 December 2025) and what followed: trade, defence, mobility and connectivity, "
        "every row with its source.",
        "homepage": f"{site}/",
        "version": data_version(),
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": LICENCE_NAME}],
        "contributors": [{"title": SITE_NAME, "role": "author"}],
        "resources": resources,
    }
