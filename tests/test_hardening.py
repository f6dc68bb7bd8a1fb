"""What a hostile or careless link cannot do: put its text into an image, or make an image large."""

from __future__ import annotations

from components.core import images, pages
from components.store import url_state

JUNK = "x" * 50_000


def test_a_links_validated_state_keeps_only_what_the_page_uses():
    query = {"window": ["3"], "suppliers": ["Russia", "Atlantis"], "period": ["2010", "2020"], "junk": [JUNK]}
    shown = url_state.validated_query(pages.DEFENCE, query)
    assert shown == "period=2010&period=2020&window=3&suppliers=Russia"
    assert url_state.validated_query(pages.DEFENCE, {"window": ["5"]}) == ""  # the default goes without saying


def test_no_drawn_text_is_longer_than_the_cap():
    chart = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    spec = images.framed(chart, "Title " + JUNK, "Units " + JUNK, "https://example.org/?" + JUNK)
    texts = [block for block in spec["vconcat"] if "text" in block.get("encoding", {})]
    drawn = "".join("".join(block["encoding"]["text"]["value"]) for block in texts)
    assert len(texts) == 3 and len(drawn) <= 3 * images.DRAWN_CHARACTERS
