"""The what-if link in one typed state: read once from a link (old links migrated first), written into every link,
and the same state whichever way it travels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.core import pages
from components.core.scenario import Levers
from components.core.what_if_state import COMPARE_PARAMS, LEVER_PARAMS, WhatIfState, migrated
from components.server import web
from components.store import url_state

PARAMS = url_state.declared(pages.WHAT_IF)


def read(query: dict[str, list[str]]) -> WhatIfState:
    return WhatIfState.from_query(PARAMS.values(), query)[0]


def test_a_link_names_its_base_and_the_levers_moved_and_scenario_a_whole():
    state = WhatIfState("2025-26", Levers(export_growth=5), Levers(import_growth=-3))
    assert state.to_query() == (
        "base=2025-26&export_growth=5&compare_export_growth=0&compare_import_growth=-3&compare_pharma_capture=0"
        "&compare_engineering_capture=0&compare_energy_change=0"
    )
    assert WhatIfState("2024-25").to_query() == "base=2024-25"  # a scenario keeps its base year
    assert state.without_pin().to_query() == "base=2025-26&export_growth=5"


def test_a_link_pins_scenario_a_only_when_it_names_one_of_its_levers():
    assert read({"export_growth": ["12"]}).pinned is None
    assert read({"compare_import_growth": ["-5"]}).pinned == Levers(import_growth=-5)
    assert read({"compare_export_growth": ["0"]}).pinned == Levers()  # pinned at zero stays pinned


def test_a_link_without_a_base_reads_as_the_current_base_and_bad_values_as_defaults():
    state = read({"export_growth": ["<b>"], "import_growth": ["-5"]})
    assert state == WhatIfState(PARAMS["base"].default, Levers(import_growth=-5))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(PARAMS["base"].options),
    st.tuples(*(st.integers(p.low, p.high) for p in LEVER_PARAMS)),
    st.none() | st.tuples(*(st.integers(p.low, p.high) for p in COMPARE_PARAMS)),
)
def test_any_state_survives_its_link(base, levers, pinned):
    state = WhatIfState(base, Levers(*levers), None if pinned is None else Levers(*pinned))
    query = {key: [value] for key, value in state.params().items()}
    assert read(query) == state


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"export_growth": ["15"], "import_growth": ["-5"]}, {"export_growth": ["15"], "import_growth": ["-5"]}),
        ({"energy_change": ["<b>"], "flow": ["exports"]}, {"energy_change": ["<b>"]}),
        ({"pharma_capture": ["1", "2"], "utm_source": ["x"]}, {"pharma_capture": ["1", "2"]}),
        ({"flow": ["exports"], "year": ["2024-25"]}, None),
        ({}, None),
    ],
)
def test_old_trade_links_with_a_lever_move_to_the_what_if_page_with_their_parameters(old, new):
    assert migrated("/trade", old) == (None if new is None else ("/what-if", new))
    assert migrated("/defence", old) is None


def test_the_server_redirects_an_old_trade_link_to_the_what_if():
    answer = web.answer("/trade", "export_growth=15&import_growth=-5&flow=exports")
    assert answer == web.Answer("redirect", "/what-if?export_growth=15&import_growth=-5")
    assert web.answer("/trade", "flow=exports") == web.Answer("page")
