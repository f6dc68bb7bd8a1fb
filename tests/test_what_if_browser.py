"""The what-if loop in Chromium: a shared link answers on the first screen, a key press moves the figures and the
address bar, the copied link reopens the same view in a fresh browser, and old /trade links land here."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_helpers import (
    DESKTOP,
    PHONE,
    expect_no_error_boxes,
    fresh_page,
    metric_card,
    metric_value,
    open_idle,
    settle,
    slider,
)
from playwright.sync_api import Page, expect

from components.core import pages

pytestmark = pytest.mark.browser
TOTAL, BALANCE = "Total trade in 2030", "Trade balance in 2030"
SCENARIO = "what-if?export_growth=15&import_growth=-5"


def bottom_of(page: Page, locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"] + box["height"]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1366, "height": 900}], ids=["390x844", "1366x900"])
def test_a_shared_scenario_answers_on_the_first_screen(browser, app_url, viewport):
    with fresh_page(browser, viewport) as page:
        open_idle(page, f"{app_url}/{SCENARIO}")
        sentence = page.get_by_text(re.compile(r"^In this scenario India–Russia trade reaches US\$ 53\.0 bn"))
        first_screen = [sentence, metric_card(page, TOTAL), metric_card(page, BALANCE), slider(page, "Export growth")]
        first_screen.append(page.locator("[data-testid=stSlider]").filter(has_text="Import growth"))
        for element in first_screen:
            expect(element).to_be_visible()
            assert bottom_of(page, element) <= viewport["height"], element
        assert metric_value(page, TOTAL) == "US$ 53.0 bn"
        expect_no_error_boxes(page)


def test_a_key_press_moves_the_figures_and_the_address_and_the_address_reopens_them(page, app_url, browser):
    open_idle(page, f"{app_url}/{SCENARIO}")
    before = metric_value(page, TOTAL)
    thumb = slider(page, "Export growth")
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"export_growth=16(&|$)"), timeout=20_000)
    expect(metric_card(page, TOTAL)).not_to_contain_text(before)
    settle(page)
    # the page reruns alone (a fragment): what follows the sliders moves too, and the app's frame stays
    expect(page.get_by_test_id("share-link")).to_contain_text("export_growth=16&")
    expect(page.get_by_text("The address bar holds this view", exact=False)).to_be_visible()
    shown, balance = metric_value(page, TOTAL), metric_value(page, BALANCE)
    with fresh_page(browser) as other:
        open_idle(other, page.url)
        assert (metric_value(other, TOTAL), metric_value(other, BALANCE)) == (shown, balance)
        assert slider(other, "Export growth").input_value() == "16"
        expect_no_error_boxes(other)


def test_the_address_bar_holds_the_link_the_copy_button_copies_and_the_embed_code_a_compact_frame(browser, app_url):
    with fresh_page(browser, DESKTOP, permissions=["clipboard-read", "clipboard-write"]) as page:
        open_idle(page, f"{app_url}/{SCENARIO}&pharma_capture=4")
        page.get_by_role("button", name="Copy link").click()
        expect(page.get_by_role("status")).to_have_text("Link copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        wanted = {"base": ["2025-26"], "export_growth": ["15"], "import_growth": ["-5"], "pharma_capture": ["4"]}
        assert parse_qs(urlparse(copied).query) == wanted
        thumb = slider(page, "Import growth")
        thumb.focus()
        thumb.press("ArrowRight")
        expect(page).to_have_url(re.compile(r"import_growth=-4(&|$)"), timeout=20_000)
        settle(page)
        page.get_by_role("button", name="Copy link").click()
        moved = page.evaluate("navigator.clipboard.readText()")
        assert (
            parse_qs(urlparse(page.url).query) == parse_qs(urlparse(moved).query) == wanted | {"import_growth": ["-4"]}
        )
        shown = metric_value(page, TOTAL)
        page.get_by_role("button", name="Copy embed code").click()
        expect(page.get_by_role("status")).to_have_text("Embed code copied.")
        embed = page.evaluate("navigator.clipboard.readText()")
        assert embed.startswith('<iframe src="') and "embed=true" in embed and "<script" not in embed
        assert 'height="450"' in embed and "engineering_capture" not in embed  # only what differs, and the base
    with fresh_page(browser) as other:
        open_idle(other, moved)
        assert metric_value(other, TOTAL) == shown
        expect_no_error_boxes(other)


def test_an_old_trade_link_lands_on_the_what_if_with_the_same_figures(page, app_url):
    open_idle(page, f"{app_url}/trade?export_growth=15&import_growth=-5")
    expect(page).to_have_url(re.compile(r"/what-if\?export_growth=15&import_growth=-5&base=2025-26$"), timeout=20_000)
    expect(page.get_by_role("heading", name="Trade what-if")).to_be_visible()
    assert metric_value(page, TOTAL) == "US$ 53.0 bn"
    expect_no_error_boxes(page)


def test_a_preset_and_a_pinned_scenario_go_into_the_link(page, app_url, browser):
    open_idle(page, f"{app_url}/what-if")
    page.get_by_role("radio", name="Meets the target").click()
    expect(page).to_have_url(re.compile(r"export_growth=14&import_growth=14$"), timeout=20_000)
    settle(page)
    page.get_by_role("button", name="Pin this scenario as A").click()
    expect(page).to_have_url(re.compile(r"compare_export_growth=14"), timeout=20_000)
    settle(page)
    thumb = slider(page, "Import growth")
    thumb.focus()
    thumb.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"import_growth=13(&|$)"), timeout=20_000)
    settle(page)
    assert "compare_import_growth=14" in page.url
    with fresh_page(browser) as other:
        open_idle(other, page.url)
        table = other.get_by_test_id("answer-versus")  # A and B side by side on the first screen
        expect(table).to_contain_text("+14% / +14%")
        expect(table).to_contain_text("+14% / +13%")
        box = table.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844  # a phone's first screen
        expect_no_error_boxes(other)


@pytest.mark.parametrize(
    "path",
    [
        "what-if?export_growth=12&base=2025-26",
        "what-if?export_growth=12&compare_export_growth=3&base=2025-26",
        *(p.url_path for p in pages.PAGES if p is not pages.WHAT_IF),
    ],
)
def test_an_embed_shows_its_answer_and_chart_in_a_600_by_450_frame_with_a_link_back(browser, app_url, path):
    with fresh_page(browser, {"width": 600, "height": 450}) as page:
        open_idle(page, f"{app_url}/{path}&embed=true" if "?" in path else f"{app_url}/{path}?embed=true")
        chart = page.locator("[data-testid=stVegaLiteChart]").last
        expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
        back = page.get_by_role("link", name="Open in the India–Russia Partnership Explorer")
        for shown in (chart, back):
            box = shown.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 450, path  # no scrolling
        assert back.get_attribute("target") == "_blank"
        assert back.get_attribute("href").startswith(f"{app_url}/{path.split('?')[0]}")
        assert page.evaluate("document.documentElement.scrollHeight") <= 450  # nothing below the frame's edge
        if path.startswith("what-if"):  # the full page opens on the same scenarios
            linked = set(back.get_attribute("href").split("?")[1].split("&"))
            assert set(path.split("?")[1].split("&")) <= linked
        expect(page.locator("[data-testid=stSlider]")).to_have_count(0)  # no levers in a frame
        expect(page.get_by_text("Cite this page")).to_have_count(0)
        expect_no_error_boxes(page)
