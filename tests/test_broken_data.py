"""Broken data: any one file missing, truncated or holding a wrong type stops only the pages that read it.

Each page declares the data files it reads (``components.pages``), and the first test checks every declaration
against the files a real opening of the page touches: a page that does not read a file cannot be stopped by it.
The loader turns each kind of damage (missing, truncated, a wrong type) into one error naming the file and the
problem; a page stops the same way whatever the kind, so each file is then removed from a copy of ``data/`` and
the pages that read it are opened: each shows the message, draws no chart and shows no traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PAGE_BY_SCRIPT, PAGES, open_page

from components.core import pages, schemas
from components.core.formatting import md
from components.server import api
from components.store import data

MAP = "world-atlas/countries-110m.json"
FILES = (*schemas.SCHEMAS, MAP)


def missing(path: Path) -> str:
    path.unlink()
    return "missing"


def truncated(path: Path) -> str:
    """Cut the file part-way through a line, as an interrupted copy leaves it."""
    text = path.read_bytes()
    cut = len(text) * 2 // 3
    while text[cut - 1 : cut] in (b"\n", b",", b'"'):
        cut -= 1
    path.write_bytes(text[:cut])
    return "truncated" if path.suffix == ".csv" else "not valid JSON"


def wrong_type(path: Path) -> str:
    """Put a word where the file's first checked column wants a number, a code or a fixed choice."""
    if path.suffix == ".json":
        path.write_text('{"type": "Topology", "objects": [], "arcs": "none"}\n', encoding="utf-8")
        return "not a TopoJSON topology"
    column = next(c for c in schemas.SCHEMAS[path.name] if c.kind == "number" or c.pattern or c.choices)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    cells[header.index(column.name)] = "twelve!"
    lines[1] = ",".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return f"line 2, column '{column.name}'"


DAMAGES = (missing, truncated, wrong_type)


def clear_caches() -> None:
    data.clear_all()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that the app reads instead of the real one, with every cache emptied."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    clear_caches()
    yield copy
    clear_caches()


@pytest.mark.parametrize("page", PAGES)
def test_each_page_reads_exactly_the_data_files_it_declares(page, monkeypatch):
    read: set[str] = set()
    original = Path.read_bytes

    def recording(path: Path) -> bytes:
        if path.is_relative_to(data.DATA_DIR):
            read.add(path.relative_to(data.DATA_DIR).as_posix())
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", recording)
    clear_caches()
    app = open_page(page)
    clear_caches()
    assert not app.exception and not app.error
    assert read == PAGE_BY_SCRIPT[page].reads


READERS = {file: [p.script for p in pages.PAGES if file in p.reads] for file in FILES}


def load(file: str) -> object:
    """What a page calls to read ``file``."""
    return data.load_countries() if file == MAP else data.load_table(file)


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("file", FILES)
def test_each_kind_of_damage_is_one_error_naming_the_file_and_the_problem(data_copy, file, damage):
    what = damage(data_copy / file)
    with pytest.raises(schemas.DataError) as error:
        load(file)
    assert Path(file).name in str(error.value) and what in str(error.value)


@pytest.mark.parametrize("file", FILES)
def test_a_damaged_file_stops_the_pages_that_read_it_with_a_message_naming_it(data_copy, file):
    what = missing(data_copy / file)
    assert READERS[file], f"no page reads {file}"
    for page in READERS[file]:
        app = open_page(page)
        assert not app.exception, (page, [e.value for e in app.exception])
        (error,) = [e.value for e in app.error]
        assert md(Path(file).name) in error and md(what) in error, (page, error)
        assert not app.get("vega_lite_chart"), f"{page} drew charts after its data error"


@pytest.mark.parametrize("kept", ["odd", "even"])
@pytest.mark.parametrize("file", schemas.SCHEMAS)
def test_rows_lost_from_a_file_never_give_a_traceback(data_copy, file, kept):
    """With every other row gone the file is still valid CSV, so every row the app needs is lost in one of the
    two cases; a page that needs a lost row says which file lacks what."""
    path = data_copy / file
    header, *lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "".join(lines[kept == "even" :: 2]), encoding="utf-8")
    for page in READERS[file]:
        app = open_page(page)
        assert not app.exception, (page, [e.value for e in app.exception])
        for error in app.error:
            assert md(file) in error.value, (page, error.value)


def test_a_data_swap_reaches_the_api_and_the_previews_once_every_cache_is_emptied(data_copy):
    table = data_copy / "trade_targets.csv"
    text = table.read_text(encoding="utf-8")
    first_target = api.dataset_json("trade_targets")["data"][0]["target"]
    table.write_text(text.replace(first_target, "A target renamed in the copy", 1), encoding="utf-8")
    data.clear_all()
    assert api.dataset_json("trade_targets")["data"][0]["target"] == "A target renamed in the copy"
