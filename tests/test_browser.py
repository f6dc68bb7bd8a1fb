"""What only a browser shows: charts drawn, the address bar, a shared link, no error boxes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from browser_helpers import (
    clicked_download,
    drawn_charts,
    expect_no_error_boxes,
    fresh_page,
    metric_card,
    metric_value,
    open_idle,
    settle,
    slider,
)
from PIL import Image
from playwright.sync_api import expect

from components.core import charts

pytestmark = pytest.mark.browser
TOTAL_2030 = "Total trade in 2030"


def test_trade_page_draws_every_chart_without_errors(page, app_url):
    open_idle(page, f"{app_url}/trade")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(4, timeout=30_000)
    for index in range(4):
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible(timeout=30_000)
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
    expect_no_error_boxes(page)
    assert metric_value(page, "Total (US$ bn)") == "59.86"  # the latest year, FY2025-26


def test_the_what_if_charts_draw_each_layer_from_its_own_data(page, app_url):
    open_idle(page, f"{app_url}/what-if?export_growth=12&compare_export_growth=3")
    page.get_by_text("Which growth rates reach the target?").click()
    projection, grid = drawn_charts(page, 2)
    assert projection["dashes"].count("6,4") == 3  # the what-if paths of total, exports and imports
    assert projection["dashes"].count("2,3") == 1  # scenario A's total
    assert projection["labels"] == ["Target: US$ 100 bn by 2030"]
    assert set(charts.MET_COLOURS.values()) <= set(grid["cells"])  # reached and not reached
    assert grid["cells"].count(None) == 1  # the one outlined cell: the reader's growth rates
    assert len(grid["labels"]) == 63 and all(label.isdigit() for label in grid["labels"])

    open_idle(page, f"{app_url}/mobility?worker_growth=10&visitor_target=6000")
    *_, visitors, workers = drawn_charts(page, 6)  # the workers' what-if, opened by its link, comes last
    for what_if in (workers, visitors):
        assert what_if["points"].count("#D55E00") == 1  # the cited starting figure, once
        assert "6,4" in what_if["dashes"]
    assert visitors["labels"] == ["Target: 6,000,000"]


def test_a_charts_csv_download_holds_its_table_with_sources(page, app_url):
    open_idle(page, f"{app_url}/what-if?export_growth=12")
    what_if = page.locator("[data-testid=stExpander]").filter(has_text="Table and CSV download").first
    what_if.get_by_text("Table and CSV download").first.click()
    download = clicked_download(page, what_if.get_by_role("link", name="Download CSV"))
    assert download.suggested_filename == "india_russia_trade_what_if.csv"
    lines = [line for line in Path(download.path()).read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    header = lines[0].split(",")
    assert {"fiscal_year", "total_bn", "source_id", "source"} <= set(header)
    assert len(lines) == 6  # FY2025-26 to FY2029-30
    assert "TRADESTAT" in lines[1]
    expect_no_error_boxes(page)


def test_a_charts_png_and_svg_downloads_carry_its_title_source_and_the_readers_link(page, app_url):
    open_idle(page, f"{app_url}/defence?window=3")
    section = page.locator("[data-testid=stExpander]").filter(has_text="chart as PNG or SVG").nth(1)
    section.get_by_text("chart as PNG or SVG").click()
    png = clicked_download(page, section.get_by_role("link", name="Download chart (PNG)"))
    image = Image.open(png.path())
    assert image.format == "PNG" and image.width >= 1500 and image.height >= 600  # drawn at twice its size
    svg = clicked_download(page, section.get_by_role("link", name="Download chart (SVG)"))
    drawn = Path(svg.path()).read_text(encoding="utf-8")
    assert drawn.startswith("<svg") and "SIPRI" in drawn and f"{app_url}/defence?window=3" in drawn
    expect_no_error_boxes(page)


def test_a_deep_link_as_a_servers_first_visit_gets_the_whole_app(page, fresh_app_url):
    open_idle(page, f"{fresh_app_url}/sources")
    expect(page.get_by_role("heading", name="Sources", exact=True)).to_be_visible()
    navigation = page.locator("[data-testid=stTopNavLink]")
    expect(navigation).to_have_count(7)
    expect(navigation.first).to_contain_text("Overview")
    expect(page.get_by_text("The address bar holds this view", exact=False)).to_be_visible()


def test_a_deep_link_asks_for_the_server_at_the_apps_root_only(page, app_url):
    asked = []
    page.on("request", lambda request: asked.append(urlparse(request.url).path))
    open_idle(page, f"{app_url}/what-if?export_growth=7")
    expect(page.locator("[data-testid=stSlider]").first).to_be_visible()
    assert "/_stcore/health" in asked and "/_stcore/host-config" in asked
    assert not [path for path in asked if path.startswith("/what-if/")]  # no guess at /what-if/_stcore/... first


def test_sources_page_shows_its_tables_without_errors(page, app_url):
    open_idle(page, f"{app_url}/sources")
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(3, timeout=30_000)
    expect(page.get_by_role("heading", name="Where sources disagree")).to_be_visible()
    page.get_by_text("SIPRI shares revised between report editions").click()  # a section built when opened
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(4, timeout=30_000)
    expect_no_error_boxes(page)


def test_a_hostile_link_gives_a_notice_and_renders_no_markup(page, app_url):
    open_idle(page, f"{app_url}/what-if?export_growth=%3Cimg%20src%3Dx%20id%3Dinjected%3E&import_growth=-3")
    notice = page.locator("[data-testid=stAlert]").filter(has_text="export_growth")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("<img src=x id=injected>")
    expect(page.locator("#injected")).to_have_count(0)
    expect_no_error_boxes(page)
    assert slider(page, "Import growth").input_value() == "-3"


def test_an_address_or_e_mail_in_a_link_is_shown_as_text_never_as_a_link(page, app_url):
    hostile = {
        "export_growth": "https://evil-example.com/login",
        "import_growth": "www.evil-example.com",
        "pharma_capture": "reader@evil-example.com",
    }
    open_idle(page, f"{app_url}/what-if?{urlencode(hostile)}")
    notices = page.locator("[data-testid=stAlert]")
    expect(notices.filter(has_text="evil-example")).to_have_count(3)
    expect(notices.locator("a")).to_have_count(0)  # no autolink, no mailto
    shown = notices.filter(has_text="export_growth").inner_text().replace("\u2060", "")  # an invisible word joiner
    assert "https://evil-example.com/login" in shown  # the address as the reader wrote it, to read, not to click


def test_overview_draws_the_timeline_and_links_to_the_trade_page(page, app_url):
    open_idle(page, app_url)
    expect(page.get_by_role("heading", name="India and Russia, a year after the summit")).to_be_visible()
    chart = page.locator("[data-testid=stVegaLiteChart]")
    expect(chart).to_have_count(1, timeout=30_000)
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect_no_error_boxes(page)
    page.locator("[data-testid=stMain]").get_by_role("link", name="Trade", exact=True).first.click()  # under the cards
    expect(page).to_have_url(re.compile(r"/trade$"), timeout=20_000)
    expect(page.get_by_role("heading", name=re.compile("^Trade: below the record"))).to_be_visible(timeout=30_000)


def test_an_overview_filter_goes_into_the_link_and_survives_a_fresh_browser(page, app_url, browser):
    open_idle(page, app_url)
    pills = page.locator("[data-testid=stButtonGroup]").filter(has_text="diplomacy")
    pills.get_by_role("button", name="diplomacy").click()
    expect(page).to_have_url(re.compile(r"timeline_domain="), timeout=20_000)
    settle(page)
    page.get_by_role("radio", name="All years").click()  # a choice in words beside a bound control
    expect(page).to_have_url(re.compile(r"timeline_period=all"), timeout=20_000)
    settle(page)
    shared_url = page.url
    assert "diplomacy" not in shared_url.split("timeline_domain", 1)[1] and "timeline_domain=" in shared_url

    with fresh_page(browser) as other:
        open_idle(other, shared_url)
        caption = other.get_by_text(re.compile(r"^\d+ dated events"))
        expect(caption).to_be_visible()
        expect(caption).to_have_text(page.get_by_text(re.compile(r"^\d+ dated events")).inner_text())
        expect_no_error_boxes(other)


def test_defence_page_draws_its_charts_and_shares_its_controls(page, app_url, browser):
    open_idle(page, f"{app_url}/defence?platform=S-400")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(4, timeout=30_000)
    for index in range(4):
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect_no_error_boxes(page)
    expect(page.get_by_role("heading", name="S-400 air defence system")).to_be_visible()
    window = slider(page, "Smoothing window")
    window.focus()
    window.press("ArrowLeft")
    window.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"window=3(&|$)"), timeout=20_000)
    settle(page)
    with fresh_page(browser) as other:
        open_idle(other, page.url)
        assert slider(other, "Smoothing window").input_value() == "3"
        expect(other.get_by_role("heading", name="S-400 air defence system")).to_be_visible()
        expect(other.get_by_text("over the 3 years to each year", exact=False)).to_be_visible()
        expect_no_error_boxes(other)


def test_mobility_page_draws_its_charts_and_its_what_if_follows_the_link(page, app_url, browser):
    open_idle(page, f"{app_url}/mobility")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(5, timeout=30_000)  # the workers' what-if waits in its closed section
    page.get_by_text("Indian workers in Russia: one measure grown to 2030").click()
    expect(charts).to_have_count(6, timeout=30_000)
    for index in range(6):
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect_no_error_boxes(page)
    workers = page.locator("[data-testid=stExpander]").filter(has_text="one measure grown to 2030")
    growth = workers.locator("[data-testid=stSlider]").filter(has_text="Annual growth").get_by_role("slider")
    growth.focus()
    for _ in range(3):
        growth.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"worker_growth=3(&|$)"), timeout=20_000)
    expect(metric_card(page, "Work permits issued to Indians, 2030 (scenario)")).not_to_contain_text("72,000")
    settle(page)
    shown = metric_value(page, "Work permits issued to Indians, 2030 (scenario)")
    with fresh_page(browser) as other:
        open_idle(other, page.url)
        expect(metric_card(other, "Work permits issued to Indians, 2030 (scenario)")).to_contain_text(shown)
        expect_no_error_boxes(other)


def test_connectivity_map_draws_offline_and_keeps_its_route_in_the_link(page, app_url, browser):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_idle(page, f"{app_url}/connectivity?route=emc")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(2, timeout=30_000)
    expect(charts.nth(1).locator("canvas, svg").first).to_be_visible(timeout=30_000)
    box = charts.nth(1).bounding_box()
    assert box and box["width"] > 600 and box["height"] > 300
    land = charts.nth(1).locator('path[fill="#E8E8E8"], path[fill="#e8e8e8"]')
    expect(land).to_have_count(177, timeout=30_000)  # every Natural Earth country, from this site's open data API
    assert f"{app_url}/api/v1/datasets/countries-110m.topojson" in requests
    opened = page.locator("[data-testid=stExpander] details[open] > summary")  # the chosen route's figures, open
    expect(opened.filter(has_text="Chennai–Vladivostok Eastern Maritime Corridor")).to_be_visible()
    expect_no_error_boxes(page)
    local = urlparse(app_url).netloc
    outside = [url for url in requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != local]
    assert outside == []
    page.get_by_role("radio", name="Northern Sea Route").click()  # words on the control, the code in the link
    expect(page).to_have_url(re.compile(r"route=nsr"), timeout=20_000)
    settle(page)
    chennai = page.get_by_role("radio", name="Chennai")
    chennai.scroll_into_view_if_needed()
    chennai.click()
    expect(page).to_have_url(re.compile(r"route=nsr.*origin=chennai|origin=chennai.*route=nsr"), timeout=20_000)
    with fresh_page(browser) as other:
        open_idle(other, page.url)
        expect(other.locator("details[open] > summary").filter(has_text="Northern Sea Route")).to_be_visible()
        expect(other.get_by_role("radio", name="Chennai")).to_be_checked()
        expect(other.locator("[data-testid=stVegaLiteChart]")).to_have_count(2, timeout=30_000)
        phone_map = other.locator("[data-testid=stVegaLiteChart]").nth(1)
        expect(phone_map.locator("svg").first).to_be_visible(timeout=30_000)
        box = phone_map.bounding_box()
        assert box and box["height"] <= 0.7 * box["width"]  # on a phone the map is as tall as its routes need
        expect_no_error_boxes(other)


def test_the_contents_line_is_on_a_phones_first_screen_and_each_link_jumps_to_its_section(browser, app_url):
    """On the longest page; tests/test_pages.py checks every long page's line links each of its sections."""
    with fresh_page(browser) as phone:  # 390 x 844
        open_idle(phone, f"{app_url}/trade")
        contents = phone.get_by_text("On this page:")
        expect(contents).to_be_in_viewport()
        last = contents.locator("xpath=..").get_by_role("link").last
        anchor = last.get_attribute("href").split("#", 1)[1]
        expect(phone.locator(f"#{anchor}")).not_to_be_in_viewport()
        last.click()
        expect(phone.locator(f"#{anchor}")).to_be_in_viewport()
        assert urlparse(phone.url).fragment == anchor
