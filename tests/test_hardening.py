"""What a hostile or careless link cannot do: put its text into an image, or make an image large."""

from __future__ import annotations

import streamlit as st
from conftest import open_page

from components import images, pages, url_state

JUNK = "x" * 50_000


def drawn_downloads(monkeypatch, script: str, opened: tuple[str, ...], **query) -> dict[str, bytes]:
    """The files a page's download buttons would write, by file name, as the reader's click would draw them."""
    offered: dict[str, bytes] = {}

    def record(label, data, file_name=None, **options):
        offered[file_name] = data() if callable(data) else data
        return False

    monkeypatch.setattr(st, "download_button", record)
    open_page(script, opened, **query)
    return offered


def test_a_charts_image_holds_the_pages_validated_state_and_no_junk(monkeypatch):
    section = ("table-india_arms_imports_by_supplier",)
    plain = drawn_downloads(monkeypatch, pages.DEFENCE.script, section, window="3")
    junk = drawn_downloads(monkeypatch, pages.DEFENCE.script, section, window="3", junk=JUNK, suppliers="Atlantis")
    svg = "india_arms_imports_by_supplier.svg"
    assert junk[svg] == plain[svg] and junk["india_arms_imports_by_supplier.png"] == plain[svg.replace("svg", "png")]
    assert b"window=3" in plain[svg] and b"xxxxxxxxxx" not in junk[svg]


def test_a_links_validated_state_keeps_only_what_the_page_uses():
    query = {"window": ["3"], "suppliers": ["Russia", "Atlantis"], "period": ["2010", "2020"], "junk": [JUNK]}
    shown = url_state.validated_query(pages.DEFENCE, query)
    assert shown == "period=2010&period=2020&window=3&suppliers=Russia"
    assert url_state.validated_query(pages.DEFENCE, {"window": ["5"]}) == ""  # the default goes without saying


def test_no_drawn_text_is_longer_than_the_cap():
    spec = images.text_card("Title", ["a line"], "https://example.org/?" + JUNK)
    drawn = "".join("".join(block["encoding"]["text"]["value"]) for block in spec["vconcat"])
    assert len(drawn) <= 3 * images.DRAWN_CHARACTERS
