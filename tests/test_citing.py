"""Citing and reusing: every page says how to cite the view the reader built, under a named licence, and every
download carries the same citation."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import PAGE_BY_SCRIPT, PAGES, open_page

from components.core import pages
from components.core.citing import LICENCE, LICENCE_URL, Citation
from components.store import exhibits
from components.store.data import data_version

SITE = "https://explorer.example.org"


def test_a_citation_reads_as_apa_and_bibtex():
    cited = Citation("Trade what-if", f"{SITE}/what-if?export_growth=12&base=2025-26", date(2026, 12, 6), "2026-12-06")
    assert cited.apa() == (
        "India–Russia Partnership Explorer. (2026). Trade what-if [Data set and interactive chart; data version "
        f"2026-12-06]. Retrieved 6 December 2026, from {SITE}/what-if?export_growth=12&base=2025-26"
    )
    entry = cited.bibtex()
    assert entry.startswith("@misc{india-russia-explorer-trade-what-if-2026-12-06,") and entry.endswith("}")
    assert "howpublished = {\\url{" + SITE in entry and "CC BY 4.0" in entry


@pytest.mark.parametrize("script", PAGES)
def test_every_page_ends_with_how_to_cite_it(script):
    app = open_page(script, ("cite-this",))
    apa, bibtex = (block.value for block in app.code[-2:])
    page = PAGE_BY_SCRIPT[script]
    assert apa.startswith(f"India–Russia Partnership Explorer. ({data_version()[:4]}). {page.title} [")
    assert f"/{page.url_path}" in apa and f"data version {data_version()}" in apa
    assert bibtex.startswith("@misc{") and LICENCE in bibtex
    assert any(LICENCE_URL in caption.value for caption in app.caption)


def test_a_citation_holds_the_view_the_reader_set():
    app = open_page(pages.DEFENCE.script, ("cite-this",), window="3", junk="<b>x</b>")
    apa = app.code[-2].value
    assert apa.endswith("/defence?window=3")  # the page's validated state, nothing else from the address
    what_if = open_page(pages.WHAT_IF.script, ("cite-this",), export_growth="12").code[-2].value
    assert what_if.endswith("/what-if?export_growth=12&base=2025-26")  # a scenario keeps its base year


def test_every_download_carries_the_citation_and_licence():
    exhibit = exhibits.rebuilt(pages.TRADE, "history", {})
    lines = exhibits.table_file(exhibit, "csv", SITE, date(2026, 12, 6)).decode("utf-8").splitlines()
    assert lines[1] == f"# Link: {SITE}/trade" and lines[2].startswith("# Cite as: India–Russia Partnership Explorer.")
    assert lines[3].startswith(f"# Licence: {LICENCE} ({LICENCE_URL})") and lines[4].startswith("fiscal_year,")
    body = json.loads(exhibits.table_file(exhibit, "json", SITE, date(2026, 12, 6)))
    assert body["cite"]["apa"] == lines[2].removeprefix("# Cite as: ") and body["licence"]["url"] == LICENCE_URL
    assert f"{SITE}/trade · India–Russia Partnership Explorer, {LICENCE}" in json.dumps(
        exhibits.framed(exhibit, SITE), ensure_ascii=False
    )
