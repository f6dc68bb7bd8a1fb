"""Shared fixtures: paths to the shared material, a real Streamlit server, and Chromium."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from components.core import pages
from components.ui.answer import COMPONENT_NAME as ANSWER_COMPONENT
from components.ui.answer import COUNTS_COMPONENT_NAME

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def need(path: Path, what: str) -> Path:
    """Skip (or, in CI, fail) when material the test needs is absent."""
    if not path.exists():
        message = f"{what} not found at {path}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must provide it")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles (present beside the repository in CI)."""
    return need(SHARED / "seeds", "The seed articles (../shared/seeds)")


@pytest.fixture(scope="session")
def research_dir() -> Path:
    """The research fact sheets and data files."""
    return need(SHARED / "research", "The research material (../shared/research)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(url: str, seconds: float, poll_s: float = 0.3) -> bool:
    """Poll Streamlit's health endpoint until it answers 200 (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(poll_s)
    return False


def start_server():
    """Start the app on a free local port; return the process and its URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_healthy(url, 60):
        server.kill()
        pytest.fail(f"Streamlit did not start: {server.stderr.read().decode()[-2000:]}")
    return server, url


@pytest.fixture(scope="session")
def app_url():
    """A real Streamlit server running the app, shared by the browser tests."""
    server, url = start_server()
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def fresh_app_url():
    """A server that nobody has visited yet."""
    server, url = start_server()
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright."""
    need(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


OVERVIEW = pages.OVERVIEW.script
PAGES = tuple(p.script for p in pages.PAGES)
PAGE_BY_SCRIPT = {p.script: p for p in pages.PAGES}


def open_page(page: str, opened: tuple[str, ...] = (), **query: str | list[str]) -> AppTest:
    """Run the app on ``page`` as if opened from a link with ``query``, with the ``opened`` sections open."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key in opened:
        app.session_state[key] = True
    for key, value in query.items():
        app.query_params[key] = value
    # A real session names a page by the hash of its URL path. AppTest 1.67 learns it only from a first run, so the
    # hash is set here, as ``AppTest._resolve_page_hash`` would after that run (private: checked on upgrades).
    app._page_hash = calc_hash(PAGE_BY_SCRIPT[page].url_path)
    return app.run()


def open_fully(page: str, **query: str | list[str]) -> AppTest:
    """The page as a reader sees it with every closed section opened (its details, tables and methods)."""
    app, keys = open_page(page, **query), ()
    while new := tuple(e.key for e in app.expander if e.key and e.key not in keys):  # sections in sections too
        keys += new
        app = open_page(page, opened=keys, **query)
    return app


LINK_TARGET = re.compile(r"\]\([^)]*\)")


def everything_shown(app: AppTest, tables: bool = True, addresses: bool = True) -> str:
    """All the text a reader can see or download from the page's elements, tables included unless not wanted;
    without ``addresses``, no link's address and no table's id or address column: only the words a reader reads."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "latex"):
        parts += [str(e.value) for e in getattr(app, kind)]
    parts += [f"{m.label} {m.value} {m.proto.delta} {m.help}" for m in app.metric]
    if shown := answer(app):
        parts += [shown["sentence"], *(" ".join(card.values()) for card in shown["cards"])]
    for counts in components_data(app, COUNTS_COMPONENT_NAME):
        parts += [f"{card['label']} {card['value']} {card['help']}" for card in counts["cards"]]
    for table in [e.value for e in app.dataframe] if tables else []:
        words = [c for c in table.columns if addresses or not (str(c).endswith("_id") or c in ("url", "id"))]
        parts.append(table[words].to_csv(index=False))
    text = "\n".join(parts)
    return (text if addresses else LINK_TARGET.sub("]", text)).replace("\\", "")


def components_data(app: AppTest, name: str) -> list[dict]:
    """The data each custom component (``st.components.v2``) of that name on the page was drawn with."""
    return [json.loads(e.proto.json) for e in app.get("bidi_component") if e.proto.component_name == name]


def component_data(app: AppTest, name: str) -> dict | None:
    """The data a custom component on the page was drawn with, if it is on the page."""
    return next(iter(components_data(app, name)), None)


def answer(app: AppTest) -> dict | None:
    """The What-if answer as the server sent it: its sentence and its cards (label, value, delta, help)."""
    return component_data(app, ANSWER_COMPONENT)


def metric(app: AppTest, label: str) -> str:
    """The value a card shows: an ``st.metric``, or a card of the What-if answer or of a count what-if."""
    answers = [answer(app), *components_data(app, COUNTS_COMPONENT_NAME)]
    cards = {m.label: m.value for m in app.metric} | {
        c["label"]: c["value"] for shown in answers for c in (shown or {"cards": []})["cards"]
    }
    return cards[label]


CELL_EDGE = re.compile(r"(?<!\\)\|")


def plain_tables(app: AppTest) -> list[pd.DataFrame]:
    """The page's plain tables (written in Markdown) as frames of their cells, each as Markdown shows it."""
    frames = []
    for text in (e.value for e in app.markdown if e.value.startswith("| ")):
        rows = [[cell.strip() for cell in CELL_EDGE.split(line)[1:-1]] for line in text.splitlines()]
        frames.append(pd.DataFrame(rows[2:], columns=rows[0]))  # rows[1] is the header's rule
    return frames


def frame_with(app: AppTest, column: str):
    """The first table on the page that has ``column``: a file's column in a data table, a header in a plain one."""
    return next(t for t in [*(e.value for e in app.dataframe), *plain_tables(app)] if column in t.columns)


def warnings(app: AppTest) -> list[str]:
    return [w.value for w in app.warning if w.value.startswith("Link parameter")]


@pytest.fixture
def page(browser):
    """A desktop-sized page in its own browser context."""
    from browser_helpers import DESKTOP, fresh_page

    with fresh_page(browser, DESKTOP) as opened:
        yield opened
