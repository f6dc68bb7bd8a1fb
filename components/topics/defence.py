"""Pure computations for the Defence page: SIPRI supply trends, shares, categories, platform facts."""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

from components.core.formatting import day_label, figure_phrase
from components.core.i18n import mark, tr
from components.core.params import ChoiceParam, MultiChoiceParam, NumberParam, RangeParam, TextParam

SIPRI_SOURCE = "sipri-atdb-2025"
RUSSIA = "Russia"
OTHERS = mark("All other suppliers")
DEFAULT_SUPPLIERS = ("Russia", "France", "Israel", "United States")
SUPPLIER_SHARE_DRAWN = 0.005
"""A supplier with less than half a per cent of India's arms imports in the register is too small to see on the
supply chart: it stays in the grey block, and the suppliers control offers the rest, few enough for buttons a phone
shows in four rows."""


def defence_params(sipri: pd.DataFrame, platforms: pd.DataFrame) -> dict:
    """The Defence page's URL parameters; years, suppliers and platforms come from the data."""
    years = sipri["delivery_year"].astype(int)
    first, last = int(years.min()), int(years.max())
    totals = tiv_by_supplier(sipri)
    suppliers = tuple(totals[totals >= SUPPLIER_SHARE_DRAWN * totals.sum()].index)
    names = tuple(platforms["short_name"])
    return {
        "period": RangeParam(
            "period", "Delivery years", first, last, (first, last), help="The years of deliveries the charts show."
        ),
        "window": NumberParam(
            "window",
            "Smoothing window",
            1,
            10,
            5,
            "years",
            help="Russia's share over this many years to each year: the thick line. SIPRI's own comparisons use five-"
            "year windows.",
        ),
        "suppliers": MultiChoiceParam(
            "suppliers",
            "Suppliers compared (the rest are grouped)",
            suppliers,
            tuple(s for s in DEFAULT_SUPPLIERS if s in suppliers),
            help="The suppliers drawn one by one. Those with under half a per cent of India's arms imports in SIPRI's "
            "register are too small to see here: they are always in the grey block with every other supplier.",
            widget="pills",
        ),
        "q": TextParam(
            "q",
            "Search platforms",
            max_length=80,
            placeholder="e.g. missile, HAL, submarine",
            help="Words to find in a platform's name, kind, maker or status.",
        ),
        "platform": ChoiceParam(
            "platform", "Details for", names, names[0], help="The platform whose facts and sources are shown below."
        ),
    }


def tiv_by_supplier(sipri: pd.DataFrame) -> pd.Series:
    """Total TIV delivered to India by each supplier, largest first."""
    return sipri.groupby("supplier")["tiv_delivered"].sum().sort_values(ascending=False)


def supply_by_year(sipri: pd.DataFrame, suppliers: tuple[str, ...], years: tuple[int, int]) -> pd.DataFrame:
    """TIV delivered each year by each chosen supplier, the rest summed as one group."""
    start, end = sorted(years)
    chosen = sipri[sipri["delivery_year"].between(start, end)]
    group = chosen["supplier"].where(chosen["supplier"].isin(suppliers), OTHERS)
    table = (
        chosen.assign(group=group)
        .groupby(["delivery_year", "group"], as_index=False)["tiv_delivered"]
        .sum()
        .rename(columns={"delivery_year": "year", "group": "supplier", "tiv_delivered": "tiv_mn"})
    )
    table["year"] = table["year"].astype(int)
    table["source_id"] = SIPRI_SOURCE
    return table


def russia_share(sipri: pd.DataFrame, window: int) -> pd.DataFrame:
    """Russia's share of India's arms imports each year and over trailing windows of ``window`` years.

    Like SIPRI's five-year shares, a window's share is Russia's TIV over all TIV in those years
    (not an average of yearly shares). It is labelled by its years, e.g. '2009–13'.
    """
    years = range(int(sipri["delivery_year"].min()), int(sipri["delivery_year"].max()) + 1)
    totals = sipri.groupby("delivery_year")["tiv_delivered"].sum().reindex(years, fill_value=0.0)
    russia = (
        sipri[sipri["supplier"] == RUSSIA]
        .groupby("delivery_year")["tiv_delivered"]
        .sum()
        .reindex(years, fill_value=0.0)
    )
    rolling_russia = russia.rolling(window).sum()
    rolling_total = totals.rolling(window).sum()
    out = pd.DataFrame(
        {
            "year": list(years),
            "russia_tiv_mn": russia.to_numpy(),
            "total_tiv_mn": totals.to_numpy(),
            "share_pct": (russia / totals * 100).to_numpy(),
            "window_share_pct": (rolling_russia / rolling_total * 100).to_numpy(),
        }
    )
    out["window"] = [window_label(y - window + 1, y) for y in out["year"]]
    out["source_id"] = SIPRI_SOURCE
    return out


def window_label(start: int, end: int) -> str:
    """'2009–13' for 2009 to 2013; a single year for a one-year window."""
    return str(end) if start == end else f"{start}–{end % 100:02d}"


def share_over(sipri: pd.DataFrame, start: int, end: int) -> float | None:
    """Russia's share (%) of TIV delivered from ``start`` to ``end``; None where the data do not cover it."""
    covered = sipri["delivery_year"]
    if start < covered.min() or end > covered.max():
        return None
    period = sipri[covered.between(start, end)]
    return period.loc[period["supplier"] == RUSSIA, "tiv_delivered"].sum() / period["tiv_delivered"].sum() * 100


def published_vs_computed(sipri: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's published five-year shares beside the same share computed from the register rows."""
    rows = []
    for row in published.itertuples():
        start, end = int(row.period_start), int(row.period_end)
        ours = share_over(sipri, start, end)
        rows.append(
            {
                "period": window_label(start, end),
                "period_start": start,
                "period_end": end,
                "published_pct": row.russia_share_pct,
                "edition": row.edition,
                "computed_pct": None if ours is None else round(ours, 1),
                "source_id": row.source_id,
                "note": row.note,
            }
        )
    return pd.DataFrame(rows).sort_values(["period_start", "edition"]).reset_index(drop=True)


def category_periods(first: int, last: int, count: int = 3) -> list[tuple[int, int]]:
    """``count`` consecutive blocks of years covering ``first`` to ``last``, as equal as possible."""
    years = list(range(first, last + 1))
    size, extra = divmod(len(years), count)
    blocks, index = [], 0
    for block in range(count):
        length = size + (1 if block < extra else 0)
        blocks.append((years[index], years[index + length - 1]))
        index += length
    return blocks


def russian_categories(sipri: pd.DataFrame, blocks: list[tuple[int, int]]) -> pd.DataFrame:
    """What Russia delivered by armament category in each block of years: TIV and share of the block."""
    russia = sipri[sipri["supplier"] == RUSSIA]
    rows = []
    for start, end in blocks:
        block = russia[russia["delivery_year"].between(start, end)]
        by_category = block.groupby("category")["tiv_delivered"].sum()
        for category, tiv in by_category.items():
            rows.append(
                {
                    "period": window_label(start, end),
                    "category": category,
                    "tiv_mn": tiv,
                    "share_pct": tiv / by_category.sum() * 100,
                    "source_id": SIPRI_SOURCE,
                }
            )
    return pd.DataFrame(rows)


def search_platforms(platforms: pd.DataFrame, query: str) -> pd.DataFrame:
    """Platforms whose name, category, make or status contains the query (case-insensitive, literal)."""
    if not query.strip():
        return platforms
    text = platforms[["platform", "short_name", "category", "how_made", "status"]].agg(" ".join, axis=1)
    return platforms[text.str.contains(query.strip(), case=False, regex=False)]


def versions(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts that sources give differently: each (item, fact) with more than one value, one row per version."""
    spread = facts.groupby(["item_id", "fact"])["value"].transform("nunique")
    return facts[spread > 1].reset_index(drop=True)


def edition_year(edition: str) -> int:
    """The year an edition covers: 2025 for 'SIPRI Trends 2025 (9 Mar 2026)'."""
    return int(re.search(r"Trends (\d{4})", edition).group(1))


def edition_label(edition: str) -> str:
    """An edition's name with its day of publication in the reader's language: 'SIPRI Trends 2025 (9 Mar 2026)',
    'SIPRI Trends 2025 (9 мар. 2026)'; a name without such a date as it is."""
    name, _, published = edition.rpartition(" (")
    try:
        day = datetime.strptime(published.removesuffix(")"), "%d %b %Y").date()
    except ValueError:
        return edition
    return f"{name} ({day_label(day)})"


def _dated_shares(published: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's published shares with each edition's year and each period's label."""
    return published.assign(
        year=published["edition"].map(edition_year),
        period=[
            window_label(int(s), int(e))
            for s, e in zip(published["period_start"], published["period_end"], strict=True)
        ],
    )


def share_headline(published: pd.DataFrame) -> str:
    """The newest edition's shares in a sentence, in the reader's language (the Defence page's first screen)."""
    shares = _dated_shares(published)
    newest = shares[shares["year"] == shares["year"].max()].sort_values("period_start")
    listed = [
        tr("{share} in {period}").format(share=figure_phrase(r.russia_share_pct, "%"), period=r.period)
        for r in newest.itertuples()
    ]
    listed = tr(" and ").join(filter(None, [", ".join(listed[:-1]), listed[-1]]))
    return tr("SIPRI's newest edition, {edition}, puts Russia's share of India's arms imports at {listed}.").format(
        edition=edition_label(newest.iloc[-1]["edition"]), listed=listed
    )


def share_story(published: pd.DataFrame) -> tuple[str, str]:
    """What SIPRI's published shares say, in words, and the sources to cite for it.

    The newest edition's periods, the lowest share any edition published, and how the newest period compares
    with it; then each period that a later edition revised. Nothing here says more than the rows do.
    """
    shares = _dated_shares(published)
    newest = shares[shares["year"] == shares["year"].max()].sort_values("period_start")
    lowest = shares[shares["russia_share_pct"] == shares["russia_share_pct"].min()].sort_values("period_start")
    latest = newest.iloc[-1]
    listed = [f"{r.russia_share_pct:g}% in {r.period}" for r in newest.itertuples()]
    listed = " and ".join(filter(None, [", ".join(listed[:-1]), listed[-1]]))
    low_pct = lowest["russia_share_pct"].iloc[0]
    low_periods = " and ".join(f"{r.period} in {r.edition}" for r in lowest.itertuples())
    trend = (
        "equal to"
        if latest["russia_share_pct"] == low_pct
        else f"{latest['russia_share_pct'] - low_pct:g} percentage points above"
    )
    story = (
        f"SIPRI's newest edition, {latest['edition']}, puts Russia's share of India's arms imports at "
        f"{listed}. The lowest share any edition has published is {low_pct:g}%, "
        f"for {low_periods}; the newest period is {trend} that. "
    )
    revised, revising = [], []
    for (start, end), versions in shares.groupby(["period_start", "period_end"]):
        if versions["russia_share_pct"].nunique() > 1:
            ordered = versions.sort_values("year")
            steps = ", then ".join(f"{r.russia_share_pct:g}% in {r.edition}" for r in ordered.itertuples())
            revised.append(f"{window_label(int(start), int(end))} was {steps}")
            revising.append(ordered)
    if revised:
        story += "Later editions revise earlier periods: " + "; ".join(revised) + "."
    cited = pd.concat([newest, lowest, *revising])["source_id"]
    return story, ";".join(dict.fromkeys(cited))


PLATFORM_COLUMNS = {"short_name": "Platform", "status": "Status", "as_of": "As of"}
"""The platforms table's columns on the page, in order: what a phone shows; the rest is in the full table."""

KUDANKULAM_UNITS = {
    "kudankulam-1": "Unit 1 — operating",
    "kudankulam-2": "Unit 2 — operating",
    "kudankulam-1-2": "Units 1 and 2",
    "kudankulam-3": "Unit 3 — under construction",
    "kudankulam-3-6": "Units 3 to 6",
    "kudankulam-5-6": "Units 5 and 6 — under construction",
}
"""The facts.csv items about Kudankulam's reactors, each with its heading."""
