"""Both pages as a reader uses them, through Streamlit's AppTest."""

from __future__ import annotations

import pytest
from conftest import ROOT, frame_with, metric, open_page, warnings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components import data, defence, overview, trade, ui
from components.formatting import fmt_bn
from components.params import parse_param
from components.scenario import SCENARIO_PARAMS, Levers, project

OVERVIEW = "app_pages/overview.py"
TRADE = "app_pages/trade.py"
SOURCES = "app_pages/sources.py"
EXPORT_GROWTH = SCENARIO_PARAMS[0]


def expected_2030(**levers: int) -> tuple[str, str]:
    base = trade.scenario_base(data.load_trade_annual(), data.load_table("trade_hs2.csv"), data.load_figures())
    final = project(base, Levers(**levers)).iloc[-1]
    return fmt_bn(final["total_bn"], 1), fmt_bn(final["balance_bn"], 1)


def test_trade_page_opens_with_neutral_levers_and_the_official_record():
    app = open_page(TRADE)
    assert not app.exception and not app.error
    assert {s.key: s.value for s in app.slider} == {p.key: p.default for p in SCENARIO_PARAMS}
    assert metric(app, "Total trade, FY2024-25 (US$ bn)") == "68.69"
    assert metric(app, "Imports, FY2024-25 (US$ bn)") == "63.81"
    assert metric(app, "Balance, FY2024-25 (US$ bn)") == "-58.93"
    assert metric(app, "Total trade, FY2025-26 (US$ bn)") == "59.86"
    assert metric(app, "Total trade in 2030") == expected_2030()[0]
    assert metric(app, "Growth needed to reach 100") == "13.7% a year"
    assert not warnings(app)


def test_every_headline_card_names_its_source_and_the_other_versions():
    app = open_page(TRADE)
    captions = " ".join(c.value for c in app.caption)
    assert captions.count("Official series: [Ministry of Commerce") >= 4
    other_versions = [m.value for m in app.markdown if m.value.startswith("**Other versions")]
    assert len(other_versions) == 4
    assert "63\\.84 bn: Seed article 002" in other_versions[2]
    assert "nearly 70 bn: Seed article 004" in other_versions[0]


def test_a_shared_link_sets_the_sliders_and_the_2030_figures():
    app = open_page(TRADE, export_growth="12", import_growth="-3", pharma_capture="5")
    values = {s.key: s.value for s in app.slider}
    assert (values["export_growth"], values["import_growth"], values["pharma_capture"]) == (12, -3, 5)
    total, balance = expected_2030(export_growth=12, import_growth=-3, pharma_capture=5)
    assert metric(app, "Total trade in 2030") == total
    assert metric(app, "Trade balance in 2030") == balance
    assert not warnings(app)


def test_moving_a_slider_updates_the_2030_figures_and_the_share_link():
    app = open_page(TRADE, opened=("share",))
    app.slider(key="export_growth").set_value(30).run()
    assert metric(app, "Total trade in 2030") == expected_2030(export_growth=30)[0]
    link = app.code[0].value
    assert link.endswith(
        "/trade?export_growth=30&import_growth=0&pharma_capture=0&engineering_capture=0&energy_change=0"
    )


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
    app = open_page(TRADE, export_growth=raw, import_growth="-3")
    assert not app.exception
    assert app.slider(key="export_growth").value == 0
    assert app.slider(key="import_growth").value == -3
    (notice,) = warnings(app)
    assert "export\\_growth" in notice and why.replace("-", "\\-") in notice
    assert metric(app, "Total trade in 2030") == expected_2030(import_growth=-3)[0]


def test_a_fraction_is_cut_with_a_notice():
    app = open_page(TRADE, export_growth="12.7")
    assert app.slider(key="export_growth").value == 12
    assert "cut to the whole number 12" in warnings(app)[0]


def test_markup_in_a_link_is_shown_as_text_not_rendered():
    app = open_page(TRADE, import_growth="<script>alert(1)</script>**x**[a](javascript:1)")
    (notice,) = warnings(app)
    assert "<script>" not in notice and "](" not in notice and "**x" not in notice
    assert "\\<script\\>" in notice


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30))
def test_any_text_in_the_link_shows_the_value_the_parser_promises(raw):
    app = open_page(TRADE, export_growth=raw)
    assert not app.exception
    parsed = parse_param(EXPORT_GROWTH, [raw])
    assert app.slider(key="export_growth").value == parsed.value
    assert bool(warnings(app)) == (parsed.status in ("invalid", "adjusted"))


def test_composition_controls_come_from_the_link():
    app = open_page(TRADE, flow="exports", year="2024-25")
    captions = [c.value for c in app.caption]
    assert any(c.startswith("India's exports to Russia by HS chapter, FY2024-25") for c in captions)
    bad = open_page(TRADE, flow="everything")
    assert any("flow" in w and "not one of imports, exports" in w for w in warnings(bad))
    assert any(
        c.startswith("India's imports from Russia by HS chapter, FY2025-26") for c in [c.value for c in bad.caption]
    )


def test_sources_page_lists_the_catalogue_and_every_disagreement():
    app = open_page(SOURCES)
    assert not app.exception and not app.error
    catalogue, citing, conflicts, dates, defence_versions, revisions = (df.value for df in app.dataframe)
    assert {"Contract value", "Rifles ordered"} <= set(defence_versions["fact"])
    assert set(revisions["russia_share_pct"]) >= {70, 72, 55, 56}
    assert len(catalogue) == len(data.load_sources())
    assert (catalogue["figures_citing"] > 0).all()
    assert {63.8, 63.81, 63.84} <= set(conflicts["value"])
    assert set(citing["source_id"]) == set(data.load_sources().index)
    assert set(dates["date"]) >= {"2025-12-05", "2025-12-06", "2025-12-08", "2025-12-10"}


def test_sources_page_filters_by_a_source_from_the_link():
    app = open_page(SOURCES, source="seed-004")
    citing = app.dataframe[1].value
    assert set(citing["source_id"]) == {"seed-004"}
    assert any("India Today" in m.value for m in app.markdown)
    bad = open_page(SOURCES, source="<b>nobody</b>")
    assert any("source" in w for w in warnings(bad))
    assert len(set(bad.dataframe[1].value["source_id"])) > 1


def test_the_apps_root_is_the_overview_with_the_summit_at_a_glance():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception and not app.error
    assert app.title[0].value.startswith("India and Russia: the 23rd Annual Summit")
    text = " ".join(m.value for m in app.markdown)
    for fact in ("4–5 December 2025", "Putin's first visit to India since 2021", "78 years", "Belousov"):
        assert fact in text.replace("\\", ""), fact
    assert sum("Source: Seed article" in c.value for c in app.caption) >= 8
    assert {link.proto.page for link in app.page_link} == {"trade", "defence", "mobility", "connectivity"}


def test_overview_key_numbers_are_the_trade_pages_figures():
    overview = open_page(OVERVIEW)
    trade_page = open_page(TRADE)
    assert (
        metric(overview, "Total trade, FY2024-25") == f"US$ {metric(trade_page, 'Total trade, FY2024-25 (US$ bn)')} bn"
    )
    assert metric(overview, "Total trade, FY2025-26 (provisional)") == (
        f"US$ {metric(trade_page, 'Total trade, FY2025-26 (US$ bn)')} bn"
    )


def test_overview_filters_come_from_the_link():
    app = open_page(
        OVERVIEW,
        opened=("table-india_russia_agreements", "table-india_russia_timeline"),
        agreement_status="signed",
        agreement_domain=["mobility", "defence"],
        timeline_domain="defence",
        timeline_period="all",
    )
    assert not warnings(app)
    outcomes = app.table[0].value["What happened (status, date)"]
    assert len(outcomes) == 3 and outcomes.str.startswith("signed").all()
    tracker, events = (df.value for df in app.dataframe)
    assert set(tracker["domain"]) == {"mobility", "defence"}
    assert set(events["domain"]) == {"defence"}
    assert "2 Dec 2025" in set(events["date_label"])


def test_a_malformed_overview_link_gives_notices_not_errors():
    app = open_page(OVERVIEW, timeline_domain="<script>x</script>", timeline_period="forever", agreement_status="")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    assert "timeline\\_domain" in notices and "timeline\\_period" in notices and "<script>" not in notices
    assert app.pills(key="timeline_domain").value == list(overview_defaults()["timeline_domain"])
    assert app.table[0].value.empty


def overview_defaults():
    params = overview.overview_params(data.load_timeline(), data.load_table("agreements.csv"))
    return {key: param.default for key, param in params.items()}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["trade", "defence", "mobility", "x", "", "Trade", "<i>"]), min_size=1, max_size=4))
def test_any_domain_list_in_the_link_shows_what_the_parser_promises(raw):
    param = overview.overview_params(data.load_timeline(), data.load_table("agreements.csv"))["timeline_domain"]
    app = open_page(OVERVIEW, timeline_domain=raw)
    assert not app.exception
    parsed = parse_param(param, raw)
    assert tuple(app.pills(key="timeline_domain").value) == parsed.value
    assert bool(warnings(app)) == (parsed.status in ("invalid", "adjusted"))


DEFENCE = "app_pages/defence.py"


def test_defence_page_opens_with_its_views_and_no_notices():
    app = open_page(DEFENCE)
    assert not app.exception and not app.error and not warnings(app)
    assert app.slider(key="period").value == (2000, 2023)
    assert app.slider(key="window").value == 5
    assert app.multiselect(key="suppliers").value == ["Russia", "France", "Israel", "United States"]
    assert app.selectbox(key="platform").value == "BrahMos"
    text = " ".join(m.value for m in app.markdown)
    assert "76% in 2009–13" in text and "40% in 2021–25" in text


def test_defence_controls_come_from_the_link():
    app = open_page(
        DEFENCE, period=["2010", "2020"], window="3", suppliers=["Russia", "Israel"], q="ship", platform="S-400"
    )
    assert not warnings(app)
    assert app.slider(key="period").value == (2010, 2020)
    captions = " ".join(c.value for c in app.caption)
    assert "2010–2020" in captions and "over the 3 years" in captions
    platforms_table = frame_with(app, "short_name")
    assert set(platforms_table["short_name"]) == {"Vikramaditya", "Frigates", "Submarines"}
    details = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "US$5.43bn" in details and "US$4.5bn" in details and "sources differ" in details


def test_bad_defence_links_give_notices_and_hostile_search_stays_text():
    app = open_page(DEFENCE, period="2010", window="0", suppliers="Atlantis", platform="Death Star", q="<b>x</b>")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    for key in ("period", "window", "suppliers", "platform"):
        assert key in notices, key
    assert app.text_input(key="q").value == "<b>x</b>"
    assert frame_with(app, "short_name").empty


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["2000", "2010", "2023", "2030", "x", "2015.5", ""]), min_size=1, max_size=3))
def test_any_period_in_the_link_shows_what_the_parser_promises(raw):
    param = defence.defence_params(
        data.load_table("sipri_india_arms_imports.csv"), data.load_table("defence_platforms.csv")
    )["period"]
    app = open_page(DEFENCE, period=raw)
    assert not app.exception
    parsed = parse_param(param, raw)
    assert tuple(app.slider(key="period").value) == parsed.value
    assert bool(warnings(app)) == (parsed.status in ("invalid", "adjusted"))


MOBILITY = "app_pages/mobility_tourism.py"


def test_mobility_page_opens_with_every_view():
    app = open_page(MOBILITY)
    assert not app.exception and not app.error and not warnings(app)
    assert metric(app, "Workers in 2030 (scenario)") == "72,000"
    assert metric(app, "Visitors in 2030 (scenario)") == "120,000"
    text = " ".join(m.value for m in app.markdown).replace("\\\\", "")
    assert "as many as 100,000 workers" in text and "about 70,000 workers" in text
    assert "aims to host six million visitors annually by 2030" in text


def test_mobility_what_ifs_come_from_the_link():
    app = open_page(
        MOBILITY,
        worker_base="headcount-alipov",
        worker_growth="10",
        visitor_base="rosstat-2023",
        visitor_growth="50",
        visitor_target="1000",
    )
    assert not warnings(app)
    assert app.radio(key="worker_base").value == "headcount-alipov"
    assert metric(app, "Workers in 2030 (scenario)") == f"{70_000 * 1.1**5:,.0f}"
    assert metric(app, "Visitors in 2030 (scenario)") == f"{32_300 * 1.5**7:,.0f}"
    assert metric(app, "Growth needed for the target") == f"{((1_000_000 / 32_300) ** (1 / 7) - 1) * 100:.1f}% a year"


def test_bad_mobility_links_give_notices():
    app = open_page(MOBILITY, worker_base="everyone", worker_growth="inf", visitor_target="-5", visitor_base="")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    for key in ("worker_base", "worker_growth", "visitor_target", "visitor_base"):
        assert key in notices.replace("\\", ""), key
    assert metric(app, "Workers in 2030 (scenario)") == "72,000"


CONNECTIVITY = "app_pages/connectivity.py"


def test_connectivity_page_opens_with_map_comparison_and_what_if():
    app = open_page(CONNECTIVITY)
    assert not app.exception and not app.error and not warnings(app)
    assert app.segmented_control(key="route").value == "all"
    trip = frame_with(app, "saving_days")
    assert set(trip["version"]) == {"Concor (2020)", "Sputnik India (2025)", "Valdai Club", "vLex"}
    text = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "[official promise]" in text and "[study]" in text


def test_connectivity_choices_come_from_the_link():
    app = open_page(CONNECTIVITY, route="nsr", origin="chennai", destination="vladivostok", via="emc")
    assert not warnings(app)
    assert any(s.value == "Northern Sea Route" for s in app.subheader)
    trip = frame_with(app, "saving_days")
    assert set(trip["version"]) == {"PortNews (2024)", "GKToday", "Crack IT Today"}
    mismatched = open_page(CONNECTIVITY, origin="chennai", destination="moscow", via="instc")
    assert any("No source gives figures for this journey" in i.value for i in mismatched.info)


def test_bad_connectivity_links_give_notices():
    app = open_page(CONNECTIVITY, route="<svg onload=x>", origin="Paris", via=["instc", "emc"])
    assert not app.exception and not app.error
    notices = " ".join(warnings(app)).replace("\\", "")
    assert "route" in notices and "origin" in notices and "via" in notices and "<svg" in notices
    assert app.segmented_control(key="route").value == "all"


def test_a_table_view_is_built_only_when_the_reader_opens_it():
    closed = open_page(TRADE)
    assert not [df for df in closed.dataframe if "total_bn" in df.value.columns]
    assert not closed.get("download_button") and not closed.code and not closed.latex
    opened = open_page(TRADE, opened=("table-india_russia_trade_what_if", "method"), export_growth="12")
    what_if = frame_with(opened, "total_bn")
    assert len(what_if) == 5 and set(what_if["source"]) == {ui.source_name(trade.OFFICIAL_SOURCE)}
    assert len(opened.get("download_button")) == 1 and len(opened.latex) == 5
