"""Benchmark the app against a minimal reference app and print every figure as a ratio to the reference.

Both apps run on real Streamlit servers started by this script and are measured the same way in the same run:

- rerun: wall time and server CPU time of one what-if change (a rerun over the websocket after a control
  changes);
- open: headless Chromium, from navigation to every chart drawn and the script idle, with what each page
  holds and its server first run; in English, then in Hindi and Russian (``?lang=hi``, ``?lang=ru``);
- key press: a slider moved with the arrow key until the shown result changes, timed in the page from the key
  down to the animation frame that shows the new value (and, apart, as the test driver sees it);
- a link opened: the server's wall time and CPU time for a new session's full run of each page (a reader
  following a link), over ``/_stcore/stream``;
- load: 25 concurrent sessions x 8 reruns of the what-if page, and 25 concurrent link-openers x 8 opens of
  /trade, each a new session with a new query string, over ``/_stcore/stream``;
- first screen: headless Chromium at 390 x 844, from navigation until a shared what-if link's answer is on screen
  (the reference: until its metric is), and the Cumulative Layout Shift while each page opens;
- cold start (process start to first page served) and server memory after the load run.

Usage: ``python bench/run.py [--write] [--quick] [--page what-if ...]``; ``--write`` also writes
``bench/RESULTS.md`` (from a run of every page); ``--page`` measures only the pages named.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import streamlit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from browser_helpers import METRIC_VALUES, metric_card  # noqa: E402  (and find a card the same way)
from conftest import CHROMIUM, CHROMIUM_FLAGS, free_port, wait_until_healthy  # noqa: E402  (the tests launch Chromium the same way)
from protocol import Run, open_session  # noqa: E402

REFERENCE = ROOT / "bench" / "reference_served.py"  # bench/reference_app.py, served as the app is
APP = ROOT / "serve.py"  # the app as served, with its middleware
SERVER_FLAGS = ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
SESSIONS, RERUNS = 25, 8
SCALING_SECTION = "## Scaling out behind nginx"
COLD_STARTS, RERUN_SAMPLES, BROWSER_SAMPLES, KEY_PRESSES = (1, 10, 2, 4) if "--quick" in sys.argv else (3, 40, 11, 25)
TARGETS = {"rerun": 2.0, "open": 1.25, "link": 2.0, "key press": 1.5, "throughput": 0.5, "answer": 0.3, "shift": 0.1}
EDITIONS = ("hi", "ru")
"""The languages besides English whose page opens are measured too (``?lang=``)."""
OPENER_PAGE = "trade"
OPENER_QUERIES = tuple(
    f"flow={flow}&year={year}" for flow in ("imports", "exports") for year in ("2024-25", "2025-26")
)  # each open adds its own ``v=<n>``, so no two opens share a query string


@dataclass(frozen=True)
class WhatIf:
    """A page with a what-if control, the two values a reader moves it between, and the result it shows."""

    page: str  # URL path; "" for the landing page
    key: str
    values: tuple[float, float] | tuple[tuple[str], tuple[str]]
    metric: str = ""  # label of the metric the change shows in; empty for a table


REFERENCE_WHAT_IF = WhatIf("", "x", (5.0, 10.0), "Value in 2030")
WHAT_IFS = (
    WhatIf("what-if", "export_growth", (5.0, 10.0), "Total trade in 2030"),
    WhatIf("mobility", "visitor_growth", (5.0, 10.0), "Indian visitors to Russia, 2030 (scenario)"),
    WhatIf("connectivity", "origin", (("Chennai",), ("Mumbai (JNPT)",))),  # a segmented control sends its words
)
APP_PAGES = ("", "trade", "what-if", "defence", "mobility", "connectivity", "sources")


class Server:
    """A Streamlit server for one script, started fresh; ``cold_start_s`` is process start to first page served."""

    def __init__(self, script: Path):
        self.port = free_port()
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port), *SERVER_FLAGS],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_until_healthy(f"http://localhost:{self.port}", 90, poll_s=0.05):
            raise RuntimeError(f"{script.name}: the server did not become healthy")
        first = asyncio.run(_first_run(self.port, ""))
        assert first.finished_cleanly and not first.exceptions, f"{script.name} did not run cleanly"
        self.cold_start_s = time.perf_counter() - started

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}/"

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, all threads, user and system."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


async def _first_run(port: int, page: str):
    session, run = await open_session(port, page)
    await session.connection.close()
    return run


async def open_cost(server: Server, page: str) -> tuple[float, float]:
    """A reader following a link: median wall time of a new session's full run of ``page``, and the server's
    CPU time per such open (after one open that warms the caches)."""
    await _first_run(server.port, page)
    cpu_before = server.cpu_seconds()
    samples = [(await _first_run(server.port, page)).seconds for _ in range(RERUN_SAMPLES)]
    return median(samples), (server.cpu_seconds() - cpu_before) / RERUN_SAMPLES


# --- Server-side measures -------------------------------------------------------------------------


async def rerun_cost(server: Server, what_if: WhatIf) -> tuple[float, float]:
    """Median wall time of a rerun after the what-if control changes, and the server's CPU time per rerun."""
    session, _ = await open_session(server.port, what_if.page)
    samples = []
    for index in range(RERUN_SAMPLES + 2):
        if index == 2:  # the first two warm the caches
            cpu_before = server.cpu_seconds()
        run = await session.run(what_if.key, what_if.values[index % 2])
        assert run.finished_cleanly and not run.exceptions, f"{what_if.page or 'reference'}: rerun failed"
        if index >= 2:
            samples.append(run.seconds)
    cpu_per_rerun = (server.cpu_seconds() - cpu_before) / RERUN_SAMPLES
    await session.connection.close()
    return median(samples), cpu_per_rerun


async def _clients(
    attempt: Callable[[int, int], Awaitable[Run]], sessions: int = SESSIONS, attempts: int = RERUNS
) -> dict[str, float]:
    """``sessions`` clients at once, each making ``attempts`` in turn: how many were answered, the errors (a
    timeout, a dropped connection, an unclean run or an exception shown) and the answers a second."""

    async def client(index: int) -> tuple[int, int]:
        answered = errors = 0
        for count in range(attempts):
            try:
                run = await attempt(index, count)
            except Exception:  # a timeout or a dropped connection: unanswered
                errors += 1
                continue
            answered += 1
            errors += (not run.finished_cleanly) or run.exceptions > 0
        return answered, errors

    started = time.perf_counter()
    outcomes = await asyncio.gather(*(client(i) for i in range(sessions)))
    elapsed = time.perf_counter() - started
    answered = sum(a for a, _ in outcomes)
    return {
        "asked": sessions * attempts,
        "answered": answered,
        "errors": sum(e for _, e in outcomes),
        "seconds": elapsed,
        "throughput": answered / elapsed,
    }


async def load_test(port: int, what_if: WhatIf) -> dict[str, float]:
    """SESSIONS sessions open at once, then each reruns RERUNS times; throughput of the rerun phase."""
    sessions = [
        session for session, _ in await asyncio.gather(*(open_session(port, what_if.page) for _ in range(SESSIONS)))
    ]
    outcome = await _clients(lambda index, count: sessions[index].run(what_if.key, what_if.values[count % 2]))
    for session in sessions:
        await session.connection.close()
    return outcome


async def opener_load(
    port: int, page: str, queries: tuple[str, ...], sessions: int = SESSIONS, opens: int = RERUNS
) -> dict[str, float]:
    """``sessions`` link-openers at once, each opening ``page`` ``opens`` times as a new session with a new query
    string; throughput in opens a second."""

    async def open_once(index: int, count: int) -> Run:
        number = index * opens + count
        session, run = await open_session(port, page, f"{queries[number % len(queries)]}&v={number}")
        await session.connection.close()
        return run

    return await _clients(open_once, sessions, opens)


# --- Browser measures -----------------------------------------------------------------------------

ALL_DRAWN = """(expected) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  if (charts.length < expected) return false;
  const drawn = (c) => { const g = c.querySelector('canvas, svg'); return g && g.getBoundingClientRect().width > 0; };
  return charts.every(drawn);
}"""
IDLE = (
    """() => document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'"""
)


@dataclass(frozen=True)
class Contents:
    """What a page shows once it has long settled: charts, interactive tables and page elements."""

    charts: int
    tables: int
    elements: int


def contents(browser, url: str) -> Contents:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(IDLE, timeout=90_000)
    page.wait_for_timeout(3000)
    counts = [page.locator(f'[data-testid="{kind}"]').count() for kind in STREAMLIT_PARTS]
    context.close()
    return Contents(*counts)


STREAMLIT_PARTS = ("stVegaLiteChart", "stDataFrame", "stElementContainer")


@dataclass
class Opens:
    """Seconds per open by a fresh visitor: from navigation to the script idle, and to every chart drawn."""

    idle: list[float]
    drawn: list[float]


def open_once(browser, url: str, charts: int, opens: Opens) -> None:
    """A fresh visitor opens ``url``; its two times are added to ``opens``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(IDLE, timeout=90_000, polling="raf")
    opens.idle.append(time.perf_counter() - started)
    page.wait_for_function(ALL_DRAWN, arg=charts, timeout=90_000, polling="raf")
    opens.drawn.append(time.perf_counter() - started)
    context.close()


def opens_in_turn(browser, page: tuple[str, int], reference: tuple[str, int]) -> tuple[Opens, Opens]:
    """The page and the reference (url, charts) opened in turn, each first every other time, so that both see the
    same state of the host: a drift in the machine's speed moves both alike instead of the ratio."""
    page_opens, reference_opens = Opens([], []), Opens([], [])
    for sample in range(BROWSER_SAMPLES):
        turns = ((page, page_opens), (reference, reference_opens))
        for (url, charts), opens in turns if sample % 2 else reversed(turns):
            open_once(browser, url, charts, opens)
    return page_opens, reference_opens


PHONE = {"width": 390, "height": 844}
SHARED_ANSWER = ("what-if?export_growth=15&import_growth=-5", "text=/reaches US\\$ [0-9.]+ bn in FY2029-30/")
"""A shared what-if link, and its answer's sentence as the reader sees it (the server's first screen, then the
page's own answer)."""
REFERENCE_ANSWER = ("", '[data-testid="stMetricValue"]')


def answer_shown(browser, url: str, selector: str) -> float:
    """Seconds from navigation until ``selector`` is visible, for a fresh visitor on a phone."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator(selector).first.wait_for(state="visible", timeout=90_000)
    shown = time.perf_counter() - started
    context.close()
    return shown


def answers_in_turn(browser, app_url: str, reference_url: str) -> tuple[list[float], list[float]]:
    """The shared link's answer and the reference's metric, opened in turn (each first every other time)."""
    app, reference = [], []
    for sample in range(BROWSER_SAMPLES):
        turns = ((app_url + SHARED_ANSWER[0], SHARED_ANSWER[1], app), (reference_url, REFERENCE_ANSWER[1], reference))
        for url, selector, times in turns if sample % 2 else reversed(turns):
            times.append(answer_shown(browser, url, selector))
    return app, reference


LAYOUT_SHIFTS = """window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });"""


def layout_shift(browser, url: str) -> float:
    """The Cumulative Layout Shift while ``url`` opens on a phone, until three seconds after its script is idle."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFTS)
    page.goto(url)
    page.wait_for_function(IDLE, timeout=90_000)
    page.wait_for_timeout(3000)
    shift = page.evaluate("window.__layoutShift")
    context.close()
    return shift


WATCH_KEY_PRESS = """(value) => {
  const before = value.textContent;
  window.keyPressShown = new Promise((resolve, reject) => {
    let pressed;
    document.addEventListener("keydown", () => { pressed = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (pressed === undefined || value.textContent === before) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - pressed));
    });
    observer.observe(value, { subtree: true, childList: true, characterData: true });
    setTimeout(() => reject(new Error("the result did not change within 30 s")), 30000);
  });
}"""


@dataclass
class KeyPresses:
    """Milliseconds per key press: in the page, from the key down to the animation frame that shows the new
    value; and as the test driver sees it, from sending the key until its poll finds the new value."""

    shown: list[float]
    driver: list[float]


def key_presses(browser, url: str, what_if: WhatIf) -> KeyPresses:
    """Arrow key on the slider until the result it drives shows a new value, timed in the page and by the driver."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(IDLE, timeout=90_000)
    thumb = page.locator(f".st-key-{what_if.key}").get_by_role("slider")
    value = metric_card(page, what_if.metric).locator(METRIC_VALUES)
    thumb.focus()
    presses = KeyPresses([], [])
    for _ in range(KEY_PRESSES):
        before = value.inner_text()
        value.evaluate(WATCH_KEY_PRESS)
        started = time.perf_counter()
        thumb.press("ArrowRight")
        page.wait_for_function(
            "([el, before]) => el.innerText !== before", arg=[value.element_handle(), before], polling="raf"
        )
        presses.driver.append((time.perf_counter() - started) * 1000)
        presses.shown.append(page.evaluate("window.keyPressShown"))
        page.wait_for_function(IDLE, timeout=90_000)
    context.close()
    return presses


# --- Report ---------------------------------------------------------------------------------------


def results_section(title: str, command: str, setting: str, table: list[str], after: str) -> str:
    """A section of bench/RESULTS.md: its title, when and how it was measured and on what, the table, what it means."""
    measured = f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `{command}` on: {machine()}. {setting}"
    return "\n".join([title, "", measured, "", *table, "", after, ""])


def replace_section(title: str, text: str) -> None:
    """Replace one section of bench/RESULTS.md (from its title to the next '## '), or add it at the end; every other
    section stays as it is (``run.py --write`` rewrites what comes before the first of them)."""
    results = ROOT / "bench" / "RESULTS.md"
    current = results.read_text(encoding="utf-8")
    before, found, after = current.partition(title)
    later = after.split("\n## ", 1)[1] if found and "\n## " in after else ""
    kept = before if found else current
    results.write_text(f"{kept.rstrip()}\n\n{text.rstrip()}\n" + (f"\n## {later}" if later else ""), encoding="utf-8")


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = int(
        next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.0f} GiB; {platform.platform()}; "
        f"Python {platform.python_version()}; Streamlit {streamlit.__version__}"
    )


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="also write bench/RESULTS.md")
    parser.add_argument("--quick", action="store_true", help="fewer samples, for a first look")
    parser.add_argument("--page", action="append", help="measure only this page (repeatable; '' is the landing page)")
    args = parser.parse_args()
    pages = tuple(args.page) if args.page else APP_PAGES
    what_ifs = tuple(w for w in WHAT_IFS if w.page in pages) or WHAT_IFS[:1]
    rows: list[tuple[str, str, str, str, str, str]] = []  # measure, app, reference, ratio, target, met
    anatomy: list[tuple[str, Contents, float, float, float]] = []  # page, contents, first run, idle, drawn

    def add(measure: str, app: float, reference: float, unit: str, target: str = "", met: bool | None = None):
        ratio = app / reference
        verdict = "" if met is None else ("met" if met else "NOT MET")
        rows.append((measure, f"{app:.3g} {unit}", f"{reference:.3g} {unit}", f"{ratio:.2f}x", target, verdict))
        print(
            f"{measure:<48} app {app:9.3f} {unit:<6} reference {reference:9.3f} {unit:<6} ratio {ratio:5.2f}x {verdict}"
        )

    def add_absolute(measure: str, app: float, reference: float, target: str, met: bool):
        """A figure with a target of its own (the reference's shown beside it, no ratio)."""
        verdict = "met" if met else "NOT MET"
        rows.append((measure, f"{app:.3f}", f"{reference:.3f}", "—", target, verdict))
        print(f"{measure:<48} app {app:9.3f} reference {reference:9.3f} {verdict}")

    print("Starting servers (cold starts)...", flush=True)
    cold = {"app": [], "reference": []}
    for _ in range(COLD_STARTS):
        for name, script in (("app", APP), ("reference", REFERENCE)):
            server = Server(script)
            cold[name].append(server.cold_start_s)
            server.stop()
    app_server, reference_server = Server(APP), Server(REFERENCE)
    try:
        reference_wall, reference_cpu = asyncio.run(rerun_cost(reference_server, REFERENCE_WHAT_IF))
        for what_if in what_ifs:
            app_wall, app_cpu = asyncio.run(rerun_cost(app_server, what_if))
            control = "slider" if what_if.metric else "segmented control"
            for measure, app, reference in (
                (f"rerun after a {control} change: /{what_if.page}, wall time", app_wall, reference_wall),
                (f"rerun after a {control} change: /{what_if.page}, server CPU", app_cpu, reference_cpu),
            ):
                add(
                    measure,
                    app * 1000,
                    reference * 1000,
                    "ms",
                    f"<= {TARGETS['rerun']}x",
                    app / reference <= TARGETS["rerun"],
                )

        reference_first, reference_open_cpu = asyncio.run(open_cost(reference_server, ""))
        app_first = {}
        for page in pages:
            app_first[page], app_open_cpu = asyncio.run(open_cost(app_server, page))
            add(
                f"a link opened (new session, full run): /{page}, server CPU",
                app_open_cpu * 1000,
                reference_open_cpu * 1000,
                "ms",
                f"<= {TARGETS['link']}x",
                app_open_cpu / reference_open_cpu <= TARGETS["link"],
            )

        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            reference_contents = contents(browser, reference_server.url)
            reference_all = Opens([], [])
            for page in pages:
                url = app_server.url + page
                page_contents = contents(browser, url)
                app_opens, reference_opens = opens_in_turn(
                    browser, (url, page_contents.charts), (reference_server.url, reference_contents.charts)
                )
                reference_all.idle += reference_opens.idle
                reference_all.drawn += reference_opens.drawn
                app_open, reference_open = median(app_opens.drawn), median(reference_opens.drawn)
                anatomy.append((f"/{page}", page_contents, app_first[page], median(app_opens.idle), app_open))
                add(
                    f"open until every chart is drawn: /{page}",
                    app_open,
                    reference_open,
                    "s",
                    f"<= {TARGETS['open']}x",
                    app_open / reference_open <= TARGETS["open"],
                )
            for language in EDITIONS:  # the same opens in Hindi and in Russian
                for page in pages:
                    url = f"{app_server.url}{page}?lang={language}"
                    app_opens, reference_opens = opens_in_turn(
                        browser, (url, contents(browser, url).charts), (reference_server.url, reference_contents.charts)
                    )
                    app_open, reference_open = median(app_opens.drawn), median(reference_opens.drawn)
                    add(
                        f"open until every chart is drawn: /{page}?lang={language}",
                        app_open,
                        reference_open,
                        "s",
                        f"<= {TARGETS['open']}x",
                        app_open / reference_open <= TARGETS["open"],
                    )
            reference_row = (median(reference_all.idle), median(reference_all.drawn))
            anatomy.insert(0, ("reference", reference_contents, reference_first, *reference_row))
            reference_keys = key_presses(browser, reference_server.url, REFERENCE_WHAT_IF)
            for what_if in what_ifs:
                if what_if.metric:
                    app_keys = key_presses(browser, app_server.url + what_if.page, what_if)
                    shown, reference_shown = median(app_keys.shown), median(reference_keys.shown)
                    add(
                        f"slider key press until the result changes: /{what_if.page}",
                        shown,
                        reference_shown,
                        "ms",
                        f"<= {TARGETS['key press']}x",
                        shown / reference_shown <= TARGETS["key press"],
                    )
                    add(
                        f"slider key press until the test driver sees the change: /{what_if.page}",
                        median(app_keys.driver),
                        median(reference_keys.driver),
                        "ms",
                    )
            if "what-if" in pages:
                app_answer, reference_answer = answers_in_turn(browser, app_server.url, reference_server.url)
                answer, reference_metric = median(app_answer), median(reference_answer)
                add(
                    f"first screen on a phone until the answer is shown: /{SHARED_ANSWER[0]}",
                    answer,
                    reference_metric,
                    "s",
                    f"<= {TARGETS['answer']}x",
                    answer / reference_metric <= TARGETS["answer"],
                )
            reference_shift = layout_shift(browser, reference_server.url)
            for page in (*pages, SHARED_ANSWER[0]) if "what-if" in pages else pages:
                shift = max(layout_shift(browser, app_server.url + page) for _ in range(2))
                add_absolute(
                    f"layout shift (CLS) while opening on a phone: /{page}",
                    shift,
                    reference_shift,
                    f"<= {TARGETS['shift']}",
                    shift <= TARGETS["shift"],
                )
            browser.close()

        app_rss_before, reference_rss_before = app_server.rss_mb(), reference_server.rss_mb()
        app_load = asyncio.run(load_test(app_server.port, what_ifs[0]))
        reference_load = asyncio.run(load_test(reference_server.port, REFERENCE_WHAT_IF))
        app_load["mb_per_session"] = (app_server.rss_mb() - app_rss_before) / SESSIONS
        reference_load["mb_per_session"] = (reference_server.rss_mb() - reference_rss_before) / SESSIONS
        load_ok = app_load["answered"] == app_load["asked"] and app_load["errors"] == 0
        add(
            f"load: {SESSIONS} sessions x {RERUNS} reruns of /{what_ifs[0].page}, reruns/s",
            app_load["throughput"],
            reference_load["throughput"],
            "/s",
            f">= {TARGETS['throughput']}x, all answered, no errors",
            load_ok and app_load["throughput"] / reference_load["throughput"] >= TARGETS["throughput"],
        )
        print(f"  app: {app_load}\n  reference: {reference_load}")
        app_openers = asyncio.run(opener_load(app_server.port, OPENER_PAGE, OPENER_QUERIES))
        reference_openers = asyncio.run(opener_load(reference_server.port, "", ("x=5", "x=10")))
        add(
            f"load: {SESSIONS} link-openers x {RERUNS} opens of /{OPENER_PAGE}, opens/s",
            app_openers["throughput"],
            reference_openers["throughput"],
            "/s",
            f">= {TARGETS['throughput']}x, all answered, no errors",
            app_openers["answered"] == app_openers["asked"]
            and app_openers["errors"] == 0
            and app_openers["throughput"] / reference_openers["throughput"] >= TARGETS["throughput"],
        )
        print(f"  app openers: {app_openers}\n  reference openers: {reference_openers}")
        app_load["openers"], reference_load["openers"] = app_openers, reference_openers
        add("cold start: process start to first page served", median(cold["app"]), median(cold["reference"]), "s")
        add("server memory (RSS) after the load run", app_server.rss_mb(), reference_server.rss_mb(), "MB")
    finally:
        app_server.stop()
        reference_server.stop()

    if args.write:
        write_results(rows, anatomy, app_load, reference_load)


def write_results(rows, anatomy, app_load: dict, reference_load: dict) -> None:
    """bench/RESULTS.md: the tables, the load run's counts, what was not met and the machine it came from."""
    reference = anatomy[0]
    not_met = [row for row in rows if row[-1] == "NOT MET"]
    timings = {"reference_idle": reference[3], "reference_draw": reference[4] - reference[3]}
    reasons = [
        why.format(**timings)
        for measure, why in WHY_NOT_MET.items()
        if any(row[0].startswith(measure) for row in not_met)
    ]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `python bench/run.py --write` on: {machine()}.",
        "",
        "Each figure is the median of several runs; the ratio divides the app's figure by the minimal reference "
        "app's (`bench/reference_app.py`: one slider, one small Altair chart, one metric; served as the app is, "
        "by `bench/reference_served.py`), measured the same way in the same run. Each page's opening is measured "
        "in turn with the reference's (reference then page, then "
        "page then reference, and so on), so the reference column of those rows differs a little from page to "
        "page; the reference row of the second table pools all of them.",
        "",
        "| Measure | App | Reference | Ratio | Target | |",
        "|---|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
        f"Load run, app: {app_load['answered']} of {app_load['asked']} reruns answered, {app_load['errors']} errors, "
        f"{app_load['seconds']:.1f} s. Reference: {reference_load['answered']} of {reference_load['asked']} answered, "
        f"{reference_load['errors']} errors, {reference_load['seconds']:.1f} s. Link-openers, app: "
        f"{app_load['openers']['answered']} of {app_load['openers']['asked']} opens answered, "
        f"{app_load['openers']['errors']} errors, {app_load['openers']['seconds']:.1f} s; reference: "
        f"{reference_load['openers']['answered']} of {reference_load['openers']['asked']}, "
        f"{reference_load['openers']['errors']} errors, {reference_load['openers']['seconds']:.1f} s.",
        "",
        f"Server memory grew {app_load['mb_per_session']:.2f} MB per session over the load run "
        f"(reference: {reference_load['mb_per_session']:.2f} MB). Streamlit keeps a closed session for two minutes, "
        "up to 128 of them, in case its reader reconnects, and a session of this app holds the tables of the page "
        "it showed: memory grows with new visitors until that cap, then stays flat.",
        "",
        "Where a link's open goes: a py-spy profile of the server while opening /mobility over the websocket "
        "(`py-spy record -p <server pid>`) once found three fifths of the event loop's samples in Streamlit's file "
        "watcher, which for every new session walked the path of each loaded module to choose what to watch. A "
        "public server's code changes only with a restart, so `.streamlit/config.toml` turns the watcher off "
        "(`server.fileWatcherType`; the reference runs with the same settings). A chart's fixed tables are "
        "converted to Arrow once per server (`Spec.sent`), not on every run, and the map's country shapes (108 kB) "
        "are not in its spec: a reader's browser fetches them from the open data API and keeps them for an hour "
        "(`Spec.fetched`), where Streamlit wrote them out three times over on every open of /connectivity. "
        "Streamlit 1.67 binds its listening socket with protocol 0, so asyncio leaves Nagle's algorithm on for "
        "every connection: a response's second write (a file's body after its headers, a run's second message) "
        "waited until the browser acknowledged the first, up to 40 ms each time. The app's server turns it off at "
        "start (`components/server/sockets.py`), and the reference is served the same way "
        "(`bench/reference_served.py`). In Chromium the reference, whose main thread mostly waits on the network "
        "while it opens, opened about 200 ms sooner; the pages, busy rendering throughout, barely moved, so each "
        "opening ratio rose while the pages stayed as heavy. Within "
        "the script, what remains is "
        "element calls (markdown, metrics, citations) and small filters of the link's choices: every table, text "
        "and chart spec that depends on the data alone is built once per server, and those that depend on the link "
        "once per distinct choice (`components/store/prepared.py`), so no run hashes a DataFrame.",
        "",
        "## What each page holds, and where its opening time goes",
        "",
        "Charts and interactive tables drawn on opening (tables inside closed sections are built only when a "
        "reader opens them), Streamlit elements, the server's first run for a new visitor (over the websocket), "
        "and in Chromium the time until the script is idle and until every chart is drawn.",
        "",
        "| Page | Charts | Tables | Elements | Server first run | Script idle | Every chart drawn |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {name} | {c.charts} | {c.tables} | {c.elements} | {first * 1000:.0f} ms | {idle:.2f} s "
            f"| {drawn:.2f} s |"
            for name, c, first, idle, drawn in anatomy
        ),
        "",
        "## Targets not met",
        "",
        *(
            [f"- {row[0]}: {row[3]} against {row[4]}." for row in not_met]
            + [paragraph for reason in reasons for paragraph in ("", reason)]
            if not_met
            else ["Every target is met."]
        ),
        "",
    ]
    results = ROOT / "bench" / "RESULTS.md"
    scaling = results.read_text(encoding="utf-8").partition(SCALING_SECTION)  # bench/cluster.py writes this part
    kept = [scaling[1] + scaling[2]] if scaling[1] else []
    results.write_text("\n".join(lines + kept), encoding="utf-8")


WHY_NOT_MET = {
    "a link opened": (
        "A link's open: see \"Where a link's open goes\" above. Without the file watcher the reference's open costs "
        "the server about 20 ms; each element, chart and citation a page adds costs its share on top."
    ),
    "open": (
        "Opening: the reference page draws one small chart and no table, so its script is idle after "
        "{reference_idle:.2f} s and its chart is drawn {reference_draw:.2f} s later. Chrome's profiler shows a "
        "page's single main thread busy from the first message to the last chart, in React, Streamlit's Markdown, "
        "CSS-in-JS and Vega. The charts are not what costs: /trade's four charts alone, in a page of nothing else, "
        "open at about 1.06x. Its other elements do: added to those four charts one kind at a time, the sidebar "
        "costs about 85 ms, four metrics 70 ms, twelve paragraphs 45 ms, eight closed sections 45 ms, four "
        "captions or four headings 25 ms each, roughly adding up. /trade without its footer's page links and its "
        "four table-view sections opens at about 1.33x. Sending a run's messages in one burst, skipping the layout "
        "of elements off screen (CSS content-visibility) and serving without the first screen each changed "
        'nothing, and preloading the chart code from the HTML made opening slower (bench/RESULTS.md, "Where a '
        "page's opening goes\"). What a page opens with loads no more code than it needs: its few first columns "
        "are a Markdown table (no table code), the house style comes in its HTML (no HTML element), its choices "
        "are buttons (no select-box code), and its full tables, searches and details open in their sections. "
        "The frame every page shares (its top navigation, the sidebar with the language switch, the footer) around "
        "the reference's own slider, chart and metric opens at 1.13-1.23x, and at 1.03-1.04x without them "
        '(bench/RESULTS.md, "The app\'s frame"): it takes most of what the target allows before a page shows '
        "anything of its own. Reaching 1.25x on /trade, /defence and /mobility would mean opening with about 40% "
        "less of the text, key numbers and table-view sections the pages are built from. A single run's ratio "
        "varies by about 0.05 on the same code."
    ),
    "first screen on a phone": (
        "A shared link's answer: it comes in the server's HTML and is painted before Streamlit's code is fetched "
        "(components/server/web.py, booting_after_first_paint), about 0.15 s after the click, while the reference's "
        "metric waits for its whole app (1.05-1.46 s between runs on this machine). If this row is not met, check "
        "that Streamlit's page shell still has the shape that function looks for (a test does)."
    ),
    "slider key press": (
        "Key press: a card drawn by Streamlit changes only when the rerun comes back, and Streamlit's frontend "
        "renders each element of the rerun (React and its CSS-in-JS) as its message arrives. /what-if's answer and "
        "/mobility's counts are therefore redrawn in the browser the moment a slider moves "
        "(`components/ui/answer.py`: each model in JavaScript, checked against the Python model for every slider "
        "position), so the figure changes within a frame of the key; the rerun's rendering still follows, which is "
        "what the test driver's row shows (its calls wait behind that rendering)."
    ),
}


if __name__ == "__main__":
    main()
