"""What the server answers before Streamlit does, as pure functions: which addresses are pages, which move, and the
"page not found" page. ``serve.py`` wires them into the ASGI app; no Streamlit import here."""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from components.core import i18n, pages, what_if_state
from components.core.citing import SITE_NAME
from components.core.i18n import tr


def public_base() -> str:
    """The public address the site is configured with (``PUBLIC_BASE_URL``, e.g. https://explorer.example.org), or
    '' when none is: then, in development, the request says where the site is."""
    configured = os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/")
    parts = urlsplit(configured)
    return configured if parts.scheme in ("http", "https") and parts.netloc and not parts.path else ""


STREAMLIT_PREFIXES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/", "/api/")
"""Paths served by Streamlit itself (or by our routes), never by a page."""


PAGE_AT = {"/": pages.PAGES[0]} | {f"/{p.url_path}": p for p in pages.PAGES[1:]}
"""Each page by the path a reader opens it at; the landing page lives at ``/``."""
LANDING = f"/{pages.PAGES[0].url_path}"
"""The landing page's own name: an old or guessed address for ``/``."""


@dataclass(frozen=True)
class Answer:
    """What to do with a browser's request for a path: serve a page, let Streamlit serve it, redirect it, or say
    not found."""

    action: Literal["page", "pass", "redirect", "not found"]
    location: str = ""


def answer(path: str, query: str = "") -> Answer:
    """How the server treats a GET for ``path``: a page is served (with its preview tags); Streamlit's own routes
    and files pass; an old link redirects to where it now lives (``what_if_state.MIGRATIONS``), the landing page's
    name and a page with a trailing slash too (keeping the query); any other path is not found, since Streamlit
    would serve a blank page for one with two or more segments."""
    if path.startswith("/api/") and any(part in ("", ".", "..") for part in path[5:].split("/")):
        return Answer("not found")  # a path trick under the API (an encoded slash arrives decoded)
    if (moved := what_if_state.migrated(path, parse_qs(query, keep_blank_values=True))) is not None:
        return Answer("redirect", f"{moved[0]}?{urlencode(moved[1], doseq=True)}")  # an old link, where it now lives
    if path in PAGE_AT:
        return Answer("page")
    if path.startswith(STREAMLIT_PREFIXES) or "." in path.rsplit("/", 1)[-1]:  # e.g. /favicon.png, /manifest.json
        return Answer("pass")
    stripped = path.rstrip("/") or "/"
    suffix = f"?{query}" if query else ""
    if stripped == LANDING:
        return Answer("redirect", f"/{suffix}")
    if stripped in PAGE_AT:
        return Answer("redirect", f"{stripped}{suffix}")
    return Answer("not found")


_STREAMLIT_TITLE = b"<title>Streamlit</title>"
SERVER_AT_APP_ROOT = '<script>window.__streamlit = {BACKEND_BASE_URL: new URL(".", location.href).href};</script>'
"""Tells Streamlit's frontend where its server is: the app's root, the folder of every page's address (also behind
a proxy that adds a path prefix). Left to find it, the frontend at ``/what-if`` first asks
``/what-if/_stcore/health``, waits for the 404 and a retry delay, then asks the root: about 0.1 s lost on every
link to a page. ``window.__streamlit`` is the frontend's own configuration hook for hosts (``BACKEND_BASE_URL``);
the script is fixed text."""


def _page_links(separator: str) -> str:
    """Every page's link, named in the reader's language and keeping it."""
    keep = i18n.link_query()
    return separator.join(f'<li><a href="{path}{keep}">{escape(p.name)}</a></li>' for path, p in PAGE_AT.items())


def without_javascript() -> str:
    """What a browser without JavaScript shows under the page's first screen: what the site is, that its charts and
    sliders need JavaScript, its pages and its open data (fixed text, in the reader's language; written once per
    language)."""
    return _without_javascript(i18n.current())


@functools.cache
def _without_javascript(language: str) -> str:
    about = tr(
        "An explainer of the 23rd India–Russia Annual Summit (New Delhi, 4–5 December 2025) and the year since, every "
        "figure with its source. Its charts and sliders need JavaScript. Its pages:"
    )
    data = tr("Its data, each row with its source:")
    return (
        "<noscript><main style=\"font-family: 'Source Sans', sans-serif; line-height: 1.6; color: rgb(49, 51, 63); "
        f'max-width: 46rem; margin: 1rem auto; padding: 0 1rem"><h2>{escape(tr(SITE_NAME))}</h2><p>{escape(about)}'
        f"</p><ul>{_page_links('')}</ul><p>{escape(data)} "
        f'<a href="/api/v1/datapackage.json">{escape(tr("the data package"))}</a>.</p></main></noscript>'
    )


_ASSETS = Path(__file__).resolve().parents[2] / "assets"
_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.DOTALL)
_HOUSE_CSS = "".join(_CSS_COMMENT.sub("", (_ASSETS / f).read_text("utf-8")) for f in ("house.css", "fonts.css"))
HOUSE_STYLE = f"<style>{_HOUSE_CSS}</style>"
"""The house style Streamlit's theme cannot set, and Hindi's font, without their comments: in every page's HTML, so
the first paint has it and the browser loads no code to add it; at the end of the body, after the styles Streamlit
writes into the head, so it wins where both set the same property."""

_BOOT = re.compile(rb'<script type="module" crossorigin src="([^"<>]+)"></script>')
_PRELOAD = re.compile(rb'<link rel="modulepreload" crossorigin href="([^"<>]+)">\s*')
_BOOT_AFTER_PAINT = """<script>(() => {
  let booted = false;
  const boot = () => {
    if (booted) return;
    booted = true;
    for (const href of %s) {
      const link = Object.assign(document.createElement("link"), {rel: "modulepreload", crossOrigin: "", href});
      document.head.append(link);
    }
    document.head.append(Object.assign(document.createElement("script"), {type: "module", crossOrigin: "", src: %s}));
  };
  requestAnimationFrame(() => setTimeout(boot));
  setTimeout(boot, 500);
})();</script>"""


def booting_after_first_paint(shell: bytes) -> bytes:
    """Streamlit's page shell with its code fetched once the browser has painted the first screen. Told to preload
    Streamlit's sixty-odd modules, the browser compiled them before its first paint, which held a shared link's
    answer back about 0.2 s (``bench/RESULTS.md``). The loader runs in the frame after the first paint (or after
    half a second where a hidden tab paints nothing). A shell of another shape is left as it is."""
    boot = _BOOT.search(shell)
    if boot is None:
        return shell
    preloads = [href.decode() for href in _PRELOAD.findall(shell)]
    loader = _BOOT_AFTER_PAINT % (json.dumps(preloads), json.dumps(boot.group(1).decode()))
    return _PRELOAD.sub(b"", shell).replace(boot.group(0), loader.encode(), 1)


_NOSCRIPT = re.compile(rb"<noscript>.*?</noscript>", re.DOTALL)
_HTML_LANG = b'<html lang="en">'


def with_head(html: bytes, tags: str, first_screen: str = "") -> bytes:
    """Streamlit's page shell in the reader's language (``<html lang>``) with our tags in its head, in place of its
    generic title, where its server is, the page's first screen at the top of its body (Streamlit's code then loads
    after the first paint), the house style at its end, and what a browser without JavaScript shows in place of
    Streamlit's own note."""
    head = f"{tags}\n{SERVER_AT_APP_ROOT}\n</head>".encode()
    shell = html.replace(_STREAMLIT_TITLE, b"", 1).replace(b"</head>", head, 1)
    shell = shell.replace(_HTML_LANG, f'<html lang="{i18n.current()}">'.encode(), 1)
    if first_screen:  # painted from the HTML alone, before Streamlit's code loads
        shell = booting_after_first_paint(shell.replace(b"<body>", b"<body>" + first_screen.encode(), 1))
    shell = shell.replace(b"</body>", f"{HOUSE_STYLE}</body>".encode(), 1)
    return _NOSCRIPT.sub(lambda _: without_javascript().encode(), shell, count=1)


def not_found_html() -> str:
    """A small page, in the reader's language, that says the address is not one of the app's and links every page;
    it echoes nothing from the request (written once per language)."""
    return _not_found_html(i18n.current())


@functools.cache
def _not_found_html(language: str) -> str:
    site = escape(tr(SITE_NAME))
    missing = escape(tr("Page not found"))
    words = escape(tr("There is no page at this address in the India–Russia Partnership Explorer. Its pages are:"))
    return f"""<!doctype html>
<html lang="{i18n.current()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{missing} · {site}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #222; }}
a {{ color: #0b5cad; }} li {{ margin: 0.4rem 0; }}
</style>
</head>
<body>
<h1>{missing}</h1>
<p>{words}</p>
<ul>
{_page_links(chr(10))}
</ul>
</body>
</html>
"""


def robots_txt(site: str) -> str:
    """What crawlers may read: every page, and where the sitemap is (the API and Streamlit's routes are not pages)."""
    return f"User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /_stcore/\nSitemap: {site}/sitemap.xml\n"


def sitemap_xml(site: str, links: list[tuple[str, str]]) -> str:
    """A sitemap of ``links`` (path and query, and the day its data were last checked), every address escaped."""
    entries = "\n".join(
        f"  <url><loc>{escape(site + path)}</loc><lastmod>{escape(day)}</lastmod></url>" for path, day in links
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</urlset>\n"
    )
