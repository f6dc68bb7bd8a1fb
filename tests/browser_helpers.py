"""What the browser tests share: opening a page as a reader does, waiting as Streamlit's own suite does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Download, Locator, Page, expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def settle(page: Page) -> Page:
    """Wait, like Streamlit's own suite, a short moment for a run to start, then until it is idle and the page has
    taken the place of the first screen the server sent."""
    page.wait_for_timeout(210)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    expect(page.locator("#first-screen")).to_have_count(0, timeout=30_000)
    return page


def open_idle(page: Page, url: str) -> Page:
    """Open a URL and wait until the script is idle and nothing is loading."""
    page.goto(url)
    settle(page)
    expect(page.locator("[data-testid=stSkeleton]")).to_have_count(0, timeout=30_000)
    return page


METRIC_CARDS = "[data-testid=stMetric], [data-testid=answer-card]"  # st.metric, or a card drawn in the browser
METRIC_VALUES = "[data-testid=stMetricValue], [data-testid=answer-value]"


def metric_card(page: Page, label: str) -> Locator:
    """The card labelled ``label``: an ``st.metric``, or a card drawn in the browser (What-if, Mobility)."""
    return page.locator(METRIC_CARDS).filter(has=page.get_by_text(label, exact=True))


def metric_value(page: Page, label: str) -> str:
    return metric_card(page, label).locator(METRIC_VALUES).inner_text()


def slider(page: Page, label: str):
    """The range input of the slider whose label starts with ``label``."""
    return page.locator("[data-testid=stSlider]").filter(has_text=label).get_by_role("slider")


def expect_no_error_boxes(page: Page) -> None:
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    expect(page.locator("[data-testid=stAlertContentError]")).to_have_count(0)


@contextmanager
def fresh_page(browser: Browser, viewport: dict[str, int] = PHONE, **options) -> Iterator[Page]:
    """A page in a new browser context: no cookies, no storage, no session, as a reader opening a shared link."""
    context = browser.new_context(viewport=viewport, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


DATA_MARKS = """(chart) => {
  const marks = [...chart.querySelectorAll('svg.marks g.role-mark')];
  const of = (kind, tag) =>
    marks.filter(g => g.classList.contains('mark-' + kind)).flatMap(g => [...g.querySelectorAll(tag)]);
  return {
    labels: of('text', 'text').map(t => t.textContent),
    dashes: of('line', 'path').map(p => p.getAttribute('stroke-dasharray')),
    cells: of('rect', 'path').map(p => p.getAttribute('fill')),
    points: of('symbol', 'path').map(p => p.getAttribute('fill')),
    drawn: marks.reduce((n, g) => n + g.querySelectorAll('path, text').length, 0),
  };
}"""


def drawn_charts(page: Page, expected: int) -> list[dict]:
    """The data marks each chart on the page has drawn (Vega's SVG): labels, line dashes, cell and point fills."""
    charts = page.locator("[data-testid=stVegaLiteChart]")
    expect(charts).to_have_count(expected, timeout=30_000)
    for index in range(expected):
        expect(charts.nth(index).locator("svg.marks g.role-mark").first).to_be_attached(timeout=30_000)
    return [charts.nth(index).evaluate(DATA_MARKS) for index in range(expected)]


def clicked_download(page: Page, link: Locator, seconds: float = 60, tries: int = 3) -> Download:
    """The file a reader gets by clicking a download link (a link button opens it in a new tab, which the browser
    turns into a download). As a reader would, it clicks again when nothing came of a click: now and then the new
    tab's download is missed, or the click is, in a full run of the suite."""
    got: list[Download] = []
    tabs: list[str] = []

    def watch(opened: Page) -> None:
        tabs.append(opened.url)
        opened.on("download", lambda download: got.append(download))

    page.context.on("page", watch)
    page.on("download", lambda download: got.append(download))
    expect(link).to_be_visible(timeout=30_000)  # a section built when opened brings its links with that run,
    settle(page)  # clicked once the run has finished: a link redrawn under the pointer loses the click
    for _ in range(tries):
        link.click()
        for _ in range(int(seconds / tries * 10)):
            if got:
                return got[0]
            page.wait_for_timeout(100)
    raise AssertionError(f"no download after {tries} clicks from {link.get_attribute('href')}; tabs opened: {tabs}")
