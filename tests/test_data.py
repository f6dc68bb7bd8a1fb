"""The data layer: every file validates, every figure traces to a catalogued source."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from components.core import schemas
from components.core.schemas import SCHEMAS, DataError
from components.store import data
from components.store.data import read_table
from components.topics import provenance
from components.topics.provenance import DESCRIBE

TABLES = schemas.CITING_TABLES
OFFICIAL_DATA = {"trade_annual.csv", "trade_hs2.csv", "scenario_bases.csv", "sipri_india_arms_imports.csv"}


def test_every_table_but_the_catalogue_has_a_source_id_column_and_evidence_beside_each():
    for name in TABLES:
        columns = [c.name for c in SCHEMAS[name]]
        assert "source_id" in columns, name
        for column in columns:
            if column.endswith("source_id") and name not in OFFICIAL_DATA:
                assert column.replace("source_id", "evidence") in columns, (name, column)


def test_the_sources_page_can_describe_every_citing_table():
    assert set(DESCRIBE) == set(TABLES)


def test_every_file_loads_and_cites_known_sources():
    sources = data.load_sources()
    known = frozenset(sources.index)
    for name in TABLES:
        table = read_table(name, known)
        assert not table.empty, name


def citations():
    """Every (table, source id, evidence) triple: each ``*source_id`` column pairs with its ``*evidence`` column."""
    for name in TABLES:
        table = read_table(name)
        for source_column in [c for c in table.columns if c.endswith("source_id")]:
            evidence_column = source_column.replace("source_id", "evidence")
            for row in table.to_dict("records"):
                for sid in schemas.source_ids(row[source_column]):
                    yield name, sid, row.get(evidence_column)


def test_every_catalogued_source_is_cited_somewhere():
    cited = {sid for _, sid, _ in citations()}
    assert set(data.load_sources().index) == cited


def test_sources_name_a_url_or_a_seed_file_and_a_kind():
    sources = data.load_sources()
    assert (sources["url"].ne("") | sources["seed_file"].ne("")).all()
    assert set(sources["kind"]) <= set(schemas.SOURCE_KINDS)


def test_no_figure_rests_on_a_recalled_figure():
    figures = data.load_figures()
    assert "recalled" not in set(figures["confidence"])


def test_no_source_is_cited_without_its_evidence():
    """An empty evidence cell would pass every 'snippet occurs in its source' check; it is never allowed."""
    for name, sid, evidence in citations():
        assert evidence is None or evidence.strip(), f"{name}: {sid} is cited with no evidence"


def test_each_figures_evidence_names_no_year_outside_its_period():
    """A snippet that supports the value must support the period too: any year it names is the row's year."""
    checked = 0
    for figure in data.load_figures().itertuples():
        years = set(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", figure.evidence))
        fiscal = {f"20{int(y) - 1:02d}-{y}" for y in re.findall(r"FY ?(\d{2})(?!\d)", figure.evidence)}
        context = f"{figure.period} {figure.year}"
        for year in years | fiscal:
            assert year in context, f"{figure.figure_id}: evidence names {year}, period is {context}"
            checked += 1
    assert checked >= 10


def test_timeline_evidence_that_names_a_day_names_the_events_day():
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    checked = 0
    for event in data.load_timeline().itertuples():
        named = {
            f"{year}-{months.index(month) + 1:02d}-{int(day):02d}"
            for day, month, year in re.findall(r"(?<![–\d-])(\d{1,2}) (\w{3})\w* (\d{4})", event.evidence)
            if month in months
        }
        if named:
            assert event.date in named, f"{event.event_id}: {event.date} not among {named}"
            checked += 1
    assert checked >= 5


def test_published_shares_quote_their_value_and_revision_notes_name_a_row_that_exists():
    shares = data.load_table("sipri_published_shares.csv")
    for row in shares.itertuples():
        assert f"{row.russia_share_pct:g}%" in row.evidence, row
        for pct, edition in re.findall(r"Revised to (\d+)% in (.+)\.$", row.note):
            same = shares[(shares["period_start"] == row.period_start) & (shares["period_end"] == row.period_end)]
            assert ((same["russia_share_pct"] == float(pct)) & (same["edition"] == edition)).any(), row.note
        assert "edition revises" not in row.note


def test_data_files_carry_no_float_noise():
    for path in data.DATA_DIR.glob("*.csv"):
        noisy = re.findall(r"\d+\.\d{7,}", path.read_text(encoding="utf-8"))
        assert not noisy, f"{path.name}: {noisy[:3]}"


def test_evidence_snippets_occur_in_their_seed_articles(seeds_dir):
    sources = data.load_sources()
    seed_text = {path.name: path.read_text(encoding="utf-8") for path in seeds_dir.glob("*.txt")}
    checked = 0
    for name, sid, evidence in citations():
        seed_file = sources.loc[sid, "seed_file"]
        if seed_file and evidence is not None:
            assert evidence in seed_text[seed_file], f"{name}: '{evidence}' not in {seed_file}"
            checked += 1
    assert checked >= 50


def research_rows(research_dir) -> list[tuple[str, set[str]]]:
    """Each line of the research sheets (bold marks removed) with the addresses it may cite.

    A row cites the addresses on it; a row whose source reads "same" also cites the row above's; and, since
    the sheets sometimes put a version's address on the neighbouring row of the same table, a row may also
    cite the addresses of the rows just above and below it.
    """
    rows = []
    for sheet in sorted(research_dir.glob("*.md")):
        lines = sheet.read_text(encoding="utf-8").replace("**", "").splitlines()
        own = [set(re.findall(r"https?://[^\s|;)]+", line)) for line in lines]
        for index, line in enumerate(lines):
            near = set().union(*own[max(index - 1, 0) : index + 2])
            rows.append((line, near if line.startswith("|") else own[index]))
    return rows


def page_checks() -> pd.DataFrame:
    """What a stored public page was found to say, for sources found beyond the research sheets."""
    return pd.read_csv(data.DATA_DIR / "page_checks.csv", dtype=str, keep_default_na=False).set_index("source_id")


def letters(text: str) -> str:
    """Letters and digits of any script only, lower case: copies of an article differ in quotes, dashes and lost
    apostrophes (Cyrillic and Devanagari evidence is compared letter by letter too)."""
    return re.sub(r"[\W_]", "", text.lower())


def test_every_web_source_is_a_url_of_the_research_sheets_or_of_a_checked_page(research_dir):
    sheets = "\n".join(p.read_text(encoding="utf-8") for p in research_dir.glob("*.md"))
    checked = page_checks()
    for source in data.load_sources().itertuples():
        if source.url and source.kind in ("news", "official statement"):
            assert source.url in sheets or checked.loc[source.id, "url"] == source.url, source.id


def test_each_checked_page_is_its_sources_address_and_was_checked_after_publication():
    sources = data.load_sources()
    for sid, check in page_checks().iterrows():
        assert sources.loc[sid, "url"] == check["url"], sid
        assert sources.loc[sid, "date"][:10] <= check["checked"] <= sources.loc[sid, "accessed"], sid


def test_seed_articles_are_cited_by_a_public_copy_that_opens_with_the_same_text(seeds_dir):
    """Readers can check a seed only if its citation leads to the same article; where none was found, say so."""
    sources = data.load_sources()
    checks = page_checks()
    seeds = sources[sources["kind"] == "seed article"]
    assert len(seeds) == 5
    for sid, seed in seeds.iterrows():
        text = letters((seeds_dir / seed["seed_file"]).read_text(encoding="utf-8"))
        if seed["url"]:
            excerpt = letters(checks.loc[sid, "excerpt"])
            assert len(excerpt) >= 100 and excerpt in text[:2000], sid
            assert not seed["publisher"].startswith("not stated"), sid
        else:
            assert seed["publisher"] == "Publisher unknown" and "not found" in seed["note"], sid


def test_research_sourced_rows_quote_the_research_row_of_their_source_or_the_checked_page(research_dir):
    rows = research_rows(research_dir)
    sources = data.load_sources()
    checks = page_checks()
    checked = 0
    for name, sid, evidence in citations():
        if sources.loc[sid, "kind"] not in ("news", "official statement") or evidence is None:
            continue
        url = sources.loc[sid, "url"]
        quoting = [line for line, urls in rows if url in urls]
        assert letters(evidence), f"{name}: the evidence for {sid} holds no letters to check"
        on_page = sid in checks.index and letters(evidence) in letters(checks.loc[sid, "excerpt"])
        assert on_page or any(evidence in line for line in quoting), f"{name}: '{evidence}' not in the row citing {sid}"
        checked += 1
    assert checked >= 40


def test_official_series_is_an_exact_copy_of_the_research_file(research_dir):
    original = pd.read_csv(research_dir / "data" / "tradestat_india_russia_annual_fy2010_fy2026.csv", dtype=str)
    ours = pd.read_csv(data.DATA_DIR / "trade_annual.csv", dtype=str)
    pd.testing.assert_frame_equal(ours.drop(columns="source_id"), original)


def test_hs_chapters_are_an_exact_reshape_of_the_research_file(research_dir):
    original = pd.read_csv(research_dir / "data" / "tradestat_india_russia_hs2_fy2025_fy2026.csv", dtype=str)
    ours = pd.read_csv(data.DATA_DIR / "trade_hs2.csv", dtype=str)
    for year, column in (("2024-25", "fy2024_25"), ("2025-26", "fy2025_26")):
        mine = ours[ours["fiscal_year"] == year].reset_index(drop=True)
        assert list(mine["value_usd_mn"]) == list(original[column])
        assert list(mine["hs"]) == list(original["hs"])
        assert list(mine["chapter"]) == list(original["name"])


def test_sipri_rows_are_an_exact_copy_of_the_research_file(research_dir):
    original = pd.read_csv(research_dir / "data" / "sipri_india_arms_imports_2000_2023.csv", dtype=str)
    ours = pd.read_csv(data.DATA_DIR / "sipri_india_arms_imports.csv", dtype=str).drop(columns="source_id")
    assert ours.to_numpy().tolist() == original.to_numpy().tolist()


def test_hs_chapters_add_up_to_the_annual_totals():
    annual = data.load_trade_annual().set_index("fiscal_year")
    hs2 = data.load_table("trade_hs2.csv")
    sums = hs2.groupby(["flow", "fiscal_year"])["value_usd_mn"].sum()
    for (flow, year), total in sums.items():
        assert total == pytest.approx(annual.loc[year, f"{flow}_usd_mn"], abs=0.5)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A scratch copy of data/ that the loaders read instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    return copy


def _replace_cell(path, line: int, column: str, value: str) -> None:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[line - 2, column] = value
    table.to_csv(path, index=False)


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "problem"),
    [
        (
            "trade_annual.csv",
            4,
            "exports_usd_mn",
            "lots",
            "trade_annual.csv, line 4, column 'exports_usd_mn': 'lots' is not a number",
        ),
        ("trade_annual.csv", 5, "imports_usd_mn", "-3", "outside the allowed range"),
        ("trade_annual.csv", 6, "status", "final-ish", "is not one of final, provisional"),
        ("trade_hs2.csv", 3, "value_usd_mn", "inf", "is not a finite number"),
        ("figures.csv", 2, "confidence", "recalled", "cannot be shown as fact"),
        (
            "figures.csv",
            7,
            "source_id",
            "nobody-said-it",
            "line 7, column 'source_id': source id(s) nobody-said-it not in sources.csv",
        ),
        (
            "agreements.csv",
            3,
            "expected_source_id",
            "ghost",
            "column 'expected_source_id': source id(s) ghost not in sources.csv",
        ),
        ("timeline.csv", 4, "date", "2025-13", "'2025-13' is not in the expected form"),
        ("agreements.csv", 5, "status", "done", "'done' is not one of expected, under negotiation"),
        ("figures.csv", 3, "evidence", "", "column 'evidence': value is missing"),
        ("sources.csv", 2, "kind", "blog", "'blog' is not one of"),
    ],
)
def test_a_broken_cell_is_reported_with_file_line_and_problem(data_copy, file, line, column, value, problem):
    _replace_cell(data_copy / file, line, column, value)
    with pytest.raises(DataError, match=re.escape(problem)):
        read_table(file, frozenset(pd.read_csv(data_copy / "sources.csv")["id"]))


def test_a_missing_file_is_named(data_copy):
    (data_copy / "trade_items.csv").unlink()
    with pytest.raises(DataError, match=re.escape("trade_items.csv: the file is missing")):
        read_table("trade_items.csv")


def test_a_missing_column_is_named(data_copy):
    table = pd.read_csv(data_copy / "trade_targets.csv", dtype=str)
    table.drop(columns="status").to_csv(data_copy / "trade_targets.csv", index=False)
    with pytest.raises(DataError, match=re.escape("trade_targets.csv: column(s) missing: status")):
        read_table("trade_targets.csv")


def test_a_total_that_is_not_the_sum_of_its_parts_is_caught(data_copy):
    _replace_cell(data_copy / "trade_annual.csv", 10, "total_usd_mn", "1.00")
    data.load_trade_annual.clear()
    data.load_table.clear()
    try:
        with pytest.raises(DataError, match=re.escape("line 10: total_usd_mn is not exports + imports")):
            data.load_trade_annual()
    finally:
        data.load_trade_annual.clear()
        data.load_table.clear()


def test_a_row_the_app_needs_is_looked_up_by_key_or_named_as_missing_from_its_file():
    figures = data.load_figures()
    assert schemas.figure(figures, "gap-pharma-market")["figure_id"] == "gap-pharma-market"
    picked = schemas.rows(figures, "figure_id", ["trade-exports-fy25-s000", "trade-imports-fy25-s000"])
    assert list(picked["figure_id"]) == ["trade-exports-fy25-s000", "trade-imports-fy25-s000"]
    with pytest.raises(schemas.DataError, match=r"figures\.csv: no row has figure_id 'gone'"):
        schemas.figure(figures[figures["figure_id"] != "gone"], "gone")


def test_every_cited_row_is_described_in_words_without_codes_or_gaps():
    cited = provenance.citations({name: data.load_table(name) for name in schemas.CITING_TABLES})
    assert not cited["figure"].str.contains(r"\{|\}|nan\b|None").any()
    route = next(r for r in data.load_table("routes.csv").to_dict("records") if r["route_id"] == "instc")
    assert provenance.describe("routes.csv", route).startswith("Route drawn: INSTC, ")
    figure = schemas.figure(data.load_figures(), "trade-imports-fy25-s002").to_dict()
    assert provenance.describe("figures.csv", figure).endswith("FY2024-25: US$ 63.84 bn")
