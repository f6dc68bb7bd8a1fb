"""URL parameters: valid, adjusted, invalid or missing, never an exception."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from streamlit.runtime.state.query_params import parse_url_param

from components.core import pages
from components.core.params import (
    ChoiceParam,
    MultiChoiceParam,
    NumberParam,
    RangeParam,
    TextParam,
    parse_param,
    parse_params,
)
from components.store import url_state

GROWTH = NumberParam("export_growth", "Export growth", -20, 60, 0, "% a year")
FLOW = ChoiceParam("flow", "Flow", ("imports", "exports"), "imports")
DOMAINS = MultiChoiceParam(
    "domain", "Domain", ("trade", "defence", "nuclear & space"), ("trade", "defence", "nuclear & space")
)


def test_missing_uses_the_default_silently():
    parsed = parse_param(GROWTH, [])
    assert (parsed.value, parsed.status, parsed.message) == (0, "missing", "")


def test_a_number_in_range_is_taken():
    assert parse_param(GROWTH, ["12"]).value == 12
    assert parse_param(GROWTH, ["-20"]).status == "valid"
    assert parse_param(GROWTH, ["60"]).value == 60


def test_a_fraction_is_cut_to_the_whole_number_with_a_notice():
    parsed = parse_param(GROWTH, ["12.7"])
    assert (parsed.value, parsed.status) == (12, "adjusted")
    assert "export_growth=12.7" in parsed.message
    assert parse_param(GROWTH, ["-12.5"]).value == -12


def test_bad_values_fall_back_to_the_default_with_a_notice_naming_the_parameter():
    for raw, why in [
        ("abc", "is not a number"),
        ("", "is empty"),
        ("nan", "is not a finite number"),
        ("inf", "is not a finite number"),
        ("-Infinity", "is not a finite number"),
        ("61", "outside the allowed range -20 to 60"),
        ("1e308", "outside the allowed range"),
        ("<b>12</b>", "is not a number"),
    ]:
        parsed = parse_param(GROWTH, [raw])
        assert (parsed.value, parsed.status) == (0, "invalid"), raw
        assert "export_growth" in parsed.message and why in parsed.message, parsed.message


def test_a_slider_needs_exactly_one_value_but_drops_empty_ones():
    parsed = parse_param(GROWTH, ["5", "6"])
    assert (parsed.value, parsed.status) == (0, "invalid")
    assert "appears 2 times in the link; it takes one value" in parsed.message
    dropped = parse_param(GROWTH, ["", "7"])
    assert (dropped.value, dropped.status) == (7, "adjusted")
    assert "empty values ignored" in dropped.message


def test_a_slider_reads_numbers_as_python_float_does():
    assert parse_param(GROWTH, [" 5 "]).value == 5
    assert parse_param(GROWTH, ["1_0"]).value == 10
    assert parse_param(GROWTH, ["\u0663"]).value == 3  # Arabic-Indic digit three
    assert parse_param(GROWTH, ["1e1"]).value == 10


@given(st.lists(st.one_of(st.text(max_size=12), st.floats().map(str), st.dates().map(str)), min_size=1, max_size=2))
def test_a_slider_takes_a_value_exactly_when_streamlit_reads_it_as_a_number_in_range(raw_values):
    """The parser is Streamlit-free, yet agrees with what Streamlit's own binding reads from the same link."""
    streamlit_reads = parse_url_param(list(raw_values), "double_array_value")
    usable = (
        len(streamlit_reads) == 1
        and isinstance(streamlit_reads[0], float)
        and math.isfinite(streamlit_reads[0])
        and GROWTH.low <= streamlit_reads[0] <= GROWTH.high
    )
    parsed = parse_param(GROWTH, raw_values)
    assert (parsed.status in ("valid", "adjusted")) == usable
    if usable:
        assert parsed.value == int(streamlit_reads[0])


def test_a_select_box_uses_the_last_value_of_a_repeated_key():
    parsed = parse_param(FLOW, ["imports", "exports"])
    assert (parsed.value, parsed.status) == ("exports", "adjusted")
    assert "appears 2 times in the link; only 'exports' was used" in parsed.message
    assert parse_param(FLOW, ["exports", ""]).value == "imports"


def test_a_segmented_control_uses_the_first_value_that_is_not_empty():
    segmented = ChoiceParam("flow", "Flow", ("imports", "exports"), "imports", widget="segmented")
    assert parse_param(segmented, ["", "exports", "imports"]).value == "exports"
    assert parse_param(segmented, ["x", "exports"]).value == "imports"
    empty = parse_param(segmented, [""])
    assert (empty.value, empty.status) == ("imports", "invalid") and "is empty" in empty.message


def test_repeated_search_text_uses_the_last():
    parsed = parse_param(TextParam("q", "Search", max_length=80), ["a", "b"])
    assert (parsed.value, parsed.status) == ("b", "adjusted")


def test_a_huge_value_is_shortened_in_the_notice():
    parsed = parse_param(GROWTH, ["9" * 5000])
    assert parsed.status == "invalid"
    assert len(parsed.message) < 200


def test_choices():
    assert parse_param(FLOW, ["exports"]).value == "exports"
    bad = parse_param(FLOW, ["Exports"])
    assert (bad.value, bad.status) == ("imports", "invalid")
    assert "not one of imports, exports" in bad.message


@given(st.lists(st.text(max_size=60), max_size=3))
def test_any_text_parses_to_a_value_in_range(raw_values):
    parsed = parse_param(GROWTH, raw_values)
    assert isinstance(parsed.value, int)
    assert GROWTH.low <= parsed.value <= GROWTH.high
    assert (parsed.status in ("invalid", "adjusted")) == bool(parsed.message)


@given(st.integers(-20, 60))
def test_every_whole_number_in_range_round_trips(value):
    assert parse_param(GROWTH, [str(value)]).value == value


@given(st.lists(st.text(max_size=20), max_size=3))
def test_any_text_parses_to_an_option(raw_values):
    assert parse_param(FLOW, raw_values).value in FLOW.options


def test_multi_choice_keeps_known_options_in_link_order_once_each():
    assert parse_param(DOMAINS, ["defence", "trade", "defence"]).value == ("defence", "trade")
    assert parse_param(DOMAINS, ["nuclear & space"]).status == "valid"


def test_multi_choice_ignores_unknown_options_with_a_notice():
    parsed = parse_param(DOMAINS, ["trade", "<b>x</b>"])
    assert (parsed.value, parsed.status) == (("trade",), "adjusted")
    assert "ignored '<b>x</b>'" in parsed.message


def test_multi_choice_with_no_known_option_falls_back_to_the_default():
    parsed = parse_param(DOMAINS, ["Trade", "x"])
    assert (parsed.value, parsed.status) == (DOMAINS.default, "invalid")
    assert "names no known option" in parsed.message


def test_an_empty_multi_choice_selects_nothing():
    assert parse_param(DOMAINS, [""]).value == ()
    assert parse_param(DOMAINS, ["", "trade"]) == parse_param(DOMAINS, ["trade"])


@given(st.lists(st.sampled_from(["trade", "defence", "nuclear & space", "x", "", "Trade"]), max_size=5))
def test_any_multi_choice_is_a_subset_of_the_options(raw_values):
    parsed = parse_param(DOMAINS, raw_values)
    assert set(parsed.value) <= set(DOMAINS.options)
    assert len(set(parsed.value)) == len(parsed.value)


PERIOD = RangeParam("period", "Years", 2000, 2023, (2000, 2023))


def test_a_range_needs_two_valid_numbers():
    assert parse_param(PERIOD, ["2005", "2020"]).value == (2005, 2020)
    for raw, why in [
        (["2010"], "needs two values"),
        (["2005", "2030"], "outside the allowed range"),
        (["x", "2010"], "not a number"),
    ]:
        parsed = parse_param(PERIOD, raw)
        assert (parsed.value, parsed.status) == ((2000, 2023), "invalid") and why in parsed.message


def test_a_reversed_or_fractional_range_is_kept_with_a_notice():
    reversed_range = parse_param(PERIOD, ["2020", "2005"])
    assert (reversed_range.value, reversed_range.status) == ((2020, 2005), "adjusted")
    assert "read as 2005 to 2020" in reversed_range.message
    assert parse_param(PERIOD, ["2005.7", "2010"]).value == (2005, 2010)


@given(st.lists(st.text(max_size=8), max_size=3))
def test_any_range_text_gives_two_years_in_bounds(raw):
    low, high = parse_param(PERIOD, raw).value
    assert 2000 <= low <= 2023 and 2000 <= high <= 2023


def test_a_long_search_is_cut_to_the_text_box_length_with_a_notice():
    parsed = parse_param(TextParam("q", "Search", max_length=80), ["a" * 81])
    assert (parsed.value, parsed.status) == ("a" * 80, "adjusted")
    assert "cut to its first 80 characters" in parsed.message


@given(st.text(max_size=80))
def test_any_search_text_is_kept_as_it_is(raw):
    assert parse_param(TextParam("q", "Search", max_length=80), [raw]).value == raw


def test_a_bad_value_gets_one_short_line_naming_its_parameter_and_a_few_examples():
    from components.core.params import TextParam

    for declare in (p.hook("params") for p in pages.PAGES):
        for param in declare():
            if isinstance(param, TextParam):  # any text is valid
                continue
            message = parse_params([param], {param.key: ["<b>x</b>", "\x00"]})[param.key].message
            assert f"'{param.key}" in message and "\n" not in message, message
            assert len(message) <= 240, message  # the source list has 167 ids: a few are named, with the count
    route = url_state.declared(pages.CONNECTIVITY)["route"]
    assert "'route=\ufffd'" in parse_params([route], {"route": ["\x00"]})["route"].message
