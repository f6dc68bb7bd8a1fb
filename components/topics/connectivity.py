"""Pure computations for the Connectivity page: routes to draw, and journeys compared with Suez."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd

from components.core.i18n import mark
from components.core.params import ChoiceParam
from components.core.schemas import DataError

FIRST_SCREEN = (
    "Connectivity: three corridors and the Suez route",
    "India and Russia promote three ways to move goods between them faster than through the Suez Canal. Each "
    "claim below says what it rests on — a measurement, a study, an estimate or an official promise; no source "
    "reports a measured door-to-door time for a regular INSTC service.",
    "src-bs-concor-2020;src-portnews-emc-2024",
)
"""The page's title, its finding (Markdown) and the finding's sources."""

ROUTE_NAMES = {
    "instc": mark("International North–South Transport Corridor (INSTC)"),
    "emc": mark("Chennai–Vladivostok Eastern Maritime Corridor"),
    "nsr": mark("Northern Sea Route"),
    "suez": mark("Suez route (the baseline)"),
}
ENDPOINTS = {
    "instc": ("jnpt", "moscow"),
    "emc": ("chennai", "vladivostok"),
    "nsr": ("murmansk", "vladivostok"),
    "suez": ("jnpt", "st-petersburg"),
}
LABELLED = {
    "jnpt": "right",
    "chennai": "right",
    "bandar-abbas": "right",
    "astrakhan": "right",
    "moscow": "right",
    "st-petersburg": "left",
    "vladivostok": "right",
    "murmansk": "left",
    "suez": "left",
    "rotterdam": "left",
    "baku": "left",
}
"""Places named on the map, each with the side of its point its name sits on, so that the names of places close
together (Murmansk, St Petersburg, Moscow) do not overlap on a phone; the others show their name on hover."""
SHORT_ROUTE_NAMES = ("INSTC", "Eastern Maritime Corridor", "Northern Sea Route", "Suez (baseline)")
"""The routes, in ``ROUTE_NAMES`` order, as short as a phone's row of buttons needs."""


def _segmented(key: str, label: str, options: dict[str, str], help_text: str) -> ChoiceParam:
    """A choice of the page as a row of buttons (option code → its words); the first is the default."""
    codes = tuple(options)
    words = tuple(options.values())
    return ChoiceParam(key, label, codes, codes[0], widget="segmented", words=words, help=help_text, translated=True)


PARAMS = {
    "route": _segmented(
        "route",
        "Highlight a route",
        dict(zip(("all", *ROUTE_NAMES), ("All routes", *SHORT_ROUTE_NAMES), strict=True)),
        "Draw one route over the others on the map and open its figures.",
    ),
    "origin": _segmented(
        "origin", "From", {"jnpt": "Mumbai (JNPT)", "chennai": "Chennai"}, "The Indian port the journey starts from."
    ),
    "destination": _segmented(
        "destination", "To", {"moscow": "Moscow", "vladivostok": "Vladivostok"}, "Where in Russia the journey ends."
    ),
    "via": _segmented(
        "via",
        "By",
        dict(zip(("instc", "emc"), SHORT_ROUTE_NAMES[:2], strict=True)),
        "The corridor compared with the same journey through the Suez Canal.",
    ),
}


def route_paths(routes: pd.DataFrame, nodes: pd.DataFrame) -> pd.DataFrame:
    """Every route branch as an ordered list of points, with the way each leg travels."""
    paths = routes.merge(nodes, on="node_id", how="left", suffixes=("", "_node"))
    missing = paths[paths["lat"].isna()]
    if not missing.empty:
        raise DataError(f"routes.csv: node '{missing['node_id'].iloc[0]}' is not in route_nodes.csv")
    paths["route"] = paths["route_id"].map(ROUTE_NAMES)
    paths["path_id"] = paths["route_id"] + ": " + paths["branch"]
    return paths.sort_values(["route_id", "branch", "seq"]).reset_index(drop=True)


def legs(paths: pd.DataFrame) -> pd.DataFrame:
    """Each leg as its own two-point line, so a gap or planned leg can be dashed on its own."""
    rows = []
    for path_id, path in paths.groupby("path_id", sort=False):
        points = path.to_dict("records")
        for leg, (start, end) in enumerate(pairwise(points)):
            for order, point in enumerate((start, end)):
                rows.append(
                    {
                        "leg_id": f"{path_id} #{leg}",
                        "order": order,
                        "route_id": end["route_id"],
                        "route": end["route"],
                        "branch": end["branch"],
                        "mode": end["mode"],
                        "lat": point["lat"],
                        "lon": point["lon"],
                    }
                )
    return pd.DataFrame(rows)


def ports(paths: pd.DataFrame) -> pd.DataFrame:
    """The ports and cities on the routes (not the drawing points), once each, with their routes."""
    named = paths[paths["kind"] == "port or city"]
    grouped = named.groupby(["node_id", "name", "lat", "lon", "source_id_node", "evidence_node"], as_index=False)
    table = grouped.agg(routes=("route_id", lambda r: ", ".join(sorted({x.upper() for x in r}))))
    short = table["name"].str.split(" (", regex=False).str[0]
    return table.assign(
        short_name=short.where(table["node_id"].isin(LABELLED), ""),
        label_side=table["node_id"].map(LABELLED).fillna(""),
    )


def journey(journeys: pd.DataFrame, origin: str, destination: str, via: str) -> pd.DataFrame:
    """Each source's figures for a journey by a corridor beside the same source's Suez baseline.

    saving (days) = Suez days − corridor days, for the low and the high ends of each range;
    saving (km) = Suez km − corridor km, where one source gives both.
    """
    trip = journeys[(journeys["origin"] == origin) & (journeys["destination"] == destination)]
    corridor = trip[trip["route_id"] == via].set_index("version")
    suez = trip[trip["route_id"] == "suez"].set_index("version")
    rows = []
    for version, row in corridor.iterrows():
        base = suez.loc[version] if version in suez.index else None
        rows.append(
            {
                "version": version,
                "corridor_days": _days(row),
                "suez_days": _days(base) if base is not None else "",
                "saving_days": _saving(base, row) if base is not None else "",
                "corridor_km": row["distance_km"],
                "suez_km": base["distance_km"] if base is not None else float("nan"),
                "saving_km": (base["distance_km"] - row["distance_km"]) if base is not None else float("nan"),
                "claim": row["claim"],
                "source_id": row["source_id"],
            }
        )
    return pd.DataFrame(rows)


def _days(row: pd.Series) -> str:
    low, high = row["days_low"], row["days_high"]
    if pd.isna(low):
        return ""
    return f"{low:g}" if pd.isna(high) or high == low else f"{low:g}–{high:g}"


def _saving(suez: pd.Series, corridor: pd.Series) -> str:
    """Days saved: the best case pairs the slow end of Suez with the fast end of the corridor."""
    if pd.isna(suez["days_low"]) or pd.isna(corridor["days_low"]):
        return ""
    worst = suez["days_low"] - (corridor["days_high"] if not pd.isna(corridor["days_high"]) else corridor["days_low"])
    best = (suez["days_high"] if not pd.isna(suez["days_high"]) else suez["days_low"]) - corridor["days_low"]
    return f"{worst:g}" if worst == best else f"{worst:g} to {best:g}"


def unpaired_suez(journeys: pd.DataFrame, pairs: list[tuple[str, str]]) -> pd.DataFrame:
    """Suez-route figures for journeys no corridor in ``pairs`` makes: comparators, not like-for-like baselines."""
    suez = journeys[journeys["route_id"] == "suez"]
    made = pd.Series(list(zip(suez["origin"], suez["destination"], strict=True)), index=suez.index).isin(pairs)
    return suez[~made].reset_index(drop=True)


def corridor_journeys(journeys: pd.DataFrame) -> list[tuple[str, str]]:
    """The (origin, destination) journeys that some corridor's figures describe."""
    corridors = journeys[journeys["route_id"] != "suez"]
    return list(dict.fromkeys(zip(corridors["origin"], corridors["destination"], strict=True)))
