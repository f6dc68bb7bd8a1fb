"""Which figures cite each source, across every data table."""

from __future__ import annotations

import pandas as pd

from components.data import source_ids
from components.ui import figure_phrase


def _rows(table: pd.DataFrame, file: str, describe) -> list[dict]:
    return [
        {"source_id": sid, "file": file, "figure": describe(row)}
        for row in table.itertuples()
        for sid in source_ids(row.source_id)
    ]


def citations(
    annual: pd.DataFrame,
    hs2: pd.DataFrame,
    figures: pd.DataFrame,
    items: pd.DataFrame,
    targets: pd.DataFrame,
) -> pd.DataFrame:
    """One row per (source, figure) pair: what each source is cited for, and in which file."""
    rows = _rows(
        annual,
        "trade_annual.csv",
        lambda r: f"Exports, imports and total, FY{r.fiscal_year} ({r.status})",
    )
    chapters = hs2.groupby(["source_id", "flow", "fiscal_year"]).size().reset_index(name="chapters")
    rows += _rows(
        chapters,
        "trade_hs2.csv",
        lambda r: f"{r.flow.title()} by HS chapter, FY{r.fiscal_year} ({r.chapters} chapters)",
    )
    rows += _rows(
        figures,
        "figures.csv",
        lambda r: f"{r.metric}, {r.period}: {figure_phrase(r.value, r.unit, r.qualifier, r.value_high)}",
    )
    rows += _rows(items, "trade_items.csv", lambda r: f"Named good ({r.flow}): {r.item}")
    rows += _rows(targets, "trade_targets.csv", lambda r: f"Target: {r.target}")
    return pd.DataFrame(rows, columns=["source_id", "file", "figure"])
