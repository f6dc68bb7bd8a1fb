"""Every page as a reader sees it on a 390 px phone and at 1366 px: no card's label or value cut off, no error box,
no table column or control showing a raw code."""

from __future__ import annotations

import re

import pytest
from browser_helpers import DESKTOP, PHONE, drawn_charts, expect_no_error_boxes, fresh_page, open_idle, settle
from playwright.sync_api import expect

from components.core import pages

pytestmark = pytest.mark.browser

CUT_OFF = """() => [...document.querySelectorAll(
    '[data-testid=stMetricLabel] *, [data-testid=stMetricValue] *, [data-testid=stMetricDelta] *'
  )].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""
"""The text of every card part whose text is wider than its box (shown with an ellipsis or hidden)."""


FIRST_SCREEN = {
    pages.OVERVIEW: "US$ 59.86 bn",
    pages.TRADE: "US$ 59.86 bn in FY2025-26",
    pages.WHAT_IF: "Total trade in 2030",
    pages.DEFENCE: "40% in 2021–25",
    pages.MOBILITY: "72,000",
    pages.CONNECTIVITY: "~25 days",
    pages.SOURCES: "The catalogue:",
}
"""The figure a reader comes to each page for, which its first screen on a phone shows."""
READING_BUDGET = 6
"""Phone screens (390 x 844) a page may take with its sections closed."""
PAGE_HEIGHT = "document.querySelector('[data-testid=stMain]').scrollHeight"
AXIS_LABELS = (
    "[...document.querySelectorAll('[data-testid=stVegaLiteChart] .role-axis-label text')].map(t => t.textContent)"
)
CHARTS = {pages.OVERVIEW: 1, pages.TRADE: 4, pages.WHAT_IF: 1, pages.DEFENCE: 4, pages.MOBILITY: 5}
CHARTS |= {pages.CONNECTIVITY: 2, pages.SOURCES: 0}


@pytest.mark.parametrize("page_info", pages.PAGES, ids=[p.url_path for p in pages.PAGES])
def test_each_page_reads_whole_on_a_phone_and_a_laptop(browser, app_url, page_info):
    """Its key figure on a phone's first screen and the whole page, sections closed, within six phone screens; no
    Content-Security-Policy error; at 390 and 1366 px no card cut off and no error; every chart drawn with its data,
    no 'undefined' label and no axis number a reader cannot read ('1e+5', '0k')."""
    with fresh_page(browser, PHONE) as page:
        console = []
        page.on("console", lambda message: console.append(message.text))
        open_idle(page, f"{app_url}/{'' if page_info is pages.PAGES[0] else page_info.url_path}")
        expect(page.get_by_text(FIRST_SCREEN[page_info]).first).to_be_in_viewport()
        expect(page.locator("[data-testid=stVegaLiteChart]")).to_have_count(CHARTS[page_info], timeout=30_000)
        page.wait_for_timeout(500)  # charts take their height
        screens = page.evaluate(PAGE_HEIGHT) / PHONE["height"]
        assert screens <= READING_BUDGET, f"{page_info.title}: {screens:.2f} screens"
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)  # the layout follows the new width
            expect_no_error_boxes(page)
            assert page.evaluate(CUT_OFF) == [], viewport
        for index, marks in enumerate(drawn_charts(page, CHARTS[page_info])):
            assert marks["drawn"] > 0, index
            assert not {"undefined", "NaN", "null"} & set(marks["labels"]), (index, marks["labels"])
        assert not [m for m in console if "Content Security Policy" in m]  # the served policy lets the page work
        ticks = page.evaluate(AXIS_LABELS)
        assert not [t for t in ticks if re.search(r"\de[+-]\d|^0k$|NaN", t)], ticks


def test_an_address_under_a_page_shows_page_not_found_with_links_that_work(browser, app_url):
    with fresh_page(browser, PHONE) as page:
        page.goto(f"{app_url}/trade/extra")
        expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
        page.get_by_role("link", name="Trade what-if").click()
        settle(page)
        expect(page).to_have_url(f"{app_url}/what-if?base=2025-26")  # a scenario's link names its base year
        expect(page.get_by_text("Total trade in 2030").first).to_be_visible(timeout=30_000)
        page.goto(f"{app_url}/overview?timeline_period=all")  # the landing page's own name: redirected to /
        settle(page)
        expect(page).to_have_url(f"{app_url}/?timeline_period=all")
        expect(page.get_by_role("dialog")).to_have_count(0)  # no "Page not found" box from Streamlit
        expect_no_error_boxes(page)


TOOLBAR_CLEARANCE = """(frame) => {
  const toolbar = frame.querySelector('[data-testid=stElementToolbar]').getBoundingClientRect();
  const section = frame.closest('[data-testid=stExpander]');
  const above = section ? section.querySelector('summary') : [...document.querySelectorAll('h2')].filter(
    (h) => h.getBoundingClientRect().bottom <= frame.getBoundingClientRect().top).pop();
  return above.getBoundingClientRect().bottom - toolbar.top;
}"""


@pytest.mark.browser
def test_a_tables_toolbar_never_covers_the_heading_above_it(browser, app_url):
    with fresh_page(browser, PHONE) as page:
        open_idle(page, f"{app_url}/defence")
        section = page.locator("[data-testid=stExpander]").filter(has_text="chart as PNG or SVG").first
        section.get_by_text("chart as PNG or SVG").click()
        frames = [section.locator("[data-testid=stDataFrame]").first]
        open_idle(page2 := page.context.new_page(), f"{app_url}/sources")
        frames.append(page2.locator("[data-testid=stDataFrame]").first)
        for frame in frames:
            frame.hover()
            expect(frame.locator("[data-testid=stElementToolbar]")).to_be_visible()
            assert frame.evaluate(TOOLBAR_CLEARANCE) <= 0  # the toolbar starts below the heading's bottom edge
