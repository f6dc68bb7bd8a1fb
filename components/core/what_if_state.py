"""The what-if's link, owned here: its parameters (the levers by name, the base year, scenario A), the migrations of
old links, and :class:`WhatIfState`, the one typed state every output reads a link into and writes a link from —
the page, its answer, share panel and downloads, the preview tags and image, the API and the embed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlencode

import pandas as pd

from components.core import i18n
from components.core.params import ChoiceParam, NumberParam, Param, Parsed, parse_params
from components.core.scenario import Levers
from components.core.schemas import DataError

LEVER_PARAMS = (
    NumberParam(
        "export_growth",
        "Export growth, India → Russia",
        -20,
        60,
        0,
        "% a year",
        help="How fast India's exports to Russia grow each year from the base year to 2030.",
    ),
    NumberParam(
        "import_growth",
        "Import growth, Russia → India",
        -30,
        30,
        0,
        "% a year",
        help="How fast India's imports from Russia, oil included, grow each year from the base year to 2030.",
    ),
    NumberParam(
        "pharma_capture",
        "Extra share of Russia's pharma imports won by 2030",
        0,
        20,
        0,
        "%",
        help="The part of Russia's medicine imports India wins on top of today's sales, reached step by step by 2030.",
    ),
    NumberParam(
        "engineering_capture",
        "Extra share of Russia's engineering demand won by 2030",
        0,
        100,
        0,
        "%",
        help="The part of Russia's engineering import demand India wins on top of today's sales, reached step by "
        "step by 2030.",
    ),
    NumberParam(
        "energy_change",
        "Change in energy imports by 2030",
        -50,
        50,
        0,
        "%",
        help="A rise or fall in India's energy imports from Russia (mostly crude oil) by 2030, on top of import "
        "growth, reached step by step.",
    ),
)
"""The levers as URL parameters, one per field of :class:`Levers`, in its order."""
LEVER_OF = dict(zip((p.key for p in LEVER_PARAMS), (f.name for f in fields(Levers)), strict=True))
"""Each lever's URL key and the :class:`Levers` field it sets (the same name)."""
COMPARE_PREFIX = "compare_"
COMPARE_PARAMS = tuple(
    replace(
        p,
        key=COMPARE_PREFIX + p.key,
        label=f"Scenario A: {p.label[0].lower()}{p.label[1:]}",
        help=f"Scenario A, pinned to compare with the sliders' scenario: {p.help[0].lower()}{p.help[1:]}",
    )
    for p in LEVER_PARAMS
)
"""The pinned scenario A, kept in the link beside the sliders' scenario B (``compare_export_growth=…``)."""
KEYS = frozenset({"base", *(p.key for p in LEVER_PARAMS + COMPARE_PARAMS)})
"""Every key a what-if link holds."""


def current_base(bases: pd.DataFrame) -> str:
    """The base a link without ``base`` uses: the latest fiscal year's figures that no revision superseded."""
    live = bases[bases["superseded_by"] == ""]
    if live.empty:
        raise DataError("scenario_bases.csv: every base is superseded; one must be current")
    return live.sort_values("fiscal_year", kind="stable")["base"].iloc[-1]


def base_param(bases: pd.DataFrame) -> ChoiceParam:
    """The base year as a URL parameter: every base a link may name; without one, the current base. A segmented
    control: one tap on a phone, every base in view. Every link names it, so a shared scenario keeps its base when a
    newer year arrives."""
    return ChoiceParam(
        "base",
        "Base year",
        tuple(bases["base"]),
        current_base(bases),
        widget="segmented",
        help="The official year the scenario grows from: the newest, or the one before it.",
        in_every_link=True,
    )


def declarations(bases: pd.DataFrame) -> tuple[Param, ...]:
    """The what-if's URL parameters, in the order its notices report them."""
    return (*LEVER_PARAMS, base_param(bases), *COMPARE_PARAMS)


# --- Migrations of old links ----------------------------------------------------------------------
Query = Mapping[str, Sequence[str]]
Migration = Callable[[str, Query], tuple[str, dict[str, list[str]]] | None]


def _what_if_moved_off_trade(path: str, query: Query) -> tuple[str, dict[str, list[str]]] | None:
    """The what-if lived on /trade until it got its own page: an old /trade link holding a lever opens it there,
    with the what-if's part of its query and the reader's language."""
    if path.strip("/") != "trade" or not any(p.key in query for p in LEVER_PARAMS):
        return None
    return "/what-if", {key: list(values) for key, values in query.items() if key in KEYS | {i18n.KEY}}


MIGRATIONS: tuple[Migration, ...] = (_what_if_moved_off_trade,)
"""Old link forms, oldest first (after OWID's Grapher URL migrations): each turns a link it recognises into the
next form, or leaves it alone (None)."""


def migrated(path: str, query: Query) -> tuple[str, dict[str, list[str]]] | None:
    """Where an old link now lives (path and query), after every migration that applies; None for a current link."""
    moved = None
    for migration in MIGRATIONS:
        if (step := migration(path, query)) is not None:
            moved = path, query = step
    return moved


# --- The state ------------------------------------------------------------------------------------
def levers_of(values: Mapping[str, float], params: Sequence[NumberParam] = LEVER_PARAMS) -> Levers:
    """Levers from values keyed by URL parameters (``params``: the levers' own, or scenario A's)."""
    return Levers(**{f.name: values[p.key] for p, f in zip(params, fields(Levers), strict=True)})


def lever_values(levers: Levers, params: Sequence[NumberParam] = LEVER_PARAMS) -> dict[str, int]:
    """The levers keyed by their URL parameters (whole numbers, as the sliders hold them)."""
    return {p.key: int(getattr(levers, f.name)) for p, f in zip(params, fields(Levers), strict=True)}


@dataclass(frozen=True)
class WhatIfState:
    """What a what-if link says: the base year, the levers, and scenario A when one is pinned."""

    base: str
    levers: Levers = field(default_factory=Levers)
    pinned: Levers | None = None

    @classmethod
    def read(cls, readings: Mapping[str, Parsed]) -> WhatIfState:
        """The state a page's readings of a link give (a value the page ignores is at its default)."""
        levers = levers_of({p.key: readings[p.key].value for p in LEVER_PARAMS})
        pinned = None
        if any(readings[c.key].status != "missing" for c in COMPARE_PARAMS):
            pinned = levers_of(
                {p.key: readings[c.key].value for p, c in zip(LEVER_PARAMS, COMPARE_PARAMS, strict=True)}
            )
        return cls(readings["base"].value, levers, pinned)

    @classmethod
    def from_query(cls, params: Sequence[Param], query: Query) -> tuple[WhatIfState, dict[str, Parsed]]:
        """The state of a what-if link's query (``params``: the what-if's declarations), read once, and the
        reading of each parameter for the page's notices."""
        readings = parse_params(list(params), query)
        return cls.read(readings), readings

    def without_pin(self) -> WhatIfState:
        """The same scenario with no scenario A."""
        return replace(self, pinned=None)

    def pinned_as_a(self) -> WhatIfState:
        """This scenario, pinned as scenario A too (the page's 'Pin this scenario as A')."""
        return replace(self, pinned=self.levers)

    def params(self) -> dict[str, str]:
        """The link's parameters: the base year, each lever away from zero and, when pinned, every lever of
        scenario A (so a scenario A at zero stays pinned), and the reader's language. The address bar holds the
        same."""
        pairs = {"base": self.base} | {k: v for k, v in lever_values(self.levers).items() if v}
        if self.pinned is not None:
            pairs |= lever_values(self.pinned, COMPARE_PARAMS)
        return {key: str(value) for key, value in pairs.items()} | dict(i18n.link_pairs())

    def to_query(self) -> str:
        """:meth:`params` as a query string."""
        return urlencode(self.params())
