"""Every chart and table a page offers downloads from a route that rebuilds it from the link alone: the page links
to it, the route gives the same rows the page shows, and nothing in the address but the page's validated values
reaches a file."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from conftest import PAGE_BY_SCRIPT, PAGES, open_fully, open_page

from components.core import pages
from components.store import exhibits, url_state

JUNK = "x" * 50_000
SITE = "https://explorer.example.org"
DAY = date(2026, 12, 6)
CITATION_LINES = 4  # what the file is, its link, how to cite it, its licence


def offered(app) -> dict[str, str]:
    """The page's download links to chart and table routes, by label and address."""
    return {
        f"{button.proto.label} {button.proto.url}": button.proto.url
        for button in app.get("link_button")
        if button.proto.url.startswith("api/v1/charts/")
    }


def rebuilt_from(address: str) -> tuple[exhibits.Exhibit, str]:
    """The exhibit a download link asks for, as the route rebuilds it, and the file kind."""
    parts = urlsplit(address)
    _, _, _, page_path, file = parts.path.split("/")
    name, _, kind = file.rpartition(".")
    found = exhibits.rebuilt(pages.at(page_path), name, parse_qs(parts.query, keep_blank_values=True))
    assert found is not None, address
    return found, kind


@pytest.mark.parametrize("script", PAGES)
def test_every_download_a_page_offers_is_a_route_that_rebuilds_it(script):
    links = offered(open_fully(script))
    page = PAGE_BY_SCRIPT[script]
    assert {rebuilt_from(a)[0].name for a in links.values()} == set(exhibits.names(page))  # no exhibit left out
    for address in links.values():
        exhibit, kind = rebuilt_from(address)
        assert exhibit.page == page and kind in ("csv", "png", "svg")
        if kind != "csv":
            assert exhibit.chart is not None


@pytest.mark.parametrize("script", PAGES)
def test_every_csv_download_holds_numbers_without_float_noise(script):
    for address in offered(open_fully(script)).values():
        exhibit, kind = rebuilt_from(address)
        if kind != "csv":
            continue
        text = exhibits.table_file(exhibit, "csv", SITE, DAY).decode("utf-8")
        assert not re.search(r"\d\.\d{7,}", text), (address, re.findall(r".{20}\d\.\d{7,}", text)[:3])
        assert not re.search(r"(?:^|,)(?:19|20)\d{2}\.0(?:,|$)", text, re.MULTILINE), address
        assert len(pd.read_csv(io.StringIO(text), skiprows=CITATION_LINES)) > 0, address


def test_a_download_follows_the_controls_the_reader_set():
    app = open_page(pages.DEFENCE.script, ("table-russia_share_of_india_arms_imports",), window="3")
    (address,) = [a for a in offered(app).values() if "/russia-share.csv" in a]
    exhibit, _ = rebuilt_from(address)
    assert "window=3" in address and exhibit.query == "window=3"
    rows = pd.read_csv(
        io.StringIO(exhibits.table_file(exhibit, "csv", SITE, DAY).decode("utf-8")), skiprows=CITATION_LINES
    )
    assert not rows.empty and {"year", "source"} <= set(rows.columns)


def test_a_what_if_chart_download_is_the_scenario_on_the_page():
    app = open_page(pages.WHAT_IF.script, ("table-india_russia_trade_what_if",), export_growth="12", import_growth="-5")
    (address,) = [a for a in offered(app).values() if "/path.csv" in a]
    exhibit, _ = rebuilt_from(address)
    rows = pd.read_csv(
        io.StringIO(exhibits.table_file(exhibit, "csv", SITE, DAY).decode("utf-8")), skiprows=CITATION_LINES
    )
    assert "export_growth=12" in address and "import_growth=-5" in address
    assert rows["fiscal_year"].iloc[-1] == "2029-30" and "TRADESTAT" in rows["source"].iloc[0]


def test_junk_in_a_link_reaches_no_file():
    link = {"window": ["3"], "period": ["2010", "2020"]}
    clean = exhibits.rebuilt(pages.DEFENCE, "supply", link)
    junk = exhibits.rebuilt(pages.DEFENCE, "supply", {**link, "junk": [JUNK], "suppliers": ["Atlantis"]})
    assert exhibits.framed(junk, SITE) == exhibits.framed(clean, SITE)
    assert exhibits.table_file(junk, "json", SITE, DAY) == exhibits.table_file(clean, "json", SITE, DAY)
    assert "xxxxxxxxxx" not in json.dumps(exhibits.framed(junk, SITE))
    assert f"{SITE}/defence?period=2010&period=2020" in json.dumps(exhibits.framed(clean, SITE))


def test_a_tables_json_gives_numbers_as_numbers_with_its_caption_and_page():
    exhibit = exhibits.rebuilt(pages.TRADE, "history", {})
    body = json.loads(exhibits.table_file(exhibit, "json", SITE, DAY))
    assert body["page"] == f"{SITE}/trade" and "TRADESTAT" in body["caption"]
    assert isinstance(body["rows"][0]["total_bn"], float) and isinstance(body["rows"][0]["source"], str)


def test_an_exhibit_the_page_does_not_have_is_none():
    assert exhibits.rebuilt(pages.TRADE, "supply", {}) is None
    assert pages.at("nowhere") is None


def test_a_links_query_leaves_out_defaults_and_keeps_declaration_order():
    assert url_state.query_for(pages.DEFENCE, {"window": 5, "suppliers": ["Russia"], "period": (2010, 2020)}) == (
        "period=2010&period=2020&suppliers=Russia"
    )
