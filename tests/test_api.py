"""The open data API and link previews as pure functions: every dataset with its metadata, rows that round-trip
against the file, the what-if model as the page computes it, and bad input refused with a message naming it."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from components.core import images, pages, schemas, what_if_state
from components.core.scenario import project
from components.core.schemas import SCHEMAS
from components.server import api, previews
from components.store import prepared, url_state
from components.store.data import DATA_DIR
from components.topics import what_if


def answer(**query):
    return api.what_if_answer(
        {k: v if isinstance(v, list) else [v] for k, v in query.items()},
        prepared.what_if_inputs(),
        url_state.declared(pages.WHAT_IF),
    )


def test_every_file_the_app_reads_is_a_dataset_with_described_columns_licence_and_sources():
    read = {Path(f).stem for p in pages.PAGES for f in p.reads}
    assert set(api.datasets()) == read and "countries-110m" in read
    for name in read:
        meta = api.metadata(api.dataset(name))
        assert meta["title"] and meta["description"] and meta["origin"] and meta["licence"]
        assert all(c["label"][0].isupper() for c in meta["columns"])
        if f"{name}.csv" not in schemas.UNCITED_TABLES and name != "countries-110m":
            assert meta["sources"] and all(s["title"] for s in meta["sources"]), name
    trade = {c["name"]: c["unit"] for c in api.metadata(api.dataset("trade_annual"))["columns"]}
    assert trade["exports_usd_mn"] == "US$ mn" and trade["status"] is None


def test_a_datasets_json_rows_are_its_file_and_its_csv_is_the_file_itself():
    countries = api.dataset_json("countries-110m")["data"]
    assert countries["type"] == "Topology" and "public domain" in api.metadata(api.dataset("countries-110m"))["licence"]
    with pytest.raises(api.ApiError):
        api.dataset_file("countries-110m", "csv")
    assert api.dataset_file("countries-110m", "topojson") == api.dataset("countries-110m").file.read_bytes()
    for name, found in api.datasets().items():
        if found.file.suffix != ".csv":
            continue
        rows = api.dataset_json(name)["data"]
        numbers = {c.name for c in SCHEMAS[found.file.name] if c.kind == "number"}
        in_file = pd.read_csv(found.file, dtype=str, keep_default_na=False).to_dict(orient="records")
        assert len(rows) == len(in_file)
        for row, cells in zip(rows, in_file, strict=True):
            for column, cell in cells.items():
                value = row[column]
                if column in numbers:  # a number as a number, equal to the file's; a gap as null
                    assert value is None if cell == "" else isinstance(value, int | float) and value == float(cell)
                else:
                    assert value == cell
        assert api.dataset_file(name, "csv") == found.file.read_bytes()


@pytest.mark.parametrize("name", ["nothing", "../sources", "sources.csv", "", "..", "data/README"])
def test_an_unknown_dataset_or_a_path_trick_is_not_found(name):
    with pytest.raises(api.ApiError) as refused:
        api.dataset(name)
    assert refused.value.status == 404


def test_the_what_if_answer_is_the_pages_model_for_the_same_link():
    got = answer(export_growth="15", import_growth="-5")
    inputs = prepared.what_if_inputs()
    levers = what_if_state.levers_of(
        {"export_growth": 15, "import_growth": -5}
        | dict.fromkeys(("pharma_capture", "engineering_capture", "energy_change"), 0)
    )
    path = project(inputs.bases["2025-26"], levers)
    assert got["total_2030_bn"] == pytest.approx(path["total_bn"].iloc[-1], abs=1e-3)
    assert got["verdict"] == what_if.verdict(path["total_bn"].iloc[-1])
    assert got["inputs"]["export_growth"] == 15 and got["base_year"]["fiscal_year"] == "FY2025-26"
    assert [row["fiscal_year"] for row in got["projection"]][-1] == "2029-30"
    assert got["sources"][0]["id"] == "tradestat-annual"
    json.dumps(got)  # plain JSON: no NaN, no numpy types


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"export_growth": "abc"}, "export_growth"),
        ({"import_growth": "1e9"}, "import_growth"),
        ({"export_growth": ["1", "2"]}, "export_growth"),
        ({"base": "<b>x</b>"}, "base"),
        ({"bogus": "1"}, "bogus"),
    ],
)
def test_bad_what_if_input_is_refused_naming_the_parameter(query, named):
    with pytest.raises(api.ApiError) as refused:
        answer(**query)
    assert refused.value.status == 400 and named in str(refused.value) and "default" not in str(refused.value)


def test_a_growth_that_is_not_a_whole_number_is_refused_as_such():
    with pytest.raises(api.ApiError) as refused:
        answer(export_growth="12.5")
    assert (
        str(refused.value) == "export_growth must be one whole number from −20 to 60 (% a year); the link gives '12.5'."
    )


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.sampled_from(["export_growth", "import_growth", "energy_change"]), st.text(max_size=12)))
def test_any_what_if_query_gets_an_answer_or_a_400(query):
    try:
        answer(**query)
    except api.ApiError as refused:
        assert refused.status == 400


def test_a_what_if_links_preview_states_its_scenario_and_every_tag_is_escaped():
    preview = previews.preview_for(pages.WHAT_IF, {"export_growth": ["15"], "import_growth": ["-5"]})
    assert "US$ 53.0 bn" in preview.title and "US$ 47.0 bn short of the US$ 100 bn target" in preview.description
    tags = previews.head_tags(preview, 'https://x/what-if?a="><script>', "https://x/i.png?b=<svg>")
    assert "<script>" not in tags and "<svg>" not in tags and "&quot;&gt;&lt;script&gt;" in tags
    for p in pages.PAGES:
        described = previews.preview_for(p, {})
        assert p.title in described.title and described.description


def test_a_pages_preview_card_shows_its_headline_figure_over_its_first_chart():
    def card(page: pages.PageInfo) -> str:
        return json.dumps(previews.card_spec(page.script, None), ensure_ascii=False)

    first_charts = {
        pages.OVERVIEW: "US$ billion",
        pages.TRADE: "US$ billion",
        pages.DEFENCE: "arms imports",
        pages.MOBILITY: "Indian workers in Russia",
        pages.CONNECTIVITY: "Suez route (the baseline)",  # the map's key
        pages.SOURCES: "by kind",
    }
    for page, first_chart in first_charts.items():
        headline = previews.page_preview(page.script).lines[0]
        assert " ".join(headline.split()[:4]) in card(page)  # the headline figure (the title wraps after)
        assert '"layer"' in card(page) and first_chart in card(page)  # and a chart under it


def test_every_preview_is_short_described_for_screen_readers_and_names_its_canonical_address():
    for page in pages.PAGES:
        preview = previews.preview_for(page, {"export_growth": ["15"]})
        assert len(preview.description) <= 200 and preview.description.endswith((".", "…")), page
        assert len(preview.image_alt) >= 60 and "chart" in preview.image_alt.lower(), page
    scenario = {"export_growth": ["15"], "import_growth": ["-5"], "junk": ["1"]}
    assert previews.canonical_path(pages.WHAT_IF, scenario) == "/what-if?export_growth=15&import_growth=-5&base=2025-26"
    assert previews.canonical_path(pages.OVERVIEW, {"junk": ["1"]}) == "/"
    assert previews.canonical_path(pages.DEFENCE, {"window": ["3"], "junk": ["1"]}) == "/defence?window=3"


def test_a_description_keeps_whole_parts_within_its_limit():
    assert previews.within(["One.", "two", "three"], 14) == "One; two."
    assert previews.within(["A very long first part that goes on"], 20) == "A very long first…"


def test_preview_cards_are_1200_by_630_pngs():
    for drawn in (previews.card(pages.DEFENCE, {}), previews.card(pages.TRADE, {"export_growth": ["15"]})):
        assert Image.open(io.BytesIO(drawn)).size == images.CARD_SIZE


def test_the_data_package_describes_every_dataset_with_typed_fields_and_validates():
    package = api.datapackage("https://explorer.example.org")
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["version"]
    assert {r["name"] for r in package["resources"]} == {n.replace("_", "-") for n in api.datasets()}
    fields = {f["name"]: f for r in package["resources"] if "schema" in r for f in r["schema"]["fields"]}
    assert fields["exports_usd_mn"]["type"] == "number" and "(US$ mn)" in fields["exports_usd_mn"]["description"]
    assert fields["delivery_year"]["type"] == "year" and fields["accessed"]["type"] == "date"
    local = copy.deepcopy(package)  # the same package read from the files the API serves
    for resource in local["resources"]:
        resource["path"] = resource["path"].rpartition("/api/v1/datasets/")[2]
        if resource["format"] == "topojson":
            resource["path"] = api.COUNTRIES
    report = frictionless.validate(local, basepath=str(DATA_DIR))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:5]


def test_the_api_speaks_to_a_reader_about_where_data_come_from():
    for meta in api.catalogue()["datasets"]:
        words = f"{meta['description']} {meta['origin']}"
        assert not re.search(r"shared/|\.md\b|seed_file|for the tests|research sheet", words), meta["name"]
