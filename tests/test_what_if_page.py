"""The Trade what-if page as a reader uses it, through Streamlit's AppTest: link, sliders, presets, compare, share."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from conftest import answer, component_data, metric, open_page, warnings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.core import pages
from components.core.formatting import fmt_bn, md
from components.core.params import parse_param
from components.core.scenario import Levers, project
from components.core.what_if_state import LEVER_PARAMS
from components.store import data, sourcing
from components.topics import what_if
from components.ui import share

WHAT_IF, TRADE = pages.WHAT_IF.script, pages.TRADE.script
EXPORT_GROWTH = LEVER_PARAMS[0]


def expected_2030(base_id: str = "2025-26", **levers: int) -> tuple[str, str]:
    base = what_if.scenario_base(data.load_scenario_bases(), base_id, data.load_figures())
    final = project(base, Levers(**levers)).iloc[-1]
    return fmt_bn(final["total_bn"], 1), fmt_bn(final["balance_bn"], 1)


def sliders(app) -> dict[str, int]:
    return {s.key: s.value for s in app.slider}


def share_data(app) -> dict:
    return component_data(app, share.COMPONENT_NAME)


def test_the_page_opens_with_neutral_levers_and_states_its_answer_in_words():
    app = open_page(WHAT_IF)
    assert not app.exception and not app.error
    assert sliders(app) == {p.key: p.default for p in LEVER_PARAMS}
    total, balance = expected_2030()
    assert (metric(app, "Total trade in 2030"), metric(app, "Trade balance in 2030")) == (total, balance)
    assert answer(app)["sentence"] == (
        f"In this scenario India–Russia trade reaches {total} in FY2029-30, US$ 40.1 bn short of the US$ 100 bn target."
    )
    deltas = [card["delta"] for card in answer(app)["cards"]]
    assert deltas == ["−US$ 40.1 bn vs the US$ 100 bn target", "US$ 0.0 bn vs FY2025-26"]  # no sign on no change
    assert "13.7% a year would reach the target" in " ".join(m.value for m in app.markdown).replace("\\", "")
    assert not warnings(app)


def test_a_shared_link_sets_the_sliders_and_the_2030_figures():
    app = open_page(WHAT_IF, export_growth="12", import_growth="-3", pharma_capture="5")
    assert (sliders(app)["export_growth"], sliders(app)["import_growth"], sliders(app)["pharma_capture"]) == (12, -3, 5)
    total, balance = expected_2030(export_growth=12, import_growth=-3, pharma_capture=5)
    assert (metric(app, "Total trade in 2030"), metric(app, "Trade balance in 2030")) == (total, balance)
    assert app.expander[0].proto.expanded  # a lever the link sets is shown, not hidden in a closed section
    assert not warnings(app)


@pytest.mark.parametrize(
    "old_link",
    [
        {"export_growth": "15", "import_growth": "-5"},
        {"export_growth": "12", "import_growth": "-3", "pharma_capture": "5", "flow": "exports"},
        {"energy_change": "-50"},
    ],
)
def test_an_old_trade_link_opens_the_what_if_with_the_same_figures(old_link):
    levers = {key: int(value) for key, value in old_link.items() if key != "flow"}
    app = open_page(TRADE, **old_link)
    assert not app.exception and not app.error
    assert app.title[0].value == "Trade what-if"
    assert metric(app, "Total trade in 2030") == expected_2030(**levers)[0]
    assert {key: sliders(app)[key] for key in levers} == levers


def test_moving_a_slider_updates_the_figures_the_growth_needed_and_the_share_link():
    app = open_page(WHAT_IF)
    before = [m.value for m in app.markdown if "would need to grow" in m.value]
    app.slider(key="import_growth").set_value(10).run()
    assert metric(app, "Total trade in 2030") == expected_2030(import_growth=10)[0]
    after = [m.value for m in app.markdown if "would need to grow" in m.value]
    assert after != before and "would need to grow 43\\.3% a year" in after[0]
    assert share_data(app)["target"] == "what-if?base=2025-26&import_growth=10"  # the base and what was moved


def test_a_preset_sets_every_slider_and_names_itself():
    app = open_page(WHAT_IF, export_growth="3")
    app.button_group(key="preset").set_value("since").run()
    assert sliders(app) == {
        "export_growth": 13,
        "import_growth": 6,
        "pharma_capture": 0,
        "engineering_capture": 0,
        "energy_change": 0,
    }
    assert metric(app, "Total trade in 2030") == expected_2030(export_growth=13, import_growth=6)[0]
    assert any(c.value.startswith("**Trend since FY2022\\-23:** India's exports") for c in app.caption)
    assert parse_qs(share_data(app)["target"].split("?")[1])["import_growth"] == ["6"]
    app.slider(key="import_growth").set_value(7).run()
    assert app.button_group(key="preset").value is None
    assert any(c.value == "The sliders match no preset." for c in app.caption)


def test_what_each_preset_means_is_built_when_opened_with_every_definition_and_its_source():
    meanings = "What each preset means"
    assert not [m for m in open_page(WHAT_IF).markdown if "- **Trend since FY2022\\-23:**" in m.value]
    opened = open_page(WHAT_IF, opened=("preset_meanings",))
    (listing,) = [m.value for m in opened.markdown if "- **Trend since FY2022\\-23:**" in m.value]
    presets = what_if.prepare(data.load_trade_annual(), data.load_scenario_bases(), data.load_figures()).presets
    presets = presets["2025-26"]
    assert [line.split("**")[1] for line in listing.splitlines()] == [f"{md(p.label)}:" for p in presets]
    for line, preset in zip(listing.splitlines(), presets, strict=True):
        assert md(preset.definition) in line and line.endswith(
            f"({sourcing.source_markdown(preset.source_id, short=True)})"
        )
    assert [e.label for e in opened.expander if e.label == meanings] == [meanings]


def test_pinning_a_scenario_shows_a_and_b_side_by_side_in_the_answer_and_keeps_a_in_the_link():
    app = open_page(WHAT_IF, export_growth="5")
    pin = next(b for b in app.button if b.label == "Pin this scenario as A")
    pin.click().run()
    assert app.query_params["compare_export_growth"] == "5"
    app.slider(key="export_growth").set_value(20).run()
    shown = answer(app)
    pinned_total, pinned_balance = expected_2030(export_growth=5)
    assert shown["compare"]["total"] == pinned_total and shown["compare"]["balance"] == pinned_balance
    assert shown["cards"][0]["value"] == expected_2030(export_growth=20)[0]  # B, the sliders' scenario
    assert "compare_export_growth=5" in share_data(app)["target"]
    next(b for b in app.button if b.label == "Remove scenario A").click().run()
    assert "compare_export_growth" not in app.query_params
    assert answer(app)["compare"] is None


def test_a_link_with_scenario_a_draws_both_and_one_without_it_works_as_before():
    app = open_page(WHAT_IF, export_growth="20", compare_export_growth="5", compare_import_growth="<b>")
    assert not app.exception
    (notice,) = warnings(app)
    assert "compare\\_import\\_growth" in notice
    chart = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    assert "Scenario A: total" in json.dumps(chart)  # named in the chart's key, in a colour of its own
    assert answer(app)["compare"]["levers"]["export_growth"] == 5
    assert answer(open_page(WHAT_IF, export_growth="20"))["compare"] is None


def test_an_old_base_year_computes_as_it_was_made_and_points_to_the_newer_one():
    app = open_page(WHAT_IF, base="2024-25", export_growth="10")
    assert app.button_group(key="base").value == "2024-25"
    assert metric(app, "Total trade in 2030") == expected_2030("2024-25", export_growth=10)[0]
    assert any("a newer base exists: FY2025\\-26 \\(provisional, latest\\)" in i.value for i in app.info)
    (newer,) = [link for link in app.page_link if link.proto.page == "what-if"]
    assert parse_qs(newer.proto.query_string) == {"base": ["2025-26"], "export_growth": ["10"]}
    assert not open_page(WHAT_IF, base="2025-26").info
    app.button_group(key="base").set_value("2025-26").run()  # one tap on the base year's segmented control
    assert (
        metric(app, "Total trade in 2030")
        == expected_2030("2025-26", export_growth=10)[0]
        != expected_2030("2024-25", export_growth=10)[0]
    )
    assert not app.info and parse_qs(share_data(app)["target"].split("?")[1])["base"] == ["2025-26"]


def test_the_more_levers_open_only_for_a_link_that_moves_one_or_names_an_older_base():
    assert not open_page(WHAT_IF, export_growth="12", base="2025-26").expander[0].proto.expanded  # every link
    assert open_page(WHAT_IF, base="2024-25").expander[0].proto.expanded
    assert open_page(WHAT_IF, energy_change="-10", base="2025-26").expander[0].proto.expanded


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("abc", "is not a number"),
        ("inf", "is not a finite number"),
        ("nan", "is not a finite number"),
        ("100", "outside the allowed range -20 to 60"),
        (["5", "6"], "appears 2 times"),
    ],
)
def test_a_bad_value_falls_back_with_a_notice_naming_the_parameter(raw, why):
    app = open_page(WHAT_IF, export_growth=raw, import_growth="-3")
    assert not app.exception
    assert (sliders(app)["export_growth"], sliders(app)["import_growth"]) == (0, -3)
    (notice,) = warnings(app)
    assert "export\\_growth" in notice and why.replace("-", "\\-") in notice
    assert metric(app, "Total trade in 2030") == expected_2030(import_growth=-3)[0]


def test_markup_in_a_link_is_shown_as_text_not_rendered():
    app = open_page(WHAT_IF, import_growth="<script>alert(1)</script>**x**[a](javascript:1)", base="<i>x</i>")
    notices = warnings(app)
    assert len(notices) == 2
    for notice in notices:
        assert "<script>" not in notice and "](" not in notice and "**x" not in notice and "<i>" not in notice


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30))
def test_any_text_in_the_link_shows_the_value_the_parser_promises(raw):
    app = open_page(WHAT_IF, export_growth=raw)
    assert not app.exception
    parsed = parse_param(EXPORT_GROWTH, [raw])
    assert sliders(app)["export_growth"] == parsed.value
    assert bool(warnings(app)) == (parsed.status in ("invalid", "adjusted"))


def test_the_year_table_and_method_are_built_when_opened_and_the_csv_is_always_there():
    closed = open_page(WHAT_IF)
    assert not closed.dataframe and not closed.latex
    (download,) = closed.get("link_button")  # a route writes it from the link: any server can answer
    assert download.proto.label == "Download the year-by-year table (CSV)"
    assert download.proto.url == "api/v1/what-if.csv?base=2025-26"
    opened = open_page(WHAT_IF, opened=("table-india_russia_trade_what_if", "method"), export_growth="12")
    assert "export_growth=12" in opened.get("link_button")[0].proto.url
    table = next(df.value for df in opened.dataframe if "total_bn" in df.value.columns)
    assert list(table["fiscal_year"]) == ["2025-26", "2026-27", "2027-28", "2028-29", "2029-30"]
    assert set(table["source"]) == {"TRADESTAT"}
    assert len(opened.latex) == 5
