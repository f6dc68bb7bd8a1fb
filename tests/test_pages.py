"""Both pages as a reader uses them, through Streamlit's AppTest."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, frame_with, metric, open_page, warnings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.core import pages
from components.core.params import parse_param
from components.server import previews
from components.store import data, exhibits, url_state
from components.topics import defence, overview
from components.ui import embedding

OVERVIEW, TRADE, SOURCES = pages.OVERVIEW.script, pages.TRADE.script, pages.SOURCES.script


def test_trade_page_opens_with_the_latest_year_and_the_record_and_invites_to_the_what_if():
    app = open_page(TRADE)
    assert not app.exception and not app.error
    assert not app.slider
    assert metric(app, "Total (US$ bn)") == "59.86" and metric(app, "Balance (US$ bn)") == "−50.88"
    deltas = {m.label: m.proto.delta for m in app.metric}
    assert deltas["Total (US$ bn)"] == "−8.83" and deltas["Balance (US$ bn)"] == "+8.05"  # true minus signs
    record = open_page(TRADE, opened=("record-versions",))
    assert metric(record, "Total, FY2024-25") == "US$ 68.69 bn"
    assert metric(record, "Imports, FY2024-25") == "US$ 63.81 bn"
    assert metric(record, "Balance, FY2024-25") == "−US$ 58.93 bn"
    invite = next(link for link in app.page_link if link.proto.page == "what-if")  # the first, near the top
    assert invite.label == "Trade what-if: US\\$ 100 bn by 2030?"
    assert not warnings(app)


def test_every_headline_card_names_its_source_and_the_other_versions():
    app = open_page(TRADE, opened=("record-versions",))
    captions = " ".join(c.value for c in app.caption)
    assert "Source: [TRADESTAT](https://tradestat.commerce.gov.in)" in captions
    other_versions = [m.value for m in app.markdown if m.value.startswith("**Other versions")]
    assert len(other_versions) == 4
    assert "US\\$ 63\\.84 bn: reported only by Unattributed explainer \\(publisher unknown\\)" in other_versions[2]
    assert "nearly US\\$ 70 bn: [India Today]" in other_versions[0]
    for versions in other_versions:  # strongest first: wealth-wave.in once led the exports' versions
        weak = ["reported only by" in line for line in versions.splitlines()[1:]]
        assert weak == sorted(weak), versions


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
    assert len(open_page(SOURCES).dataframe) == 3  # the rest in sections built when opened
    app = open_page(SOURCES, opened=("date_disagreements", "defence_disagreements", "sipri_revisions"))
    assert not app.exception and not app.error
    catalogue, citing, conflicts, dates, defence_versions, revisions = (df.value for df in app.dataframe)
    assert {"Contract value", "Rifles ordered"} <= set(defence_versions["fact"])
    assert set(revisions["russia_share_pct"]) >= {70, 72, 55, 56}
    assert len(catalogue) == len(data.load_sources())
    assert (catalogue["figures_citing"] > 0).all()
    assert {"63.8", "63.81", "63.84"} <= set(conflicts["value"])  # as printed: text in the house style
    assert len(citing) == catalogue["figures_citing"].sum()  # every citation of every source, listed
    assert set(dates["date"]) >= {"5 Dec 2025", "6 Dec 2025", "8 Dec 2025", "10 Dec 2025"}


def test_sources_page_filters_by_a_source_from_the_link():
    app = open_page(SOURCES, source="seed-004")
    citing = app.dataframe[1].value
    assert set(citing["source"]) == {"India Today"}
    assert any("India Today" in m.value for m in app.markdown)
    bad = open_page(SOURCES, source="<b>nobody</b>")
    assert any("source" in w for w in warnings(bad))
    assert len(set(bad.dataframe[1].value["source"])) > 1


def test_the_apps_root_is_the_overview_with_the_summit_at_a_glance():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception and not app.error
    assert app.title[0].value == "India and Russia, a year after the summit"
    assert "(New Delhi, 4–5 December 2025)" in app.markdown[1].value
    glance = open_page(OVERVIEW, opened=("at-a-glance",))
    text = " ".join(m.value for m in glance.markdown).replace("\\", "")
    for fact in ("4–5 December 2025", "Putin's first visit to India since 2021", "78 years", "Belousov"):
        assert fact in text, fact
    assert text.count("[Business Standard](https://www.business-standard.com/") >= 4
    cards = [link for link in app.main.get("page_link") if link.proto.page in ("trade", "defence")]  # under the cards
    assert {link.proto.page for link in app.page_link} >= {"trade", "defence", "mobility", "connectivity"} and cards


def test_overview_key_numbers_are_the_trade_pages_figures():
    overview = open_page(OVERVIEW)
    trade_page = open_page(TRADE)
    assert metric(overview, "Total trade, FY2025-26 (provisional)") == f"US$ {metric(trade_page, 'Total (US$ bn)')} bn"


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
    tracker, events = (df.value for df in app.dataframe)
    shown = frame_with(app, "As of")
    assert len(shown) == 3 and (shown["Status"] == "signed").all()
    assert set(tracker["domain"]) == {"mobility", "defence"}
    assert set(events["domain"]) == {"defence"}
    assert "2 Dec 2025" in set(events["date_label"])


def test_a_malformed_overview_link_gives_notices_not_errors():
    app = open_page(OVERVIEW, timeline_domain="<script>x</script>", timeline_period="forever", agreement_status="")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    assert "timeline\\_domain" in notices and "timeline\\_period" in notices and "<script>" not in notices
    assert app.pills(key="timeline_domain").value == list(overview_defaults()["timeline_domain"])
    assert any(i.value.startswith("No agreement matches") for i in app.info)


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


DEFENCE = pages.DEFENCE.script


def test_defence_page_opens_with_its_views_and_no_notices():
    app = open_page(DEFENCE, opened=("sipri-editions", "platform-details"))
    assert not app.exception and not app.error and not warnings(app)
    assert app.slider(key="period").value == (2000, 2023)
    assert app.slider(key="window").value == 5
    assert app.button_group(key="suppliers").value == ["Russia", "France", "Israel", "United States"]
    assert app.selectbox(key="platform").value == "BrahMos"
    text = " ".join(m.value for m in app.markdown)
    assert "40% in 2021–25" in text and "The lowest share any edition has published is 36%" in text
    assert "each year" not in app.title[0].value and "fifteen years" not in text


def test_defence_controls_come_from_the_link():
    app = open_page(
        DEFENCE, period=["2010", "2020"], window="3", suppliers=["Russia", "Israel"], q="ship", platform="S-400"
    )  # a link that names a platform opens its facts
    assert not warnings(app)
    assert app.slider(key="period").value == (2010, 2020)
    assert app.button_group(key="suppliers").value == ["Russia", "Israel"]
    captions = " ".join(c.value for c in app.caption)
    assert "2010–2020" in captions and "the 3 years to each year" in captions
    found = frame_with(app, "short_name")  # a link with a search opens it, over every column of the platforms
    assert set(found["short_name"]) == {"Vikramaditya", "Frigates", "Submarines"}
    details = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "US$ 5.43 bn" in details and "US$ 4.5 bn" in details and "sources differ" in details


def test_a_plain_tables_numbers_align_right_and_its_words_left():
    app = open_page(TRADE)
    goods = next(e.value for e in app.markdown if e.value.startswith("| Goods"))
    assert goods.splitlines()[1] == "| --- | ---: | ---: |"  # goods; FY2025-26, US$ mn; change


def test_a_tap_on_a_suppliers_button_draws_it_apart_in_the_chart_table_and_downloads():
    app = open_page(DEFENCE, opened=("table-india_arms_imports_by_supplier",))
    app.button_group(key="suppliers").set_value(["Russia", "Ukraine"]).run()
    shown = frame_with(app, "supplier")
    assert set(shown["supplier"]) == {"Russia", "Ukraine", "All other suppliers"}
    csv = app.get("link_button")[0].proto.url
    assert csv.endswith("supply.csv?suppliers=Russia&suppliers=Ukraine")


def test_bad_defence_links_give_notices_and_hostile_search_stays_text():
    app = open_page(DEFENCE, period="2010", window="0", suppliers="Atlantis", platform="Death Star", q="<b>x</b>")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    for key in ("period", "window", "suppliers", "platform"):
        assert key in notices, key
    assert app.text_input(key="q").value == "<b>x</b>"
    assert "No platform matches the search." in [c.value for c in app.caption]


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


MOBILITY = pages.MOBILITY.script


def test_mobility_page_opens_with_every_view():
    app = open_page(MOBILITY, opened=("worker-what-if", "workers-detail", "visitors-detail"))
    assert not app.exception and not app.error and not warnings(app)
    assert metric(app, "Work permits issued to Indians, 2030 (scenario)") == "72,000"
    assert metric(app, "Indian visitors to Russia, 2030 (scenario)") == "120,000"
    assert metric(app, "Growth needed for your target") == "n/a"  # no target until the reader sets one
    assert any("not the number of Indians working in Russia" in c.value for c in app.caption)
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
    assert metric(app, "Indians working in Russia, 2030 (scenario)") == f"{70_000 * 1.1**5:,.0f}"
    assert metric(app, "Indian tourist arrivals in Russia, 2030 (scenario)") == f"{32_300 * 1.5**7:,.0f}"
    assert metric(app, "Growth needed for your target") == f"{((1_000_000 / 32_300) ** (1 / 7) - 1) * 100:.1f}% a year"


def test_a_target_below_the_start_needs_a_fall_written_with_a_true_minus():
    app = open_page(MOBILITY, visitor_target="1", visitor_growth="-5")  # 1,000 visitors, from 120,000 in 2024
    assert metric(app, "Growth needed for your target") == f"−{(1 - (1_000 / 120_000) ** (1 / 6)) * 100:.1f}% a year"
    assert "(1 + −5%)^(y − 2024)" in " ".join(c.value for c in app.caption)


@pytest.mark.parametrize(
    ("language", "formula"),
    [("hi", "सूत्र: वर्ष y में मान = 1,20,000 × (1 + 10%)^(y − 2024)"), ("ru", "Формула: значение в году y = 120 000")],
)
def test_the_what_ifs_formula_reads_in_the_readers_language(language, formula):
    app = open_page(MOBILITY, lang=language, visitor_growth="10")
    assert formula in " ".join(c.value for c in app.caption).replace("\u00a0", " ").replace("\u202f", " ")


def test_bad_mobility_links_give_notices():
    app = open_page(MOBILITY, worker_base="everyone", worker_growth="inf", visitor_target="-5", visitor_base="")
    assert not app.exception and not app.error
    notices = " ".join(warnings(app))
    for key in ("worker_base", "worker_growth", "visitor_target", "visitor_base"):
        assert key in notices.replace("\\", ""), key
    assert metric(app, "Work permits issued to Indians, 2030 (scenario)") == "72,000"


CONNECTIVITY = pages.CONNECTIVITY.script


def test_connectivity_page_opens_with_map_comparison_and_what_if():
    app = open_page(CONNECTIVITY, opened=("compare-instc", "compare-emc", "compare-nsr"))
    assert not app.exception and not app.error and not warnings(app)
    assert app.segmented_control(key="route").value == "all"
    trip = frame_with(app, "Days saved").replace(r"\\", "", regex=True)  # as Markdown shows it
    assert set(trip["Source"]) == {"Concor (2020)", "Sputnik India (2025)", "Valdai Club", "vLex"}
    text = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert "[official promise]" in text and "[study]" in text


def test_connectivity_choices_come_from_the_link():
    app = open_page(CONNECTIVITY, route="nsr", origin="chennai", destination="vladivostok", via="emc")
    assert not warnings(app)
    (nsr,) = [e for e in app.expander if e.key == "compare-nsr"]  # the highlighted route's facts, opened
    assert nsr.label == "Northern Sea Route" and nsr.children
    trip = frame_with(app, "Source").replace(r"\\", "", regex=True)
    assert set(trip["Source"]) == {"PortNews (2024)", "GKToday", "Crack IT Today"}
    assert "Days saved" not in trip  # no like-for-like Suez figure: no column of savings
    mismatched = open_page(CONNECTIVITY, origin="chennai", destination="moscow", via="instc")
    assert any("No source gives figures for this journey" in i.value for i in mismatched.info)


def test_choices_show_words_while_the_link_keeps_short_codes():
    app = open_page(CONNECTIVITY, route="nsr", destination="vladivostok")
    assert app.segmented_control(key="origin").options == ["Mumbai (JNPT)", "Chennai"]
    assert app.segmented_control(key="route").options[0] == "All routes"
    app.segmented_control(key="origin").set_value("chennai").run()
    assert dict(app.query_params) == {"route": "nsr", "destination": "vladivostok", "origin": "chennai"}
    app.segmented_control(key="destination").set_value("moscow").run()  # the default leaves the link, as bound ones do
    assert dict(app.query_params) == {"route": "nsr", "origin": "chennai"}
    mobility = open_page(MOBILITY, worker_base="quota-2025")
    assert mobility.radio(key="worker_base").value == "quota-2025"
    assert "Russia's quota, 2025" in mobility.radio(key="worker_base").options


LINK_CODE = re.compile(r"^([a-z]+-[a-z0-9-]+|jnpt|instc|emc|nsr|suez|all)$")
"""What a link's short code looks like: 'permits-2025', 'seed-004', 'summit-weeks', or a lower-case abbreviation."""


def test_no_control_shows_a_code_from_the_link():
    for page in pages.PAGES:
        app = open_page(page.script)
        controls = [*app.selectbox, *app.radio, *app.segmented_control, *app.multiselect, *app.get("button_group")]
        shown = [str(option) for control in controls for option in control.options]
        assert shown and not [o for o in shown if LINK_CODE.match(o)], page.title


def test_bad_connectivity_links_give_notices():
    app = open_page(CONNECTIVITY, route="<svg onload=x>", origin="Paris", via=["instc", "emc"])
    assert not app.exception and not app.error
    notices = " ".join(warnings(app)).replace("\\", "")
    assert "route" in notices and "origin" in notices and "via" in notices and "<svg" in notices
    assert app.segmented_control(key="route").value == "all"


def test_each_long_page_opens_with_a_contents_line_linking_every_section():
    for page in (pages.OVERVIEW, pages.TRADE, pages.DEFENCE, pages.MOBILITY, pages.CONNECTIVITY):
        app = open_page(page.script)
        (line,) = [m.value for m in app.markdown if m.value.startswith("**On this page:**")]
        linked = re.findall(r"\]\(#([a-z0-9-]+)\)", line)
        assert linked == [h.proto.anchor for h in app.header], page.title
        shown = re.sub(r"\]\(#[^)]*\)", "]", line).replace("\\", "")
        assert len(linked) >= 3 and len(shown) < 160, shown  # short labels: one or two lines on a phone


def test_the_trade_page_sums_up_what_the_summit_means_for_exporters_with_sources():
    app = open_page(pages.TRADE.script, opened=("gap-why",))
    assert any(e.label.endswith("and what the summit agreed for exporters") for e in app.expander)
    (brief,) = [m.value for m in app.markdown if "touches exporters" in m.value]
    text = brief.replace("\\", "")
    for named in ("Food-safety MoU", "medical science", "pre-arrival exchange", "free trade agreement", "national"):
        assert named in text, named
    assert "Fish and seafood (HS03): US$ 123.05 mn → US$ 159.14 mn" in text
    assert "nearly US$ 10 bn" in text and "US$ 421.09 mn" in text  # the article's market and the official chapter
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) >= 13 and all("](http" in line or "HS" in line for line in bullets)


def test_a_page_plugs_in_through_the_registry_alone():
    hooks = dict(pages.DEFENCE.hooks) | {"key_numbers": "components.store.prepared:mobility_key_numbers"}
    throwaway = pages.PageInfo(
        "app_pages/throwaway.py", "Throwaway", ":material/science:", "throwaway", frozenset(), tuple(hooks.items())
    )
    assert set(url_state.declared(throwaway)) == set(url_state.declared(pages.DEFENCE))  # its link
    assert url_state.validated_query(throwaway, {"window": ["3"], "junk": ["1"]}) == "window=3"
    assert exhibits.names(throwaway) == exhibits.names(pages.DEFENCE)  # its downloads
    assert exhibits.rebuilt(throwaway, "supply", {}).chart is not None
    assert embedding.has_compact_view(throwaway)  # its embed
    assert previews.image_address(throwaway, {"window": ["3"]}) == "/api/v1/preview/throwaway.png"  # its preview
    bare = pages.PageInfo("app_pages/bare.py", "Bare", ":material/science:", "bare", frozenset())
    assert url_state.declared(bare) == {} and exhibits.names(bare) == () and not embedding.has_compact_view(bare)
