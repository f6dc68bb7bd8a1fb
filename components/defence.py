"""Pure computations for the Defence page: SIPRI supply trends, shares, categories, platform facts."""

from __future__ import annotations

import pandas as pd

from components.params import ChoiceParam, MultiChoiceParam, NumberParam, RangeParam, TextParam

SIPRI_SOURCE = "sipri-atdb-2025"
RUSSIA = "Russia"
OTHERS = "All other suppliers"
DEFAULT_SUPPLIERS = ("Russia", "France", "Israel", "United States")


def defence_params(sipri: pd.DataFrame, platforms: pd.DataFrame) -> dict:
    """The Defence page's URL parameters; years, suppliers and platforms come from the data."""
    years = sipri["delivery_year"].astype(int)
    first, last = int(years.min()), int(years.max())
    suppliers = tuple(tiv_by_supplier(sipri).index)
    names = tuple(platforms["short_name"])
    return {
        "period": RangeParam("period", "Delivery years", first, last, (first, last)),
        "window": NumberParam("window", "Smoothing window", 1, 10, 5, "years"),
        "suppliers": MultiChoiceParam(
            "suppliers", "Suppliers compared", suppliers, tuple(s for s in DEFAULT_SUPPLIERS if s in suppliers)
        ),
        "q": TextParam("q", "Search platforms", max_length=80),
        "platform": ChoiceParam("platform", "Platform", names, names[0]),
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
