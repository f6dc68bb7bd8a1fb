"""Each page's first screen as HTML, sent inside the page itself: what the page's first screen says — its title, its
finding with its sources, its key numbers, and for a what-if link the answer to that link's scenario — readable
from the first paint, before Streamlit's JavaScript has loaded, and by readers and crawlers without JavaScript.

The words come from the page's own ``first_screen`` (or ``link_first_screen``) hook, from the link's validated
values only, and are escaped here; the Markdown they hold is the small part of it the pages use (bold, italics,
links). Once Streamlit has drawn the page (its script has run and, for the what-if, its answer is on screen), a
fixed script removes this copy in one frame; if the page never connects, it stays, with a line saying so."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import parse_qs

from components.core import i18n, pages
from components.core.citing import SITE_ABOUT, SITE_NAME
from components.core.formatting import anchor, card_label, fit_small_cards, percent
from components.core.i18n import tr
from components.store import sourcing, url_state
from components.store.data import cached
from components.topics.overview import FirstScreen

_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|~>:])")
_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|/|#)[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def markdown_html(text: str) -> str:
    """The pages' Markdown as HTML: escaped characters, links (web and site addresses only), bold and italics;
    everything else as text. Escapes first, so no markup in the text ever becomes HTML."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(escape(match.group(1)))
        return f"\x00{len(kept) - 1}\x00"

    html = escape(_ESCAPED.sub(keep, text), quote=False)
    html = _LINK.sub(lambda m: f'<a href="{escape(m.group(2))}">{m.group(1)}</a>', html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], html)


def _cards(screen: FirstScreen) -> str:
    if not screen.cards:
        return ""
    cards = "".join(
        f'<div class="fs-card"><p class="fs-label">{escape(card_label(n.label))}</p>'
        f'<p class="fs-value">{escape(n.value)}</p></div>'
        for n in screen.cards
    )
    sources = " · ".join(markdown_html(sourcing.source_markdown(n.source_id, short=True)) for n in screen.cards)
    small = " fs-small" if fit_small_cards([n.value for n in screen.cards]) else ""
    heading = escape(tr("Sources, card by card:"))
    return f'<div class="fs-cards{small}">{cards}</div><p class="fs-caption">{heading} {sources}</p>'


def _percent(value: int) -> str:
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{percent(abs(value), 0)}"


def _answer(answer: dict) -> str:
    """The what-if's answer as its component draws it: the sentence, then A beside B when A is pinned, else the
    two 2030 cards."""
    parts = [f'<p class="fs-sentence">{escape(answer["sentence"])}</p>']
    cards, labels = answer["cards"], answer["labels"]
    if answer["compare"]:
        pinned, levers = answer["compare"], answer["levers"]
        growth = (
            f"{_percent(pinned['levers']['export_growth'])} / {_percent(pinned['levers']['import_growth'])}",
            f"{_percent(levers['export_growth'])} / {_percent(levers['import_growth'])}",
        )
        rows = (
            (labels["total"], pinned["total"], cards[0]["value"]),
            (labels["balance"], pinned["balance"], cards[1]["value"]),
            (labels["growth"], *growth),
        )
        body = "".join(
            f'<tr><th scope="row">{escape(name)}</th><td class="fs-a">{escape(a)}</td><td>{escape(b)}</td></tr>'
            for name, a, b in rows
        )
        parts.append(
            f'<table class="fs-versus"><thead><tr><th scope="col">{escape(labels["year"])}</th>'
            f'<th scope="col">{escape(labels["a"])}</th><th scope="col">{escape(labels["b"])}</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    else:
        for card in cards:
            direction = card["direction"]
            arrow = {"down": "↓ ", "up": "↑ ", "none": ""}[direction]
            parts.append(
                f'<div class="fs-answer-card"><p class="fs-label">{escape(card["label"])}</p>'
                f'<p class="fs-big">{escape(card["value"])}</p>'
                f'<p class="fs-delta fs-{direction}">{arrow}{escape(card["delta"])}</p></div>'
            )
    return f'<div class="fs-answer">{"".join(parts)}</div>'


STALLED = i18n.mark("The interactive page could not load here; this is its first screen. Reload to try again.")


def screen_html(screen: FirstScreen, page: pages.PageInfo) -> str:
    """The first screen's HTML: the site's navigation and sidebar as the page has them on a wide screen, then the
    title, the finding with its sources, and the key numbers (or the what-if's answer, then its source)."""
    links = "".join(
        f'<a href="/{"" if p is pages.PAGES[0] else p.url_path}{i18n.link_query()}"'
        f"{' aria-current=page' if p is page else ''}>"
        f"{escape(p.name)}</a>"
        for p in pages.PAGES
    )
    label = escape(tr("Sources") if ";" in screen.sources else tr("Source"))
    sources = (
        f'<p class="fs-caption">{label}: {markdown_html(sourcing.source_markdown(screen.sources, short=True))}</p>'
        if screen.sources
        else ""
    )
    finding = f"<p>{markdown_html(screen.finding)}</p>" if screen.finding else ""
    if screen.contents:
        sections = " · ".join(f'<a href="#{anchor(s)}">{escape(tr(s))}</a>' for s in screen.contents)
        finding = f"<p><strong>{escape(tr('On this page:'))}</strong> {sections}</p>{finding}"
    note = f'<p class="fs-caption">{escape(screen.sections_note())}</p>' if screen.sections_note() else ""
    body = _answer(screen.answer) + sources if screen.answer else sources + note + _cards(screen)
    return (
        f'<nav class="fs-nav" aria-label="Pages">{links}</nav>'
        f'<aside class="fs-side"><p><strong>{escape(tr(SITE_NAME))}</strong></p>'
        f'<p class="fs-caption">{escape(tr(SITE_ABOUT))}</p></aside>'
        f'<div class="fs-main"><h1>{escape(screen.title)}</h1>{finding}{body}'
        f'<p class="fs-stalled-note" role="status">{escape(tr(STALLED))}</p></div>'
    )


@cached(maxsize=256)
def _rendition(script: str, validated_query: str) -> str:
    page = pages.by_script(script)
    query = parse_qs(validated_query, keep_blank_values=True)
    _, readings = url_state.read(page, query)
    if (from_link := page.hook("link_first_screen")) is not None:
        screen = from_link(readings)
    elif (fixed := page.hook("first_screen")) is not None:
        screen = fixed()
    else:
        return ""
    waits_for = "answer-sentence" if screen.answer else ""
    return (
        f'<div id="first-screen" data-waits-for="{waits_for}">{screen_html(screen, page)}</div>'
        f"<script>{HAND_OVER}</script>"
    )


def rendition(page: pages.PageInfo, query: Mapping[str, Sequence[str]]) -> str:
    """What goes at the top of the page's body for a link: its first screen and the script that hands over to the
    page once drawn; '' for a page without a first screen. Cached per page and validated link."""
    return _rendition(page.script, url_state.validated_query(page, query))


HAND_OVER = """(() => {
  const STALLED_MS = 10000;  // no page by then: say so under the first screen
  const screen = document.getElementById("first-screen");
  const html = document.documentElement;
  html.classList.add("fs-waiting");
  const started = Date.now();
  const deep = (selector) => {
    const found = document.querySelector(selector);
    if (found) return found;
    for (const host of document.querySelectorAll("[data-testid=stMain] *")) {
      const inner = host.shadowRoot && host.shadowRoot.querySelector(selector);
      if (inner) return inner;
    }
    return null;
  };
  let idleSince = 0;
  const drawn = () => {
    const app = document.querySelector("[data-testid=stApp]");
    if (!app || app.dataset.testScriptState !== "notRunning" || document.querySelector("[data-testid=stSkeleton]")) {
      idleSince = 0;
      return false;
    }
    idleSince = idleSince || Date.now();
    const waitsFor = screen.dataset.waitsFor;
    const shown = waitsFor && deep("[data-testid=" + waitsFor + "]");
    return !waitsFor || Boolean(shown && shown.textContent.trim()) || Date.now() - idleSince > 1000;
  };
  const check = () => {
    if (drawn()) {
      requestAnimationFrame(() => {
        screen.remove();
        html.classList.remove("fs-waiting");
        performance.mark("first-screen-handed-over");
      });
      return;
    }
    const app = document.querySelector("[data-testid=stApp]");
    const lost = app && app.dataset.testConnectionState === "DISCONNECTED_FOREVER";
    if (lost || Date.now() - started > STALLED_MS) screen.classList.add("fs-stalled");
    setTimeout(check, 40);
  };
  check();
})();"""
"""Fixed text: it reads the page, never the link."""


STYLE = """<style>
#first-screen { color: rgb(49, 51, 63); font-family: "Source Sans", sans-serif; font-size: 16px; line-height: 1.6; }
#first-screen a { color: #0b5cad; }
#first-screen p { margin: 0; }
.fs-main { display: flex; flex-direction: column; gap: 1rem; max-width: 46rem; margin: 0 auto; padding: 1rem; }
.fs-main h1 { margin: 0 0 -1rem; padding: 20px 0 16px; font-size: 2rem; font-weight: 700; line-height: 1.2;
  color: rgb(38, 39, 48); }
.fs-caption { font-size: 14px; color: #555761; }
.fs-nav, .fs-side { display: none; }
.fs-cards { display: flex; flex-wrap: wrap; gap: 1rem; }
.fs-card { box-sizing: border-box; flex: 1 1 calc(50% - 0.5rem); min-width: 16rem; padding: 16px;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; }
.fs-small .fs-card { flex: 0 0 168px; min-width: 0; }
.fs-label { font-size: 14px; line-height: 1.4; }
.fs-answer-card .fs-label { display: flex; align-items: center; min-height: 1.5rem; }
.fs-value { font-size: 36px; line-height: 1.4; text-wrap: balance; }
.fs-answer { display: flex; flex-wrap: wrap; gap: 1rem; }
.fs-sentence { flex: 1 1 100%; font-weight: 600; }
.fs-answer-card { flex: 1 1 15rem; padding: 0.75rem 1rem; border: 1px solid rgba(49, 51, 63, 0.2);
  border-radius: 0.5rem; }
.fs-big { font-size: 2.25rem; line-height: 1.3; text-wrap: balance; }
#first-screen .fs-delta { display: inline-block; margin-top: 0.25rem; padding: 0.1rem 0.5rem; border-radius: 1rem;
  font-size: 0.875rem; }
.fs-up { color: #177233; background: rgba(33, 195, 84, 0.1); }
.fs-down { color: #b42318; background: rgba(255, 43, 43, 0.09); }
.fs-none { color: #3d3d3d; background: rgba(49, 51, 63, 0.08); }
.fs-versus { border-collapse: collapse; width: 100%; max-width: 36rem; }
.fs-versus th, .fs-versus td { padding: 0.3rem 0.6rem; border-bottom: 1px solid rgba(49, 51, 63, 0.2);
  text-align: right; }
.fs-versus th[scope=row], .fs-versus thead th:first-child { text-align: left; font-weight: 400; }
.fs-versus td { font-size: 1.25rem; font-weight: 600; white-space: nowrap; }
.fs-versus td.fs-a { color: #882255; }
.fs-stalled-note { display: none; }
.fs-stalled .fs-stalled-note { display: block; font-size: 14px; color: #555761; }
@media (min-width: 641px) { .fs-main h1 { font-size: 2.75rem; } }
html.fs-waiting #root { visibility: hidden; transform: translateX(-300vw); }
html.fs-waiting #first-screen { position: absolute; inset: 0 0 auto 0; min-height: 100vh; z-index: 1000000;
  background: #fff; }
html.fs-waiting .fs-main { max-width: none; margin: 0; padding: 72px 16px 2rem; }
@media (min-width: 768px) { html.fs-waiting .fs-main { padding-top: 128px; } }
@media (min-width: 769px) {
  html.fs-waiting .fs-side { display: block; position: absolute; inset: 0 auto 0 0; width: 300px;
    box-sizing: border-box; min-height: 100vh; padding: 76px 30px; background: rgb(248, 248, 247); }
  html.fs-waiting .fs-side p + p { margin-top: 0.75rem; }
  html.fs-waiting .fs-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; position: absolute; top: 18px;
    left: 325px; right: 60px; font-size: 14px; }
  html.fs-waiting #first-screen .fs-nav a { color: rgb(49, 51, 63); text-decoration: none; }
  html.fs-waiting .fs-main { margin-left: 300px; }
}
@media (min-width: 992px) { html.fs-waiting .fs-main { padding-left: 80px; padding-right: 80px; } }
</style>"""
"""The first screen's look, matched to Streamlit's at 390 and 1366 px (fixed text)."""
