"""The what-if model: India–Russia goods trade from the latest official year to 2030.

For t = 0 … T years after the base year (T is the last year, FY2029-30):

    ramp_t    = t / T
    exports_t = E0 · (1 + x)^t + ramp_t · (p · P + q · Q)
    imports_t = I0 · (1 + m)^t · (1 + ramp_t · s · e)
    total_t   = exports_t + imports_t
    balance_t = exports_t − imports_t

E0, I0: the base year's exports and imports; x, m: annual growth of exports and
imports; p, q: extra share of Russia's pharmaceutical import market P and of its
engineering import demand Q that India wins by 2030, phased in evenly;
s: energy's share of India's imports from Russia in the base year; e: change in
energy imports by 2030, phased in evenly. Every lever is neutral at zero.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

TARGET_YEAR_END = 2030
TARGET_TOTAL_BN = 100.0


@dataclass(frozen=True)
class Base:
    """The starting point: the latest year of the official series and cited market sizes."""

    fiscal_year: str  # e.g. "2025-26"
    exports_bn: float
    imports_bn: float
    energy_share: float  # 0–1
    pharma_market_bn: float
    engineering_demand_bn: float

    @property
    def horizon(self) -> int:
        """Years from the base year to FY2029-30, whose label is 2030."""
        return TARGET_YEAR_END - 1 - int(self.fiscal_year[:4])


@dataclass(frozen=True)
class Levers:
    """The reader's choices, all in percent."""

    export_growth: float = 0.0
    import_growth: float = 0.0
    pharma_capture: float = 0.0
    engineering_capture: float = 0.0
    energy_change: float = 0.0


def fiscal_year_label(start: int) -> str:
    """'2029-30' for a fiscal year starting in April 2029."""
    return f"{start}-{(start + 1) % 100:02d}"


def year_values(base: Base, levers: Levers, t: int) -> dict[str, float]:
    """Exports, imports, total and balance (US$ bn) t years after the base year."""
    ramp = t / base.horizon if base.horizon else 0.0
    extra_exports = (
        levers.pharma_capture / 100 * base.pharma_market_bn
        + levers.engineering_capture / 100 * base.engineering_demand_bn
    )
    energy = base.energy_share * levers.energy_change / 100
    exports = base.exports_bn * (1 + levers.export_growth / 100) ** t + ramp * extra_exports
    imports = base.imports_bn * (1 + levers.import_growth / 100) ** t * (1 + ramp * energy)
    return {
        "exports_bn": exports,
        "imports_bn": imports,
        "total_bn": exports + imports,
        "balance_bn": exports - imports,
    }


def project(base: Base, levers: Levers) -> pd.DataFrame:
    """Year-by-year exports, imports, total and balance (US$ bn) from the base year to 2030."""
    start = int(base.fiscal_year[:4])
    return pd.DataFrame(
        [
            {"fiscal_year": fiscal_year_label(start + t), "year_end": start + t + 1, "t": t}
            | year_values(base, levers, t)
            for t in range(base.horizon + 1)
        ]
    )


def growth_needed(start_bn: float, years: int, goal_bn: float = TARGET_TOTAL_BN) -> float:
    """Annual growth (percent) that takes ``start_bn`` to ``goal_bn`` in ``years`` years."""
    return ((goal_bn / start_bn) ** (1 / years) - 1) * 100


def total_2030(base: Base, levers: Levers) -> float:
    """Total trade (US$ bn) in the last year of the projection."""
    return year_values(base, levers, base.horizon)["total_bn"]


def export_growth_needed(base: Base, levers: Levers, goal_bn: float = TARGET_TOTAL_BN) -> float | None:
    """Export growth (percent a year) that reaches the goal given the other levers.

    None when imports and the extra exports alone already reach the goal.
    """
    final = year_values(base, replace(levers, export_growth=0.0), base.horizon)
    organic_exports_needed = goal_bn - final["imports_bn"] - (final["exports_bn"] - base.exports_bn)
    if organic_exports_needed <= 0:
        return None
    return growth_needed(base.exports_bn, base.horizon, organic_exports_needed)


def common_growth_needed(base: Base, levers: Levers, goal_bn: float = TARGET_TOTAL_BN) -> float | None:
    """The one growth rate (percent a year) for both flows that reaches the goal, other levers as set.

    The 2030 total rises with the rate, so bisection finds it; None when the summit levers alone reach the
    goal even if both flows vanished.
    """

    def total_at(rate: float) -> float:
        return total_2030(base, replace(levers, export_growth=rate, import_growth=rate))

    low, high = -100.0, 100.0
    if total_at(low) >= goal_bn:
        return None
    while total_at(high) < goal_bn:
        high *= 2
    for _ in range(80):
        middle = (low + high) / 2
        low, high = (middle, high) if total_at(middle) < goal_bn else (low, middle)
    return high


def sensitivity(base: Base, levers: Levers, export_rates: list[int], import_rates: list[int]) -> pd.DataFrame:
    """The 2030 total for every pair of export and import growth, other levers as chosen."""
    rows = []
    for x in export_rates:
        for m in import_rates:
            final = year_values(base, replace(levers, export_growth=x, import_growth=m), base.horizon)
            rows.append(
                {
                    "export_growth": x,
                    "import_growth": m,
                    "total_2030_bn": final["total_bn"],
                    "target_met": final["total_bn"] >= TARGET_TOTAL_BN,
                }
            )
    return pd.DataFrame(rows)


def nearest_cell(rates: list[int], value: float) -> int:
    """The grid rate closest to ``value`` (the lower one on a tie)."""
    return min(rates, key=lambda rate: (abs(rate - value), rate))
