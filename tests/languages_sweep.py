"""Every page in one language, as readers and link-preview bots meet it: each page opened from a plain link and
from links that set its controls and break them (so each notice is worded), its first screen, link preview and
preview card as the server builds them, and the 404 page. ``sweep`` returns every message asked for on the way;
the catalogue tool and tests/test_languages.py both use it."""

from __future__ import annotations

from conftest import PAGES, open_page

from components.core import i18n, pages
from components.server import first_screen, previews, web
from components.store.data import clear_all
from components.topics import mobility

LINKS = {
    "app_pages/what_if.py": (
        {"export_growth": "15", "import_growth": "-5"},
        {"export_growth": "15", "compare_export_growth": "30", "compare_import_growth": "0", "base": "2024-25"},
        {"export_growth": "70", "import_growth": "x", "pharma_capture": ["1", "2"], "base": "nope"},
        {"export_growth": "60", "import_growth": "30", "energy_change": "50"},
        {"export_growth": "-20", "import_growth": "-30"},
    ),
    "app_pages/overview.py": ({"timeline_period": "bad", "agreement_status": ["x", "signed"]},),
    "app_pages/defence.py": ({"period": ["2020", "2010"], "window": "2.5"},),
    "app_pages/sources.py": ({"source": "nope"},),
    "app_pages/mobility_tourism.py": (
        {"visitor_target": "1000", "visitor_growth": "10", "visitor_base": "rosstat-2023"},
        *({"worker_base": base} for base in mobility.WORKER_BASES),  # each opens the workers' what-if
    ),
}


def sweep(language: str) -> set[str]:
    """The messages asked for in ``language`` while every page, first screen, preview and the 404 page is built."""
    clear_all()  # every cache built afresh, so each message is asked for, whatever ran before in this process
    with i18n.recording() as asked:
        for page in PAGES:
            for query in ({}, *LINKS.get(page, ())):
                app = open_page(page, lang=language, **query)
                assert not app.exception, (page, query, [e.value for e in app.exception])
        with i18n.using(language):
            query = {"lang": [language]}
            for page in pages.PAGES:
                first_screen.rendition(page, query)
                previews.preview_for(page, query)
                previews.card_spec(page.script, previews.state_of(query) if page is pages.WHAT_IF else None)
            web.not_found_html()
            web.without_javascript()
        return set(asked)
