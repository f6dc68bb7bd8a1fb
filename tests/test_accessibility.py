"""WCAG 2.2 AA in Chromium, page by page: axe-core finds nothing at 390 and 1366 px with the sections closed and
opened; each page keeps its own document title; headings go down one level at a time; every chart has a text
alternative; every control shows the keyboard's focus."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import DESKTOP, PHONE, fresh_page, open_idle, settle
from playwright.sync_api import Page, expect

from components.core import pages

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
"""The axe-core rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA."""
AXE = Axe()
SUFFIX = " · India–Russia Partnership Explorer"


def address(app_url: str, page_info: pages.PageInfo) -> str:
    return f"{app_url}/{'' if page_info is pages.PAGES[0] else page_info.url_path}"


def violations(page: Page) -> dict[str, list]:
    """Each WCAG A/AA rule axe-core finds broken, with the first few elements that break it."""
    found = AXE.run(page, options=WCAG_AA).response["violations"]
    return {rule["id"]: [node["target"] for node in rule["nodes"][:3]] for rule in found}


CLICK_CLOSED = """() => { const closed = [...document.querySelectorAll(
  '[data-testid=stExpander] details:not([open]) > summary')]; closed.forEach(s => s.click()); return closed.length; }"""


def open_every_section(page: Page) -> int:
    """Open every closed section with a click on each, as a reader would, then the sections that opening showed
    (a section in a section); how many were opened."""
    opened, rounds = 0, 0
    while (clicked := page.evaluate(CLICK_CLOSED)) and rounds < 5:
        settle(page)
        expect(page.locator("[data-testid=stExpander] details[open] [data-testid=stSkeleton]")).to_have_count(0)
        opened, rounds = opened + clicked, rounds + 1
    expect(page.locator("[data-testid=stExpander] details:not([open])")).to_have_count(0)  # none left closed
    return opened


HEADINGS = """() => [...document.querySelectorAll(
  '[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3, [data-testid=stMain] h4'
  )].filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"""
CHART_NAMES = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]
  .map(c => [c.getAttribute('role'), c.getAttribute('aria-label') || ''])"""
FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }"""


@pytest.mark.parametrize("page_info", pages.PAGES, ids=[p.url_path for p in pages.PAGES])
def test_each_page_passes_axe_at_both_widths_with_its_sections_closed_and_opened(browser, app_url, page_info):
    with fresh_page(browser, PHONE) as page:
        open_idle(page, address(app_url, page_info))
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)
            assert violations(page) == {}, viewport
        opened = open_every_section(page)
        assert opened >= 2 or page_info is pages.SOURCES, opened  # the Sources page has no closed section
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)
            assert violations(page) == {}, ("sections opened", viewport)


def test_each_page_keeps_its_own_title_and_headings_in_order(browser, app_url):
    titles = []
    with fresh_page(browser, DESKTOP) as page:
        for page_info in pages.PAGES:
            open_idle(page, address(app_url, page_info))
            heading = page.locator("[data-testid=stMain] h1").first.inner_text()
            expect(page).to_have_title(
                re.compile(f"^{re.escape(heading)}.*{re.escape(SUFFIX)}$")
            )  # what-if: + its answer
            titles.append(page.title())
            levels = page.evaluate(HEADINGS)
            assert levels[0] == 1 and levels.count(1) == 1, (page_info.title, levels)
            assert all(after - before <= 1 for before, after in pairwise(levels)), (page_info.title, levels)
        assert len(set(titles)) == len(pages.PAGES)
        open_idle(page, f"{app_url}/what-if?export_growth=12")  # a scenario's tab says what the scenario reaches
        expect(page).to_have_title(re.compile(r"^Trade what-if: US\$ \d+(\.\d)? bn by FY2029-30\?" + SUFFIX))


@pytest.mark.parametrize("page_info", pages.PAGES[:-1], ids=[p.url_path for p in pages.PAGES[:-1]])
def test_every_chart_says_what_it_shows_to_a_screen_reader(browser, app_url, page_info):
    with fresh_page(browser, DESKTOP) as page:
        open_idle(page, address(app_url, page_info))
        expect(page.locator("[data-testid=stVegaLiteChart]").first).to_be_visible(timeout=30_000)
        for role, name in page.evaluate(CHART_NAMES):
            assert role == "graphics-document" and len(name) >= 40, name


def test_the_keyboard_sees_where_it_is_in_the_navigation_and_a_closed_menu_is_skipped(browser, app_url):
    with fresh_page(browser, DESKTOP) as page:
        open_idle(page, app_url)
        for _ in range(4):  # skip link, then the page links of the navigation
            page.keyboard.press("Tab")
            assert page.evaluate(FOCUS_RING), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    with fresh_page(browser, PHONE) as phone:
        open_idle(phone, app_url)
        phone.keyboard.press("Tab")
        phone.keyboard.press("Tab")  # past the skip link: the button that opens the page list, not a hidden link
        assert phone.evaluate("document.activeElement.dataset.testid") == "stExpandSidebarButton"
