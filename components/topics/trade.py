"""Pure computations for the Trade page: series, versions of a figure, composition, gaps.

``view`` builds everything the page shows from its data files; the page builds it once per server.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from components.core.formatting import figure_phrase, fmt_mn, fy, md
from components.core.i18n import mark
from components.core.params import ChoiceParam
from components.core.schemas import DataError, figure, row, rows, source_ids

HEADLINE_YEAR = "2024-25"
"""The fiscal year the summit talked about."""
OFFICIAL_SOURCE = "tradestat-annual"
HS_SOURCE = "tradestat-hs2"
ENERGY_CHAPTER = "27"
COMPOSITION_PARAMS = (
    ChoiceParam(
        "flow",
        "Imports or exports",
        ("imports", "exports"),
        "imports",
        "segmented",
        words=(mark("Imports"), mark("Exports")),
        help="Which way the goods go: India's imports from Russia, or its exports to Russia.",
        translated=True,
    ),
    ChoiceParam(
        "year",
        "Fiscal year",
        ("2024-25", "2025-26"),
        "2025-26",
        widget="segmented",
        help="April to March; FY2025-26's figures are provisional.",
    ),
)
HEADLINE_METRICS = {
    "total": "Total trade",
    "exports": "India's exports to Russia",
    "imports": "India's imports from Russia",
    "balance": "Trade balance (India's exports minus imports)",
}


BN_DECIMALS = 5


def annual_bn(annual: pd.DataFrame) -> pd.DataFrame:
    """The official series in US$ bn with the balance (exports minus imports).

    The ministry's figures are in US$ mn to two decimals, so US$ bn keeps five: exact, without float noise.
    """
    out = pd.DataFrame(
        {
            "fiscal_year": annual["fiscal_year"],
            "year_end": annual["fiscal_year"].str[:4].astype(int) + 1,
            "exports_bn": (annual["exports_usd_mn"] / 1000).round(BN_DECIMALS),
            "imports_bn": (annual["imports_usd_mn"] / 1000).round(BN_DECIMALS),
            "total_bn": (annual["total_usd_mn"] / 1000).round(BN_DECIMALS),
            "status": annual["status"],
            "source_id": annual["source_id"],
        }
    )
    out["balance_bn"] = (out["exports_bn"] - out["imports_bn"]).round(BN_DECIMALS)
    return out


def long_form(frame: pd.DataFrame, measures: list[str], keep: list[str]) -> pd.DataFrame:
    """One row per year and measure, for charts: ``measures`` are '<name>_bn' columns, named 'Name'."""
    long = frame.melt(id_vars=keep, value_vars=[f"{m}_bn" for m in measures], var_name="measure", value_name="value_bn")
    long["measure"] = long["measure"].str.removesuffix("_bn").str.title()
    return long


def official_year(annual: pd.DataFrame, fiscal_year: str) -> pd.Series:
    """One year of the official series in US$ bn."""
    return row(annual_bn(annual), "fiscal_year", fiscal_year)


def headline_versions(figures: pd.DataFrame, annual: pd.DataFrame, fiscal_year: str) -> pd.DataFrame:
    """Every published version of the year's four headline figures, official series first.

    Balances that an article implies (its exports minus its imports) are added as
    derived rows, labelled as our computation.
    """
    year = official_year(annual, fiscal_year)
    period = fy(fiscal_year)
    rows = [
        {
            "measure": key,
            "value_bn": year[f"{key}_bn"],
            "qualifier": "",
            "source_id": OFFICIAL_SOURCE,
            "how": "official series" if key != "balance" else "computed from the official series",
        }
        for key in HEADLINE_METRICS
    ]
    reported = figures[(figures["period"] == period) & (figures["unit"] == "US$ bn")]
    for key, metric in HEADLINE_METRICS.items():
        for figure_row in reported[reported["metric"] == metric].itertuples():
            rows.append(
                {
                    "measure": key,
                    "value_bn": figure_row.value,
                    "qualifier": figure_row.qualifier,
                    "source_id": figure_row.source_id,
                    "how": "as published",
                }
            )
    by_source = reported.set_index(["source_id", "metric"])["value"]
    for source in sorted(reported["source_id"].unique()):
        exports = by_source.get((source, HEADLINE_METRICS["exports"]))
        imports = by_source.get((source, HEADLINE_METRICS["imports"]))
        if exports is not None and imports is not None:
            rows.append(
                {
                    "measure": "balance",
                    "value_bn": round(exports - imports, 4),
                    "qualifier": "",
                    "source_id": source,
                    "how": "computed from the article's exports and imports",
                }
            )
    return pd.DataFrame(rows)


def disagreements(figures: pd.DataFrame, annual: pd.DataFrame) -> pd.DataFrame:
    """Every (figure, period) that sources give with different values, one row per version."""
    official = []
    for fiscal_year in annual["fiscal_year"]:
        year = official_year(annual, fiscal_year)
        for key, metric in HEADLINE_METRICS.items():
            official.append(
                {
                    "metric": metric,
                    "period": fy(fiscal_year),
                    "value": round(year[f"{key}_bn"], 2),
                    "value_high": float("nan"),
                    "unit": "US$ bn",
                    "qualifier": "",
                    "source_id": OFFICIAL_SOURCE,
                }
            )
    columns = ["metric", "period", "value", "value_high", "unit", "qualifier", "source_id"]
    versions = pd.concat([pd.DataFrame(official), figures[columns]], ignore_index=True)
    spread = versions.groupby(["metric", "period"])["value"].transform("nunique")
    return versions[spread > 1].sort_values(["metric", "period", "value"]).reset_index(drop=True)


def check_hs2_years(hs2: pd.DataFrame) -> pd.DataFrame:
    """The chapters, once it is sure both flows are there for every year the page shows; else DataError."""
    flows, years = (param.options for param in COMPOSITION_PARAMS)
    for flow in flows:
        for year in years:
            if not ((hs2["flow"] == flow) & (hs2["fiscal_year"] == year)).any():
                raise DataError(f"trade_hs2.csv: no {flow} rows for FY{year}, which this page needs")
    return hs2


def chapter_names(hs2: pd.DataFrame) -> pd.Series:
    """A readable name for each (flow, HS chapter): our short name where we have one, else the official one.

    Keyed by flow too, because what a chapter mostly holds differs between India's exports and its imports.
    """
    chapters = hs2.drop_duplicates(["flow", "hs"]).set_index(["flow", "hs"])
    return chapters.apply(lambda r: f"HS{r.name[1]} {r.short_name or r.chapter}", axis=1)


def composition(hs2: pd.DataFrame, names: pd.Series, flow: str, fiscal_year: str, top: int = 8) -> pd.DataFrame:
    """The ``top`` largest chapters of one flow and year, the rest summed as 'Other'."""
    year = hs2[(hs2["flow"] == flow) & (hs2["fiscal_year"] == fiscal_year)].sort_values("value_usd_mn", ascending=False)
    total = year["value_usd_mn"].sum()
    head = year.head(top)
    rest = year.iloc[top:]
    out = pd.DataFrame(
        {
            "chapter": [names[(flow, hs)] for hs in head["hs"]],
            "value_usd_mn": head["value_usd_mn"],
        }
    )
    if not rest.empty:
        other = pd.DataFrame(
            {"chapter": [f"Other ({len(rest)} chapters)"], "value_usd_mn": [rest["value_usd_mn"].sum()]}
        )
        out = pd.concat([out, other], ignore_index=True)
    out["share_pct"] = out["value_usd_mn"] / total * 100
    out["fiscal_year"] = fy(fiscal_year)
    out["flow"] = "India's imports from Russia" if flow == "imports" else "India's exports to Russia"
    out["source_id"] = HS_SOURCE
    return out.reset_index(drop=True)


def chapter_values(hs2: pd.DataFrame, flow: str, chapters: list[str]) -> dict[str, float]:
    """The summed value (US$ mn) of some chapters of one flow, per fiscal year."""
    rows = hs2[(hs2["flow"] == flow) & hs2["hs"].isin(chapters)]
    return rows.groupby("fiscal_year")["value_usd_mn"].sum().to_dict()


def named_items(items: pd.DataFrame, hs2: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """The goods the articles name, beside the official value of their HS chapters."""
    years = sorted(hs2["fiscal_year"].unique())
    rows = []
    for item in items.itertuples():
        chapters = [c for c in item.hs.split(";") if c]
        values = chapter_values(hs2, item.flow, chapters) if chapters else {}
        row = {
            "item": item.item,
            "flow": "India buys from Russia" if item.flow == "imports" else "India sells to Russia",
            "as_printed": item.evidence,
            "hs_chapters": "; ".join(names.get((item.flow, c), f"HS{c}") for c in chapters) or "no HS chapter given",
        }
        for year in years:
            row[f"chapters_{fy(year)}_usd_mn"] = values.get(year)
        row["source_id"] = item.source_id + (f";{HS_SOURCE}" if chapters else "")
        row["note"] = item.note
        rows.append(row)
    return pd.DataFrame(rows)


EEPC_MEASURE = mark("India's engineering exports, per EEPC")


def opportunity_gaps(figures: pd.DataFrame, hs2: pd.DataFrame, fiscal_year: str) -> pd.DataFrame:
    """Russia's market vs what India sells: the articles' figures and the official chapter."""
    to_mn = {"US$ bn": 1000.0, "US$ mn": 1.0}
    market, article = mark("Russia's imports (market)"), mark("India's sales, per article")
    gaps = [
        ("Pharmaceuticals", ((market, "gap-pharma-market"), (article, "gap-pharma-india")), "30"),
        (
            "Engineering goods",
            (
                (market, "gap-engineering-demand"),
                (article, "gap-engineering-india"),
                (EEPC_MEASURE, "gap-engineering-eepc"),
            ),
            "84",
        ),
    ]
    rows = []
    for sector, reported, chapter in gaps:
        for role, figure_id in reported:
            f = figure(figures, figure_id)
            rows.append(
                {
                    "sector": sector,
                    "measure": role,
                    "value_usd_mn": f["value"] * to_mn[f["unit"]],
                    "value_high_usd_mn": f["value_high"] * to_mn[f["unit"]],
                    "qualifier": f["qualifier"],
                    "period": f["period"],
                    "source_id": f["source_id"],
                }
            )
        official = chapter_values(hs2, "exports", [chapter]).get(fiscal_year)
        rows.append(
            {
                "sector": sector,
                "measure": f"India's exports, official HS{chapter}",
                "value_usd_mn": official,
                "value_high_usd_mn": float("nan"),
                "qualifier": "",
                "period": fy(fiscal_year),
                "source_id": HS_SOURCE,
            }
        )
    return pd.DataFrame(rows)


def year_on_year(annual: pd.DataFrame, hs2: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """How the latest year compares with the one before: the three chapters of each flow that moved most."""
    last, prev = annual.iloc[-1], annual.iloc[-2]
    rows = []
    wide = hs2.pivot_table(index=["flow", "hs"], columns="fiscal_year", values="value_usd_mn", aggfunc="sum")
    wide = wide.reindex(columns=[prev["fiscal_year"], last["fiscal_year"]]).fillna(0.0)
    wide["change"] = wide.iloc[:, 1] - wide.iloc[:, 0]
    for flow in ("imports", "exports"):
        movers = wide.loc[flow].reindex(wide.loc[flow]["change"].abs().sort_values(ascending=False).index).head(3)
        for hs, change in movers.iterrows():
            rows.append(
                {
                    "what": f"{names.get((flow, hs), 'HS' + hs)} ({flow})",
                    "before_usd_mn": change.iloc[0],
                    "after_usd_mn": change.iloc[1],
                    "source_id": HS_SOURCE,
                }
            )
    out = pd.DataFrame(rows)
    out["change_pct"] = ((out["after_usd_mn"] / out["before_usd_mn"] - 1) * 100).round(2)
    out.attrs["years"] = (fy(prev["fiscal_year"]), fy(last["fiscal_year"]))
    return out


@dataclass(frozen=True)
class TradeView:
    """What the Trade page shows that depends on its data files alone.

    Built once per server and shared by every session, so it is read-only: nothing may write into its tables.
    """

    series: pd.DataFrame  # the official series in US$ bn, with the balance
    goal: pd.Series  # the US$ 100 bn target's row
    before_war_bn: float  # total trade in FY2021-22
    record_bn: float  # total trade in the headline year
    versions: pd.DataFrame  # every version of the headline year's four figures
    official: pd.Series  # the official headline figures by measure
    other_versions: Mapping[str, tuple[Any, ...]]  # by measure: the rows of every other version
    earlier: pd.Series  # the imports figure of the ministry's earlier release, as an article quoted it
    rounded: tuple[float, ...]  # the headline figures as an article rounded them
    goods_and_services: tuple[str, ...]  # an article's goods-and-services figures, as printed
    movers: pd.DataFrame  # the latest year against the one before
    crude: tuple[Any, ...]  # the rows of the forecasts of crude imports after the summit
    crude_counted: pd.DataFrame  # the months after the summit as tanker trackers counted them, one row per version
    history: pd.DataFrame  # the series, long, for the chart
    jump_year: int  # the year imports jumped (year end)
    jump_ratio: float  # how many times imports grew that year
    compositions: Mapping[tuple[str, str], pd.DataFrame]  # by (flow, fiscal year)
    named: pd.DataFrame  # the goods the articles name, beside their chapters
    fertiliser: tuple[Any, ...]  # figure rows
    gaps: pd.DataFrame
    gap_values: pd.Series  # US$ mn by (sector, measure)
    engineering_evidence: str  # the article's words for India's machinery sales
    engineering_imports_mn: float  # India's HS84 imports from Russia in the headline year
    targets: tuple[Any, ...]  # target rows
    progress: Mapping[str, tuple[Any, ...]]  # by target id: the rows of the figures that show its progress


def view(
    annual: pd.DataFrame,
    hs2: pd.DataFrame,
    figures: pd.DataFrame,
    items: pd.DataFrame,
    targets: pd.DataFrame,
) -> TradeView:
    """The Trade page's tables and figures from its five data files."""
    series = annual_bn(annual)
    names = chapter_names(hs2)
    before_war, record = rows(series, "fiscal_year", ["2021-22", HEADLINE_YEAR])["total_bn"]
    versions = headline_versions(figures, annual, HEADLINE_YEAR)
    jump, before_jump = (row(series, "fiscal_year", year) for year in ("2022-23", "2021-22"))
    flows, years = (param.options for param in COMPOSITION_PARAMS)
    gaps = opportunity_gaps(figures, hs2, HEADLINE_YEAR)
    return TradeView(
        series=series,
        goal=row(targets, "target_id", "trade-100bn"),
        before_war_bn=before_war,
        record_bn=record,
        versions=versions,
        official=versions[versions["source_id"] == OFFICIAL_SOURCE].set_index("measure")["value_bn"],
        other_versions={
            key: tuple(versions[(versions["measure"] == key) & (versions["source_id"] != OFFICIAL_SOURCE)].itertuples())
            for key in HEADLINE_METRICS
        },
        earlier=figure(figures, "trade-imports-fy25-s002"),
        rounded=tuple(rows(figures, "figure_id", ["trade-imports-fy25-s000", "trade-exports-fy25-s000"])["value"]),
        goods_and_services=tuple(
            rows(figures, "figure_id", ["trade-imports-gs-s001", "trade-exports-gs-s001"])["evidence"]
        ),
        movers=year_on_year(annual, hs2, names),
        crude=tuple(figures[figures["metric"] == "India's imports of Russian crude oil, expected"].itertuples()),
        crude_counted=figures[figures["metric"] == "India's imports of Russian crude oil"],
        history=long_form(
            series, ["total", "exports", "imports", "balance"], ["fiscal_year", "year_end", "status", "source_id"]
        ),
        jump_year=int(jump["year_end"]),
        jump_ratio=jump["imports_bn"] / before_jump["imports_bn"],
        compositions={(f, y): composition(hs2, names, f, y) for f in flows for y in years},
        named=named_items(items, hs2, names),
        fertiliser=tuple(figures[figures["metric"] == "Fertiliser imports from Russia"].itertuples()),
        gaps=gaps,
        gap_values=gaps.set_index(["sector", "measure"])["value_usd_mn"],
        engineering_evidence=figure(figures, "gap-engineering-india")["evidence"],
        engineering_imports_mn=chapter_values(hs2, "imports", ["84"])[HEADLINE_YEAR],
        targets=tuple(targets.itertuples()),
        progress={
            t.target_id: tuple(rows(figures, "figure_id", source_ids(t.progress_figure_ids)).itertuples())
            for t in targets.itertuples()
        },
    )


def sales_gap_warning(trade: TradeView) -> str:
    """Markdown: where the article's figures for India's sales differ from the official HS chapters, and why."""
    gap = trade.gap_values
    pharma_article = gap[("Pharmaceuticals", "India's sales, per article")]
    pharma_official = gap[("Pharmaceuticals", "India's exports, official HS30")]
    engineering_article = gap[("Engineering goods", "India's sales, per article")]
    engineering_official = gap[("Engineering goods", "India's exports, official HS84")]
    year = fy(HEADLINE_YEAR)
    return (
        "**The official data tell another story.** India Today's article says India supplies Russia "
        f"'{md(trade.engineering_evidence)}' of machinery, but official HS chapter 84 exports were "
        f"{md(fmt_mn(engineering_official))} in {year}, {engineering_official / engineering_article:.0f} times "
        "more. The article's figure matches India's HS84 imports *from* Russia instead "
        f"({md(fmt_mn(trade.engineering_imports_mn))} in {year}), so it may describe the other direction. Its "
        f"pharmaceutical figure ({md(fmt_mn(pharma_article, 0))}) is above the official HS chapter 30 value "
        f"({md(fmt_mn(pharma_official))}), so it probably counts more than one chapter. The export council (EEPC) "
        f"counts {md(fmt_mn(gap[('Engineering goods', EEPC_MEASURE)]))} of engineering exports in April–December 2023, "
        "a wider set of goods than HS84. The article gives no definitions, so we show every version."
    )


def which_figure_note(trade: TradeView, earlier_by: str, goods_and_services_by: str) -> str:
    """Markdown: why the cards' official figures differ from those the articles quoted, naming who quoted what and
    saying only what each article says of its own figures."""
    imports, exports = ("'" + md(e) + "'" for e in trade.goods_and_services)
    return (
        "**Which figure is right?** The cards show the official TRADESTAT series as released in 2026 "
        f"(imports {md(fmt_mn(trade.official['imports'] * 1000, 2))}). Articles around the summit gave imports of "
        f"US\\$ {trade.earlier['value']:g} bn ({md(earlier_by)}; no archived release with that figure was found) or "
        f"rounded figures ({', '.join(f'{v:g}' for v in trade.rounded)}). {md(goods_and_services_by)} puts India's "
        f"imports of Russian goods *and services* at {imports} and Russia's imports from India at {exports}, without "
        "saying what the second counts; neither gives a period, so neither is the same measure."
    )


AGRI_MARINE_CHAPTERS = ("03", "09", "02", "08", "07", "10")
"""The farm and sea chapters of India's exports to Russia an exporter asks about first: fish and seafood, coffee,
tea and spices, meat, fruit and nuts, vegetables and pulses, cereals."""
EXPORTER_AGREEMENTS = ("food-safety", "health", "customs", "postal", "eaeu-fta")
"""The summit's agreements that change how Indian goods reach Russia: standards, clearance, delivery, market access."""


def agri_marine_exports(hs2: pd.DataFrame) -> list[tuple[str, str, dict[str, float]]]:
    """India's exports to Russia in the farm and sea chapters: (chapter, name, US$ mn by fiscal year), in
    ``AGRI_MARINE_CHAPTERS`` order."""
    exports = hs2[hs2["flow"] == "exports"]
    rows = []
    for chapter in AGRI_MARINE_CHAPTERS:
        chosen = exports[exports["hs"] == chapter]
        if not chosen.empty:
            values = dict(zip(chosen["fiscal_year"], chosen["value_usd_mn"], strict=True))
            rows.append((chapter, chosen["short_name"].iloc[0], values))
    return rows


def money_phrase(value_mn: float, high_mn: float, qualifier: str) -> str:
    """A US$ mn figure as its source would print it: in bn where that is exact ('nearly US$ 10 bn',
    'US$ 2.7–2.8 bn'), else in mn."""
    values = [value_mn] if math.isnan(high_mn) else [value_mn, high_mn]
    if all(v >= 1000 and round(v / 1000, 2) == v / 1000 for v in values):
        return figure_phrase(value_mn / 1000, "US$ bn", qualifier, high_mn / 1000)
    return figure_phrase(value_mn, "US$ mn", qualifier, high_mn)
