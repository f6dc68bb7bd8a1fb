"""What the server answers before Streamlit does (``serve.py``): pages pass, old and sloppy page addresses redirect,
and an address that is no page gets a real "page not found" page, not Streamlit's blank one."""

from __future__ import annotations

import http.client
from urllib.parse import urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components import pages, web


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "", web.Answer("pass")),
        ("/trade", "", web.Answer("pass")),
        ("/what-if", "export_growth=5", web.Answer("pass")),
        ("/_stcore/health", "", web.Answer("pass")),
        ("/static/js/index.js", "", web.Answer("pass")),
        ("/favicon.png", "", web.Answer("pass")),
        ("/overview", "timeline_period=all", web.Answer("redirect", "/?timeline_period=all")),
        ("/overview/", "", web.Answer("redirect", "/")),
        ("/trade/", "flow=exports", web.Answer("redirect", "/trade?flow=exports")),
        ("/trade/extra", "", web.Answer("not found")),
        ("/nothing", "", web.Answer("not found")),
        ("//trade", "", web.Answer("not found")),
    ],
)
def test_each_address_is_passed_redirected_or_not_found(path, query, expected):
    assert web.answer(path, query) == expected


@given(st.text(max_size=60))
def test_any_path_gets_an_answer_and_redirects_stay_on_this_site(tail):
    decided = web.answer("/" + tail)
    assert decided.action in ("pass", "redirect", "not found")
    if decided.action == "redirect":
        assert decided.location.startswith("/") and not decided.location.startswith("//")


def test_the_not_found_page_links_every_page_and_echoes_nothing():
    page = web.not_found_html()
    for p in pages.PAGES[1:]:
        assert f'href="/{p.url_path}"' in page
    assert 'href="/"' in page and "{" not in page.split("</style>")[1]


def fetch(url: str) -> http.client.HTTPResponse:
    """One GET, redirects not followed."""
    parts = urlparse(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=20)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Accept": "text/html"})
    return connection.getresponse()


@pytest.mark.browser
def test_the_served_app_redirects_old_addresses_and_answers_unknown_ones_with_a_404(app_url):
    moved = fetch(f"{app_url}/overview?timeline_period=all")
    assert moved.status == 308 and moved.getheader("Location") == "/?timeline_period=all"
    missing = fetch(f"{app_url}/trade/extra")
    body = missing.read().decode()
    assert missing.status == 404 and "Page not found" in body and 'href="/what-if"' in body
    page = fetch(f"{app_url}/trade")
    assert page.status == 200 and "<noscript>" in page.read().decode()
