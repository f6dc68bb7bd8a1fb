"""Where each followed item stands: its dated history from the timeline, its status at the summit and now, each
from its strongest source, and the changes since the summit for the feed.

An item's status is the ``status`` of its latest event that states one. "Now" is read from sources ranked above
``WEAK``; a later status that only a weak source reports is kept apart, as "reported only by". No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.core.formatting import day_label
from components.core.schemas import SOURCE_RANKS, WEAK, source_ids

SUMMIT_END = pd.Timestamp("2025-12-05")
"""The summit's last day: statuses dated up to it are the summit's; later ones are news since."""


def rank_of(cell: str, sources: pd.DataFrame) -> int:
    """The strongest rank among a cell's sources (1 is strongest)."""
    return min(int(sources.at[s, "rank"]) for s in source_ids(cell))


def weak(cell: str, sources: pd.DataFrame) -> bool:
    """True when every source in the cell is weak: what it states is 'reported only by' them."""
    return rank_of(cell, sources) >= WEAK


def strongest_first(cell: str, sources: pd.DataFrame) -> str:
    """The cell's source ids, strongest first (the catalogue's order within a rank)."""
    ids = source_ids(cell)
    return ";".join(sorted(ids, key=lambda s: (int(sources.at[s, "rank"]), ids.index(s))))


def rank_words(rank: int) -> str:
    """What a rank means, in a reader's words."""
    return SOURCE_RANKS[rank]


def history(timeline: pd.DataFrame, item_id: str) -> pd.DataFrame:
    """An item's events in date order (timeline rows whose item_id names it)."""
    mine = timeline["item_id"].map(lambda cell: item_id in source_ids(cell)).astype(bool)
    return timeline.loc[mine].sort_values("when", kind="stable")


@dataclass(frozen=True)
class Step:
    """One dated status of an item, as one event's source states it."""

    status: str
    when: pd.Timestamp
    precision: str
    source_id: str
    event_id: str

    @property
    def date_label(self) -> str:
        """'5 Dec 2025', 'Apr 2026' or '2026', as precisely as the source dates it."""
        return day_label(self.when, self.precision)


def _step(event: pd.Series) -> Step:
    return Step(event["status"], event["when"], event["precision"], event["source_id"], event["event_id"])


def _settled(events: pd.DataFrame, sources: pd.DataFrame) -> Step | None:
    """The latest status among these events, from the strongest source that states it: when sources date the same
    status differently, the strongest source's version stands."""
    stated = events[events["status"] != ""]
    if stated.empty:
        return None
    latest = stated[stated["status"] == stated["status"].iloc[-1]]
    ranks = latest["source_id"].map(lambda cell: rank_of(cell, sources))
    return _step(latest.loc[ranks.idxmin()])


@dataclass(frozen=True)
class Standing:
    """Where a followed item stands."""

    item_id: str
    item: str
    domain: str
    searched: pd.Timestamp
    at_summit: Step | None  # its status on the summit's last day
    now: Step | None  # its latest status from a source ranked above weak
    reported: Step | None  # a later, different status that only a weak source reports

    @property
    def latest(self) -> pd.Timestamp | None:
        """The date of the newest status known, weakly sourced or not: what the list is ordered by."""
        dates = [s.when for s in (self.now, self.reported) if s is not None]
        return max(dates) if dates else None

    @property
    def moved(self) -> bool:
        """True when a status dated after the summit is known."""
        return self.latest is not None and self.latest > SUMMIT_END

    @property
    def searched_label(self) -> str:
        """'6 Dec 2026': when stored public reporting was last searched for news of it."""
        return day_label(self.searched, "day")

    @property
    def search_note(self) -> str:
        """What the news says by the day it was last checked: 'checked 6 Dec 2026' after news since the summit, else
        'no later report as of 6 Dec 2026' ('no report as of …' for an item with no dated status at all)."""
        if self.moved:
            return f"checked {self.searched_label}"
        return f"{'no later report' if self.latest is not None else 'no report'} as of {self.searched_label}"


def standing(item: pd.Series, timeline: pd.DataFrame, sources: pd.DataFrame) -> Standing:
    """Where one followed item stands, from its history."""
    events = history(timeline, item["item_id"])
    strong = events.loc[events["source_id"].map(lambda cell: not weak(cell, sources)).astype(bool)]
    now = _settled(strong, sources)
    later = events[events["when"] > now.when] if now is not None else events
    reported = _settled(later[later["status"] != ""], sources)
    if reported is not None and now is not None and reported.status == now.status:
        reported = None  # a weak source dating the same status later is another version of it, not news
    return Standing(
        item_id=item["item_id"],
        item=item["item"],
        domain=item["domain"],
        searched=pd.Timestamp(item["searched"]),
        at_summit=_settled(strong[strong["when"] <= SUMMIT_END], sources),
        now=now,
        reported=reported,
    )


def standings(tracked: pd.DataFrame, timeline: pd.DataFrame, sources: pd.DataFrame) -> tuple[Standing, ...]:
    """Every followed item's standing, newest news first; items with no dated status last, in file order."""
    items = [standing(item, timeline, sources) for _, item in tracked.iterrows()]
    dated = sorted((s for s in items if s.latest is not None), key=lambda s: s.latest, reverse=True)
    return tuple(dated) + tuple(s for s in items if s.latest is None)


def since_summit(timeline: pd.DataFrame) -> pd.DataFrame:
    """The events dated after the summit, newest first: what changed since."""
    return timeline[timeline["when"] > SUMMIT_END].sort_values("when", ascending=False, kind="stable")
