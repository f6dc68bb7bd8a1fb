"""The first screen the server sends inside every page: readable before any JavaScript runs and without it, the same
words and figures as the page's own first screen, escaped, small, and replaced by the page without a layout jump."""

from __future__ import annotations

import re
import urllib.request
from html import unescape

import pytest
from browser_helpers import DESKTOP, PHONE, fresh_page, open_idle, settle
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import expect

from components.core import pages
from components.core.formatting import fmt_bn
from components.core.scenario import project
from components.core.what_if_state import WhatIfState
from components.server import first_screen
from components.store import prepared, url_state

SHARED_LINK = {"export_growth": ["15"], "import_growth": ["-5"]}
BUDGET_BYTES = 12_000
"""What the first screen (its HTML, style and hand-over script) may add to a page."""
PAGE_BUDGET_BYTES = 20_000
"""A whole page as served (Streamlit's shell of about 8 kB, the head's preview tags and the first screen)."""


def _expected_total(query: dict[str, list[str]]) -> str:
    """The 2030 total the link's scenario reaches, from the model itself."""
    _, readings = url_state.read(pages.WHAT_IF, query)
    state = WhatIfState.read(readings)
    return fmt_bn(project(prepared.what_if_inputs().bases[state.base], state.levers)["total_bn"].iloc[-1], 1)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u2060", "")


def test_every_page_has_a_first_screen_for_the_server_to_send():
    for page in pages.PAGES:
        assert page.hook("first_screen") or page.hook("link_first_screen"), page.title


@pytest.mark.parametrize("page", [p for p in pages.PAGES if p.hook("first_screen")], ids=lambda p: p.url_path)
def test_a_story_pages_first_screen_holds_its_title_finding_sources_contents_and_key_numbers(page):
    screen = page.hook("first_screen")()
    html = first_screen.rendition(page, {})
    shown = _text(html)
    assert screen.title in shown and "On this page" in shown if screen.contents else screen.title in shown
    assert re.sub(r"\*\*|\\", "", screen.finding)[:60] in shown
    for number in screen.cards:
        assert number.label in shown and number.value in shown
    for section in screen.contents:
        assert f'href="#{re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")}"' in html


def test_a_shared_what_if_link_sends_its_own_answer():
    html = first_screen.rendition(pages.WHAT_IF, SHARED_LINK)
    assert f"In this scenario India–Russia trade reaches {_expected_total(SHARED_LINK)} in FY2029-30" in _text(html)
    default = first_screen.rendition(pages.WHAT_IF, {})
    assert f"reaches {_expected_total({})} in FY2029-30" in _text(default)
    assert default != html


def test_a_pinned_scenario_a_is_sent_beside_the_sliders_scenario():
    pinned = SHARED_LINK | {"compare_export_growth": ["30"], "compare_import_growth": ["0"]}
    shown = _text(first_screen.rendition(pages.WHAT_IF, pinned))
    assert "A (pinned)" in shown and "B (sliders)" in shown and "+30% / 0%" in shown and "+15% / −5%" in shown


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "15&lt;b&gt;", "1e400", "%00"],
)
def test_markup_in_a_link_never_reaches_the_first_screen(hostile):
    for page in pages.PAGES:
        query = {key: [hostile] for key in url_state.declared(page)}
        html = first_screen.rendition(page, query)
        assert "alert(1)" not in html and "<img" not in html and "<b>" not in html, page.title


@given(st.text(max_size=80))
def test_any_text_becomes_html_with_no_markup_of_its_own(text):
    html = first_screen.markdown_html(text)
    tags = re.findall(r"<(/?[a-z]+)", html)
    assert set(tags) <= {"strong", "/strong", "em", "/em", "a", "/a"}
    assert re.sub(r"<[^>]+>", "", html).count("<") == 0


def test_the_pages_markdown_reads_as_the_page_shows_it():
    html = first_screen.markdown_html(r"**US\$ 59.86 bn** ([TRADESTAT](https://tradestat.commerce.gov.in/)) *(both)*")
    assert html == (
        '<strong>US$ 59.86 bn</strong> (<a href="https://tradestat.commerce.gov.in/">TRADESTAT</a>) <em>(both)</em>'
    )
    assert first_screen.markdown_html("[x](javascript:alert(1))") == "[x](javascript:alert(1))"


def test_the_first_screen_stays_within_its_size_budget():
    links = [{}, SHARED_LINK, SHARED_LINK | {"compare_export_growth": ["30"], "compare_import_growth": ["0"]}]
    for page in pages.PAGES:
        for query in links if page is pages.WHAT_IF else links[:1]:
            size = len((first_screen.rendition(page, query) + first_screen.STYLE).encode())
            assert size <= BUDGET_BYTES, (page.title, size)


# --- Served, in Chromium --------------------------------------------------------------------------------------

BLOCKED_SOCKET = (
    "window.WebSocket = function () { return { close() {}, send() {}, addEventListener() {}, "
    "removeEventListener() {} }; };"
)
"""A browser whose websocket never connects (a dropped mobile connection, a proxy that refuses it)."""
LAYOUT_SHIFTS = """window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.browser
def test_the_served_page_holds_its_first_screen_within_its_size_budget_but_an_embed_does_not(app_url):
    with urllib.request.urlopen(f"{app_url}/what-if?export_growth=15&import_growth=-5") as response:
        html = response.read().decode()
    assert f"trade reaches {_expected_total(SHARED_LINK)} in FY2029-30" in html
    assert html.index('id="first-screen"') < html.index('id="root"')
    with urllib.request.urlopen(f"{app_url}/what-if?export_growth=15&embed=true") as response:
        assert 'id="first-screen"' not in response.read().decode()
    for page in pages.PAGES:
        with urllib.request.urlopen(f"{app_url}/{page.url_path}?compare_export_growth=30") as response:
            assert len(response.read()) <= PAGE_BUDGET_BYTES, page.title


@pytest.mark.browser
def test_without_javascript_every_page_shows_its_first_screen(browser, app_url):
    with fresh_page(browser, PHONE, java_script_enabled=False) as page:
        for info in pages.PAGES:
            page.goto(f"{app_url}/{info.url_path}")
            screen = info.hook("first_screen")() if info.hook("first_screen") else None
            title = screen.title if screen else "Trade what-if"
            expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
            for number in screen.cards if screen else ():
                expect(page.locator(".fs-value", has_text=number.value).first).to_be_visible()
            if screen and screen.sources:
                expect(page.locator(".fs-main > .fs-caption").first).to_contain_text("Source")
        page.goto(f"{app_url}/what-if?export_growth=15&import_growth=-5&compare_export_growth=%3Cb%3Ex")
        expect(page.get_by_text(f"reaches {_expected_total(SHARED_LINK)} in FY2029-30")).to_be_visible()
        expect(page.locator(".fs-main > .fs-caption")).to_contain_text("Source: TRADESTAT")
        expect(page.get_by_role("link", name="Sources", exact=True).first).to_be_visible()


@pytest.mark.browser
def test_the_answer_is_on_a_phones_first_screen_before_the_page_connects_and_says_so_if_it_never_does(browser, app_url):
    with fresh_page(browser) as page:
        page.add_init_script(BLOCKED_SOCKET)
        page.clock.install()  # the page's own clock, run forward below instead of waiting for it
        page.goto(f"{app_url}/what-if?export_growth=15&import_growth=-5")
        answer = page.get_by_text(f"reaches {_expected_total(SHARED_LINK)} in FY2029-30")
        expect(answer).to_be_in_viewport()
        expect(page.get_by_text("Total trade in 2030")).to_be_in_viewport()
        stalled = page.get_by_text("The interactive page could not load here")
        expect(stalled).to_be_hidden()
        page.clock.run_for(11_000)  # ten seconds without the page
        expect(stalled).to_be_visible()
        expect(answer).to_be_visible()


TITLE_AT = (
    "(selector) => { const box = document.querySelector(selector).getBoundingClientRect(); return [box.x, box.y]; }"
)
"""Where an element's box starts on the screen (x, y)."""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", (PHONE, DESKTOP), ids=("phone", "laptop"))
def test_the_first_screens_title_stands_where_the_pages_own_title_will(browser, app_url, viewport):
    """The server's first screen and the page that replaces it put the title in the same place (within two pixels)."""
    with fresh_page(browser, viewport) as page:
        page.add_init_script(BLOCKED_SOCKET)
        page.goto(f"{app_url}/{pages.TRADE.url_path}")
        served = page.evaluate(TITLE_AT, "#first-screen h1")
    with fresh_page(browser, viewport) as page:
        open_idle(page, f"{app_url}/{pages.TRADE.url_path}")
        drawn = page.evaluate(TITLE_AT, "[data-testid=stMain] h1")
    assert served == pytest.approx(drawn, abs=2)


@pytest.mark.browser
def test_the_page_takes_over_from_its_first_screen_without_a_layout_jump(browser, app_url):
    with fresh_page(browser) as page:
        page.add_init_script(LAYOUT_SHIFTS)
        open_idle(page, f"{app_url}/what-if?export_growth=15&import_growth=-5")
        page.wait_for_timeout(2000)
        assert page.evaluate("window.__layoutShift") <= 0.1
        expect(page.locator("#first-screen")).to_have_count(0)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        expect(page.get_by_test_id("answer-sentence")).to_contain_text(_expected_total(SHARED_LINK))
        page.goto(f"{app_url}/connectivity")
        settle(page)
        expect(page.get_by_text("On this page:")).to_have_count(1)
