"""The Hindi and Russian editions: every message translated, numbers and dates written each language's way, a shared
what-if link answered, changed and shared in its language, previews and the 404 page in it, every link keeping it,
and English unchanged."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest
import vl_convert
from browser_helpers import DESKTOP, PHONE, expect_no_error_boxes, fresh_page, open_idle, slider
from conftest import ROOT, answer, component_data, open_page
from hypothesis import given
from hypothesis import strategies as st
from languages_sweep import sweep
from PIL import Image
from playwright.sync_api import expect
from test_accessibility import violations
from test_reading import CUT_OFF, PAGE_HEIGHT, READING_BUDGET
from test_server import fetch_bytes

from components.core import i18n, outlines, pages
from components.core.formatting import day_label, figure_phrase, fmt_bn, fmt_pct_change, md
from components.core.scenario import Levers, project
from components.core.what_if_state import WhatIfState, migrated
from components.server import previews
from components.store import exhibits, prepared, url_state
from components.topics import what_if
from components.topics.provenance import UNDATED

WHAT_IF = "app_pages/what_if.py"
LINK = {"export_growth": "15", "import_growth": "-5"}
OTHERS = ("hi", "ru")
FIELD = re.compile(r"\{(\w*)\}")
LINK_CUT = """() => [...document.querySelectorAll('[data-testid=stMain] a *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""
"""The words of every link on the page that are wider than their box (cut off)."""


def catalogue_tool():
    """scripts/catalogues.py, the tool that keeps the catalogues complete, as a module."""
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_language(language: str, english: str) -> str:
    with i18n.using(language):
        return i18n.tr(english)


def scenario_total(levers: Levers, language: str) -> str:
    """The 2030 total of a scenario from the current base, written as the language writes money."""
    base = prepared.what_if_inputs().bases[url_state.declared(pages.WHAT_IF)["base"].default]
    with i18n.using(language):
        return fmt_bn(project(base, levers)["total_bn"].iloc[-1], 1)


# --- Catalogues -----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", OTHERS)
def test_every_message_the_app_words_is_translated_with_the_same_placeholders(language):
    """Each message in the code (``tr``/``mark``) and each asked for while every page, first screen, preview and
    the 404 page is built in the language has a translation, not fuzzy, with the same ``{placeholders}``; the
    catalogue compiles without Babel's checks failing."""
    tool = catalogue_tool()
    messages = tool.literal_messages() | sweep(language)
    catalog = tool.read(language)
    assert tool.untranslated(catalog, messages) == []
    wrong = [m.id for m in catalog if m.id and sorted(FIELD.findall(m.string)) != sorted(FIELD.findall(m.id))]
    assert wrong == []
    assert [problem for problem in catalog.check()] == []


def test_the_catalogues_keep_to_the_glossarys_terms():
    """Every message whose English holds a glossary term (as a word) uses that term's word in both languages (a
    Russian stem covers its cases): one word for one thing throughout."""
    glossary = (ROOT / "locales" / "GLOSSARY.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z][^|]*?) \| ([^|]+?) \| ([^|]+?) \|$", glossary, re.MULTILINE)
    assert len(rows) >= 10
    tool = catalogue_tool()
    for column, language in ((1, "hi"), (2, "ru")):
        for entry in (m for m in tool.read(language) if m.id):
            english = FIELD.sub("", entry.id).lower()
            holds = [row for row in rows if re.search(rf"\b{re.escape(row[0])}\b", english)]
            missing = [row[0] for row in holds if row[column].lower() not in entry.string.lower()]
            assert not missing, (language, entry.id, missing)


# --- Numbers and dates ----------------------------------------------------------------------------
LETTERS = {"hi": re.compile("[\u0900-\u097f]"), "ru": re.compile("[а-яё]", re.IGNORECASE)}
"""A letter of the language's own script: Devanagari for Hindi, Cyrillic for Russian."""


def in_order(block) -> list:
    """A run's elements in the order the page shows them, closed sections as their expanders (not their insides)."""
    found = []
    for child in getattr(block, "children", {}).values():
        found.append(child)
        if type(child).__name__ != "Expander":
            found += in_order(child)
    return found


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("page", [p.script for p in pages.PAGES])
def test_what_a_page_shows_with_its_sections_closed_is_in_the_readers_language(page, language):
    """Each section's lead (the paragraph under its heading), the header row of each short table, each caption and
    the title of each closed section are in Hindi or Russian, not English: only the detail inside a section and the
    data's own words are left in English, as the note under the first screen says."""
    shown = in_order(open_page(page, lang=language).main)
    kinds = [type(element).__name__ for element in shown]
    leads = [shown[i + 1].value for i, kind in enumerate(kinds[:-1]) if kind == "Header" and kinds[i + 1] == "Markdown"]
    tables = [e.value.splitlines()[0] for e in shown if type(e).__name__ == "Markdown" and e.value.startswith("|")]
    titles = [e.label for e in shown if type(e).__name__ == "Expander"]
    captions = [e.value for e in shown if type(e).__name__ == "Caption"]  # under charts, tables and cards
    assert titles and captions, page
    english = [text for text in leads + tables + titles + captions if not LETTERS[language].search(text)]
    assert english == []


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("page", [pages.OVERVIEW.script, pages.TRADE.script])
def test_the_agreements_and_targets_tables_name_and_place_each_row_in_the_readers_language(page, language):
    """The Overview's agreements and Trade's targets, as a phone shows them first: each row's name and status are in
    Hindi or Russian (the words come from the data, and the catalogues translate each)."""
    shown = in_order(open_page(page, lang=language).main)
    tables = [e.value.splitlines() for e in shown if type(e).__name__ == "Markdown" and e.value.startswith("|")]
    named = tables[-1]  # the page's last short table: the agreements, the targets
    cells = [line.strip("|").split(" | ")[:2] for line in named[2:]]
    assert len(cells) >= 5
    assert [cell for row in cells for cell in row if not LETTERS[language].search(cell)] == []


@pytest.mark.parametrize("language", OTHERS)
def test_trades_composition_names_its_goods_in_the_readers_language(language):
    """Each flow and year of 'What India buys and sells' names its goods chapters in Hindi or Russian ('HS31
    Удобрения'), the HS code kept as written."""
    with i18n.using(language):
        view, shown = prepared.trade_page()
        for key in view.compositions:
            chapters = shown[key].for_streamlit()["layer"][0]["encoding"]["y"]["sort"]
            assert len(chapters) >= 5 and all(LETTERS[language].search(chapter) for chapter in chapters), (
                key,
                chapters,
            )


@pytest.mark.parametrize("language", OTHERS)
def test_the_maps_key_names_the_routes_in_the_readers_language(language):
    """The map's key names each route in Hindi or Russian ('Северный морской путь')."""
    with i18n.using(language):
        key = prepared.route_map("all").key
    names = [row["route"] for rows in key.tables().values() for row in rows]
    assert len(names) == 4 and all(LETTERS[language].search(name) for name in names), names


@pytest.mark.parametrize("language", OTHERS)
def test_the_sources_pages_tables_head_their_columns_in_the_readers_language(language):
    """The catalogue, the citations and the disagreements: every column a reader sees is headed in Hindi or
    Russian ('Файл данных'), whether the page names it or the table's own readable name does."""
    tables = open_page(pages.SOURCES.script, lang=language).dataframe
    headers = [c["label"] for t in tables for c in json.loads(t.proto.columns).values() if c.get("label")]
    assert len(tables) == 3 and len(headers) >= 15
    assert [header for header in headers if not LETTERS[language].search(header)] == []


@pytest.mark.parametrize("language", OTHERS)
def test_the_map_names_its_places_in_the_readers_language(language):
    """The places the map names beside their points (Moscow, Mumbai, Rotterdam…) are written in Hindi or Russian."""
    with i18n.using(language):
        tables = prepared.route_map("all").tables()
    names = [row["short_name"] for rows in tables.values() for row in rows if row.get("short_name")]
    assert len(names) >= 10 and all(LETTERS[language].search(name) for name in names), names


@pytest.mark.parametrize("language", OTHERS)
def test_mobilitys_charts_name_their_measures_in_the_readers_language(language):
    """Each mobility chart's key names its measures in Hindi or Russian ('Поездки индийцев в Россию (посольство
    Индии, все цели)'), while its CSV keeps the file's own words."""
    with i18n.using(language):
        for name in prepared.MEASURE_GROUPS:
            table, chart = prepared.mobility_page().groups[name]
            keys = [layer["encoding"]["color"]["scale"]["domain"] for layer in chart.for_streamlit()["layer"]]
            assert keys and all(LETTERS[language].search(measure) for key in keys for measure in key), (name, keys)
            assert not any(LETTERS[language].search(measure) for measure in table["measure"])


@pytest.mark.parametrize("language", OTHERS)
def test_what_russia_supplies_names_its_kinds_of_weapon_in_the_readers_language(language):
    """The Defence chart of Russia's deliveries names each kind of weapon in Hindi or Russian ('Авиация')."""
    with i18n.using(language):
        chart = prepared.defence_page()["categories"][1]
        kinds = {row["category"] for rows in chart.tables().values() for row in rows}
    assert len(kinds) >= 5 and all(LETTERS[language].search(kind) for kind in kinds), kinds


@pytest.mark.parametrize("language", OTHERS)
def test_the_sources_choice_offers_all_sources_in_the_readers_language(language):
    """The Sources page's choice of source opens on 'All sources' in Hindi or Russian; each source keeps its own
    publisher and title."""
    choice = open_page(pages.SOURCES.script, lang=language).selectbox[0]
    english = open_page(pages.SOURCES.script).selectbox[0]
    assert LETTERS[language].search(choice.options[0]) and choice.value == "all"
    assert choice.options[1:] == english.options[1:] and len(choice.options) > 20


@pytest.mark.parametrize("language", OTHERS)
def test_the_defence_finding_dates_sipris_edition_in_the_readers_language(language):
    """The Defence page's finding names SIPRI's newest edition with its day of publication written in Hindi or
    Russian, as every other date on the page is."""
    shown = open_page(pages.DEFENCE.script, lang=language).markdown
    finding = next(m.value for m in shown if "SIPRI Trends" in m.value)
    published = re.search(r"SIPRI Trends \d{4} \\?\(([^)\\]*)", finding).group(1)  # Markdown escapes its brackets
    assert LETTERS[language].search(published), finding


@pytest.mark.parametrize("language", OTHERS)
def test_defences_platforms_table_gives_each_status_and_its_date_in_the_readers_language(language):
    """Defence's platforms table: each platform's status is in Hindi or Russian (a later report by a weak source
    too), and a status none of whose sources is dated says 'source undated' in the language."""
    shown = open_page(pages.DEFENCE.script, lang=language).markdown
    with i18n.using(language):
        platform, undated = i18n.tr("Platform"), i18n.tr(UNDATED)
    table = next(m.value for m in shown if m.value.startswith(f"| {platform} |")).splitlines()
    statuses = [row.strip("| ").split(" | ")[1] for row in table[2:]]
    assert len(statuses) >= 8 and [s for s in statuses if not LETTERS[language].search(s)] == []
    assert undated != UNDATED and undated in "\n".join(table) and UNDATED not in "\n".join(table)


def test_each_language_writes_money_numbers_and_dates_its_own_way():
    assert fmt_bn(48.7, 1) == "US$ 48.7 bn" and day_label(date(2025, 12, 5)) == "5 Dec 2025"  # English unchanged
    with i18n.using("ru"):
        assert fmt_bn(48.7, 1) == "48,7\u00a0млрд долл. США"
        assert fmt_bn(-1234.5, 1) == "−1\u00a0234,5\u00a0млрд долл. США"
        assert figure_phrase(60000, "visitors", "about") == "около 60\u00a0000 посетителей"
        assert fmt_pct_change(-0.129) == "минус 12,9\u00a0%"
        assert day_label(date(2025, 12, 5)) == "5 дек. 2025" and day_label(date(2025, 12, 5), "month") == "дек. 2025"
        assert i18n.country("France") == "Франция" and i18n.country("United States") == "США"  # CLDR's; short
        assert i18n.country("unknown supplier(s)") == "unknown supplier(s)"  # a name CLDR does not know stays
    with i18n.using("hi"):
        assert figure_phrase(125000, "visitors") == "1,25,000 यात्री"  # Indian grouping
        assert fmt_bn(48.7, 1) == "US$ 48.7 अरब"
        assert day_label(date(2025, 12, 5)) == "5 दिस॰ 2025"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3), st.sampled_from(OTHERS))
def test_a_number_keeps_its_digits_in_every_language(value, digits, language):
    """Only separators change: read back, a Russian or Hindi number is Python's own rounding of the value."""
    with i18n.using(language):
        written = i18n.number(value, digits)
    read = written.replace("\u00a0", "").replace(",", "." if language == "ru" else "")
    assert Decimal(read) == Decimal(f"{abs(value):.{digits}f}")


# --- A shared what-if link ------------------------------------------------------------------------
@pytest.mark.parametrize("language", OTHERS)
def test_a_shared_what_if_link_answers_in_the_readers_language(language):
    """The verdict, cards, title and controls in the language, with the model's figure in its way of writing it;
    the share panel, the CSV link and the page's other links keep the language."""
    app = open_page(WHAT_IF, **LINK, lang=language)
    assert not app.exception
    shown = answer(app)
    total = scenario_total(Levers(export_growth=15, import_growth=-5), language)
    assert total in shown["sentence"] and shown["sentence"].startswith(
        in_language(language, "In this scenario India–Russia trade reaches {total} in FY2029-30").format(total=total)
    )
    assert shown["cards"][0]["label"] == in_language(language, "Total trade in 2030")
    assert app.title[0].value == in_language(language, what_if.TITLE)
    assert app.slider(key="export_growth").label.startswith(in_language(language, "Export growth, India → Russia"))
    share = component_data(app, "india_russia_share_panel")
    assert share["target"].endswith(f"&lang={language}") and share["words"]["copy_link"] != "Copy link"
    assert all(f"lang={language}" in button.proto.url for button in app.get("link_button"))


def test_an_unknown_language_falls_back_to_english_with_a_notice():
    app = open_page("app_pages/overview.py", lang="xx")
    assert app.title[0].value == "India and Russia, a year after the summit"
    notice = "'lang=xx' is not one of en, hi, ru; using the default, en."
    assert f"Link parameter: {md(notice)}" in [w.value for w in app.warning]
    assert answer(open_page(WHAT_IF, **LINK, lang="<b>ru</b>"))["sentence"].startswith("In this scenario")


def test_links_the_app_writes_keep_the_language_and_english_links_stay_as_they_were():
    state = WhatIfState("2025-26", Levers(export_growth=15))
    assert state.to_query() == "base=2025-26&export_growth=15"
    old = {"export_growth": ["15"], "lang": ["hi"], "flow": ["exports"]}  # a what-if link from before its own page
    assert migrated("/trade", old) == ("/what-if", {"export_growth": ["15"], "lang": ["hi"]})
    with i18n.using("ru"):
        assert state.to_query() == "base=2025-26&export_growth=15&lang=ru"
        assert exhibits.what_if_path(state).address("png").endswith("&lang=ru")
        assert url_state.query_for(pages.DEFENCE, {"window": 3}) == "window=3&lang=ru"
        assert previews.image_address(pages.WHAT_IF, {"lang": ["ru"]}).endswith("&lang=ru")


def test_each_language_keeps_its_own_prepared_pages_and_previews():
    """The caches are keyed by the language: a page prepared, or a preview built, in Russian is never served in
    English, nor the other way round."""
    for _ in range(2):
        for language in ("ru", "en", "hi"):
            with i18n.using(language):
                assert prepared.trade_first_screen().title.startswith(in_language(language, "Trade"))
                preview = previews.page_preview(pages.DEFENCE.script)
                assert preview.title.startswith(in_language(language, "Defence"))


# --- What the server sends --------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("language", OTHERS)
def test_the_served_page_its_preview_and_the_404_page_speak_the_language(app_url, language):
    """``<html lang>``, ``og:locale``, the preview's title and description, its image address, the first screen's
    answer and the 404 page, all in the language; the preview image is a 1200×630 card."""
    status, _, body = fetch_bytes(f"{app_url}/what-if?export_growth=15&import_growth=-5&lang={language}")
    html = body.decode()
    head = html.split("</head>")[0]
    total = scenario_total(Levers(export_growth=15, import_growth=-5), language)
    assert status == 200 and f'<html lang="{language}"' in html
    assert f'property="og:locale" content="{i18n.LOCALES[language]}"' in head
    title = in_language(language, "Trade what-if: {total} by FY2029-30?").format(total=total)
    assert f'property="og:title" content="{title}' in head
    image = re.search(r'property="og:image" content="([^"]+)"', head).group(1).replace("&amp;", "&")
    assert image.endswith(f"&lang={language}")
    assert total in html.split('id="first-screen"')[1].split("</div>")[0]
    status, _, png = fetch_bytes(image)
    assert status == 200 and Image.open(io.BytesIO(png)).size == (1200, 630)
    status, _, missing = fetch_bytes(f"{app_url}/no-such-page?lang={language}")
    assert status == 404 and f"<h1>{in_language(language, 'Page not found')}</h1>" in missing.decode()
    assert f'href="/trade?lang={language}"' in missing.decode()


def test_a_hindi_image_draws_its_words_shaped_not_letter_by_letter():
    """Hindi text in an image becomes HarfBuzz-shaped outlines (the renderer would misplace vowel signs): no text
    is left for the renderer, and in 'कि' the vowel sign is drawn before its consonant."""
    with i18n.using("hi"):
        spec = previews.card_spec(pages.WHAT_IF.script, previews.state_of({"export_growth": ["15"]}))
    svg = vl_convert.vegalite_to_svg(spec)
    assert outlines.needs_outlines(svg) and "<text" not in outlines.outlined(svg)
    paths, _ = outlines._shaped("कि", bold=False, size=100)
    consonant, _ = outlines._shaped("क", bold=False, size=100)
    assert len(paths) == 2 and paths[1].split(' d="')[1] == consonant[0].split(' d="')[1]  # क drawn second
    assert not outlines.needs_outlines(vl_convert.vegalite_to_svg(previews.card_spec(pages.DEFENCE.script, None)))


# --- In the browser ---------------------------------------------------------------------------------
@pytest.mark.browser
def test_a_russian_reader_opens_changes_and_shares_a_what_if_link_on_a_phone(browser, app_url):
    with fresh_page(browser, PHONE) as page:
        open_idle(page, f"{app_url}/what-if?export_growth=15&import_growth=-5&lang=ru")
        sentence = page.get_by_test_id("answer-sentence")
        expect(sentence).to_contain_text(scenario_total(Levers(15, -5), "ru"))
        expect(sentence).to_be_in_viewport()
        thumb = slider(page, "Рост экспорта")
        thumb.focus()
        thumb.press("ArrowRight")
        expect(sentence).to_contain_text(scenario_total(Levers(16, -5), "ru"))
        expect(page).to_have_url(re.compile(r"export_growth=16.*lang=ru|lang=ru.*export_growth=16"))
        expect(page.get_by_test_id("share-link")).to_contain_text("lang=ru", timeout=15_000)
        page.get_by_role("link", name="Оборона").last.click()
        expect(page).to_have_url(re.compile(r"/defence\?.*lang=ru"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Оборона")
        expect_no_error_boxes(page)


@pytest.mark.browser
def test_the_switcher_changes_the_language_and_the_navigation_keeps_it(browser, app_url):
    with fresh_page(browser, DESKTOP) as page:
        open_idle(page, f"{app_url}/trade")
        page.get_by_test_id("stSidebar").get_by_role("radio", name="हिन्दी").click()
        expect(page).to_have_url(re.compile(r"lang=hi"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("व्यापार")
        page.get_by_test_id("stTopNavLink").filter(has_text="रक्षा").click()
        expect(page).to_have_url(re.compile(r"/defence\?.*lang=hi"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("रक्षा")
        page.get_by_test_id("stSidebar").get_by_role("radio", name="English").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Defence")
        assert "lang=" not in page.url


@pytest.mark.browser
@pytest.mark.parametrize("language", OTHERS)
def test_every_page_reads_whole_in_the_language_on_a_phone_and_a_laptop(browser, app_url, language):
    """No card or link cut off, nothing wider than the screen, no error box, nothing axe-core finds against WCAG 2.2 AA,
    within six phone screens, as in English; the tab is named in the language."""
    site = re.compile(re.escape(in_language(language, "India–Russia Partnership Explorer")))
    with fresh_page(browser, PHONE) as page:
        for page_info in pages.PAGES:
            page.set_viewport_size(PHONE)
            open_idle(page, f"{app_url}/{'' if page_info is pages.PAGES[0] else page_info.url_path}?lang={language}")
            expect(page).to_have_title(site)
            page.wait_for_timeout(500)  # charts take their height
            screens = page.evaluate(PAGE_HEIGHT) / PHONE["height"]
            assert screens <= READING_BUDGET, f"{page_info.title} in {language}: {screens:.2f} screens"
            assert violations(page) == {}, page_info.title
            for viewport in (PHONE, DESKTOP):
                if viewport is DESKTOP:
                    page.set_viewport_size(viewport)
                    page.wait_for_timeout(300)  # the layout follows the new width
                expect_no_error_boxes(page)
                assert page.evaluate(CUT_OFF) == [] and page.evaluate(LINK_CUT) == [], (page_info.title, viewport)
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], page_info.title
