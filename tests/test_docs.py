"""The README is a short front door, its docs are one click away, their pictures exist and show today's app, and
the reader's parameter table says what the pages declare."""

from __future__ import annotations

import json
import re

from conftest import ROOT

from components.core import pages
from components.store import url_state

DOCS = ("reading", "data", "deploy", "architecture", "benchmarks")
PICTURE = re.compile(r"!\[[^\]]+\]\(([^)]+)\)")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_the_readme_is_a_front_door_with_its_two_commands_and_links_to_every_doc():
    readme = text("README.md")
    assert len(readme.encode()) < 8_000
    setup = "python3 -m pip install -r requirements.txt && python3 -m babel.messages.frontend compile -d locales"
    assert f"{setup} && streamlit run serve.py" in readme
    assert "bash scripts/test.sh" in readme and "bash scripts/test.sh" in text(".ci/run")
    for doc in DOCS:
        assert f"(docs/{doc}.md)" in readme and "(../README.md)" in text(f"docs/{doc}.md")


def test_every_picture_a_doc_shows_exists_and_was_taken_from_the_current_pages():
    manifest = json.loads(text("docs/img/manifest.json"))
    assert manifest["navigation"] == [p.title for p in pages.PAGES]  # taken from today's app
    for name in ("README.md", *(f"docs/{doc}.md" for doc in DOCS)):
        folder = (ROOT / name).parent
        for picture in PICTURE.findall(text(name)):
            assert (folder / picture).is_file(), (name, picture)
            assert (folder / picture).name in manifest["pictures"], (name, picture)  # drawn by the script


def documented_parameters() -> dict[str, set[str]]:
    """The parameters the reading doc's table lists, by page address."""
    listed: dict[str, set[str]] = {}
    for row in re.findall(r"^\| `(/[^`]*)` \| ([^|]+) \|", text("docs/reading.md"), re.MULTILINE):
        listed.setdefault(row[0], set()).update(re.findall(r"`([a-z_]+)`", row[1]))
    return listed


def test_the_parameter_table_lists_exactly_what_each_page_declares():
    addresses = {page.url_path: "/" if page is pages.PAGES[0] else f"/{page.url_path}" for page in pages.PAGES}
    listed = documented_parameters()
    for page in pages.PAGES:
        assert listed.get(addresses[page.url_path], set()) == set(url_state.declared(page)), page.url_path
