"""The What-if answer redrawn in the browser: its JavaScript model gives the server's words and figures for every
slider position (run in Chromium), and a key press shows the new answer before, or without, the server's rerun."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browser_helpers import expect_no_error_boxes, metric_card, metric_value, open_idle, slider
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect

from components.core import i18n
from components.core.formatting import fmt_bn, fmt_change_bn
from components.core.scenario import Levers
from components.core.what_if_state import LEVER_PARAMS, WhatIfState
from components.store import data, prepared
from components.topics import mobility, what_if
from components.ui.answer import COUNT_MODEL_JS, MODEL_JS

pytestmark = pytest.mark.browser
BASES = {b: what_if.scenario_base(data.load_scenario_bases(), b, data.load_figures()) for b in ("2024-25", "2025-26")}
EXPORT_GROWTH, IMPORT_GROWTH = LEVER_PARAMS[:2]


@pytest.fixture(scope="module")
def blank(browser) -> Iterator[Page]:
    """An empty page to run the answer's JavaScript in."""
    page = browser.new_page()
    yield page
    page.close()


def in_javascript(page: Page, function: str, cases: list) -> list:
    """``function`` of the answer's JavaScript model applied to each case's arguments."""
    return page.evaluate(f"(cases) => {{ {MODEL_JS}\n return cases.map((args) => {function}(...args)); }}", cases)


def server_texts(base_id: str, levers: Levers) -> dict:
    """The answer's sentence, values, deltas and their directions as the server words them."""
    shown = what_if.answer(BASES[base_id], WhatIfState(base_id, levers))
    return {
        "sentence": shown["sentence"],
        "values": [card["value"] for card in shown["cards"]],
        "directions": [card["direction"] for card in shown["cards"]],
        "deltas": [card["delta"] for card in shown["cards"]],
    }


def browser_texts(page: Page, base_id: str, levers: list[Levers]) -> list[dict]:
    shown = what_if.answer(BASES[base_id], WhatIfState(base_id))
    words, goal = shown["words"], shown["goal"]  # the words come from Python, with the answer's data
    return in_javascript(page, "answerTexts", [[shown["base"], vars(lever), goal, words] for lever in levers])


@pytest.mark.parametrize("base_id", BASES)
def test_every_position_of_the_growth_sliders_reads_as_the_server_words_it(blank, base_id):
    levers = [
        Levers(export_growth=x, import_growth=m)
        for x in range(EXPORT_GROWTH.low, EXPORT_GROWTH.high + 1)
        for m in range(IMPORT_GROWTH.low, IMPORT_GROWTH.high + 1)
    ]
    shown = browser_texts(blank, base_id, levers)
    wrong = [(lever, got) for lever, got in zip(levers, shown, strict=True) if got != server_texts(base_id, lever)]
    assert not wrong, f"{len(wrong)} positions differ, first: {wrong[0]}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    base_id=st.sampled_from(sorted(BASES)),
    values=st.tuples(*(st.integers(p.low, p.high) for p in LEVER_PARAMS)),
    language=st.sampled_from(sorted(i18n.LANGUAGES)),
)
def test_every_lever_reads_as_the_server_words_it_in_every_language(blank, base_id, values, language):
    levers = Levers(*values)
    with i18n.using(language):
        assert browser_texts(blank, base_id, [levers]) == [server_texts(base_id, levers)]


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_money_is_rounded_and_grouped_as_python_writes_it_even_on_exact_ties(blank, language):
    """Rounded as Python rounds, in the language's separators and grouping ('1,25,000.3' in Hindi, '5 000 000,0'
    in Russian)."""
    values = [0.25, 0.75, -0.25, -0.75, 1.25, 2.5, 0.05, -0.05, -0.04, 0.0, 99.95, 1234.25, -1234.75, 5.0e6, 125000.3]
    with i18n.using(language):
        words = what_if.answer_words()
        assert in_javascript(blank, "fmtBn", [[v, words] for v in values]) == [fmt_bn(v, 1) for v in values]
        assert in_javascript(blank, "fmtChangeBn", [[v, words] for v in values]) == [fmt_change_bn(v) for v in values]


def test_a_key_press_shows_the_new_answer_without_waiting_for_the_server(page, app_url):
    open_idle(page, f"{app_url}/what-if?export_growth=15&import_growth=-5")
    page.evaluate("WebSocket.prototype.send = function () {}")  # the server no longer hears of the page's changes
    thumb = slider(page, "Export growth")
    thumb.focus()
    thumb.press("ArrowRight")
    expected = server_texts("2025-26", Levers(export_growth=16, import_growth=-5))
    expect(metric_card(page, "Total trade in 2030")).to_contain_text(expected["values"][0])
    expect(metric_card(page, "Trade balance in 2030")).to_contain_text(expected["deltas"][1])
    expect(page.get_by_test_id("answer-sentence")).to_have_text(expected["sentence"])
    # the rest of the page is the server's, still for the link's 15%: only the answer was redrawn in the browser
    expect(page.get_by_test_id("share-link")).to_contain_text("export_growth=15&")
    assert metric_value(page, "Total trade in 2030") != server_texts("2025-26", Levers(15, -5))["values"][0]
    expect_no_error_boxes(page)


def test_each_card_explains_its_figure_on_a_tap(page, app_url):
    open_idle(page, f"{app_url}/what-if")
    page.get_by_role("button", name="About Trade balance in 2030").click()
    expect(page.get_by_text(re.compile(r"^India's exports minus imports in FY2029-30"))).to_be_visible()


def grown_in_javascript(page: Page, cases: list[tuple[dict, float, dict]]) -> list[str]:
    """Mobility's grown figure as ``count_model.js`` writes it, for each (card's ``grows``, rate, number format)."""
    grown = f"(cases) => {{ {COUNT_MODEL_JS}\n return cases.map((args) => grownFigure(...args)); }}"
    return page.evaluate(grown, cases)


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_every_rate_of_mobilitys_what_ifs_reads_as_the_server_writes_it(blank, language):
    starts = prepared.mobility_page().starts
    growth = {prefix: mobility.PARAMS[f"{prefix}_growth"] for prefix in ("visitor", "worker")}
    bases = [
        (prefix, b)
        for prefix, chosen in (("visitor", mobility.VISITOR_BASES), ("worker", mobility.WORKER_BASES))
        for b in chosen
    ]
    with i18n.using(language):
        for prefix, base_id in bases:
            rates = range(growth[prefix].low, growth[prefix].high + 1)
            cards = {rate: mobility.count_cards(starts[base_id], rate, f"{prefix}_growth") for rate in rates}
            grows, number = cards[0]["cards"][0]["grows"], cards[0]["number"]
            shown = grown_in_javascript(blank, [(grows, rate, number) for rate in rates])
            assert shown == [cards[rate]["cards"][0]["value"] for rate in rates], (language, base_id)


def test_a_key_press_grows_mobilitys_figure_without_waiting_for_the_server(page, app_url):
    open_idle(page, f"{app_url}/mobility?visitor_growth=10")
    label = "Indian visitors to Russia, 2030 (scenario)"
    before = metric_value(page, label)
    page.evaluate("WebSocket.prototype.send = function () {}")  # the server no longer hears of the page's changes
    thumb = page.locator(".st-key-visitor_growth").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    expected = mobility.count_cards(prepared.mobility_page().starts["embassy-2024"], 11, "visitor_growth")
    expect(metric_card(page, label).locator("[data-testid=answer-value]")).to_have_text(expected["cards"][0]["value"])
    assert before != expected["cards"][0]["value"]
    expect(metric_card(page, "Growth needed for your target")).to_contain_text("n/a")
    expect_no_error_boxes(page)
