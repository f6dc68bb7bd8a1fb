"""The changes feed (``/api/v1/changes.atom``): every dated event since the summit as an Atom entry (RFC 4287), so a
reader can follow the relationship in a feed reader. Pure: no Streamlit here."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd

from components.core.schemas import source_ids
from components.topics import status

ATOM = "http://www.w3.org/2005/Atom"
SITE = "India–Russia Partnership Explorer"
TAG = "tag:india-russia-explorer.org,2026:"
"""The start of every id in the feed: a tag URI (RFC 4151), stable whatever address serves the app."""


def _timestamp(when: pd.Timestamp) -> str:
    return when.strftime("%Y-%m-%dT00:00:00Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def changes_atom(timeline: pd.DataFrame, sources: pd.DataFrame, site_url: str) -> bytes:
    """The feed: one entry per event since the summit, newest first, each with its date, its status where it moves
    one, and a link to its strongest source."""
    ET.register_namespace("", ATOM)
    events = status.since_summit(timeline)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"{TAG}changes")
    _add(feed, "title", f"{SITE}: what changed since the 23rd summit")
    _add(feed, "subtitle", "Dated events in India–Russia relations since 5 December 2025, each from its source.")
    _add(feed, "updated", _timestamp(events["when"].max() if not events.empty else status.SUMMIT_END))
    author = _add(feed, "author")
    _add(author, "name", SITE)
    _add(feed, "link", rel="self", href=f"{site_url}/api/v1/changes.atom")
    _add(feed, "link", rel="alternate", type="text/html", href=f"{site_url}/#since-the-summit")
    for event in events.itertuples():
        cited = source_ids(status.strongest_first(event.source_id, sources))
        lead = sources.loc[cited[0]]
        entry = _add(feed, "entry")
        _add(entry, "id", f"{TAG}event/{event.event_id}/{cited[0]}")
        _add(entry, "title", event.event)
        _add(entry, "updated", _timestamp(event.when))
        link = lead["url"] or f"{site_url}/sources?source={cited[0]}"
        _add(entry, "link", rel="alternate", href=link)
        only = "reported only by " if status.weak(event.source_id, sources) else ""
        said = f"Status after this: {event.status}. " if event.status else ""
        _add(
            entry,
            "summary",
            f"{said}Source: {only}{lead['publisher']} ({status.rank_words(int(lead['rank']))}), as it words it: "
            f"'{event.evidence}'." + (f" {event.note}" if event.note else ""),
        )
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
