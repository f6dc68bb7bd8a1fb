"""The app as served to the public: ``app.py`` wrapped in ``st.App`` with what the server answers before Streamlit
does — page addresses, link previews, preview images and the open data API (``/api/v1/``). Run it with
``streamlit run serve.py``; ``streamlit run app.py`` still runs the app alone, for development."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import UTC, datetime
from urllib.parse import parse_qs

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route


class _BeforeTheRuntime(logging.Filter):
    """Streamlit checks each cached function's settings where it is defined; imported here, before ``st.App``
    starts its runtime, the check warns that it falls back to memory storage. That storage is what these caches
    use anyway, and each cache is made when first called, with the runtime's: the start stays quiet."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("No runtime found")


_CACHE_CHECKS = logging.getLogger("streamlit.runtime.caching.cache_data_api")
_QUIET = _BeforeTheRuntime()
_CACHE_CHECKS.addFilter(_QUIET)
from components.core import i18n, pages  # noqa: E402
from components.core.what_if_state import WhatIfState  # noqa: E402
from components.server import api, drawing, feed, first_screen, previews, sockets, web  # noqa: E402
from components.store import exhibits, prepared, url_state  # noqa: E402
from components.store.data import data_version, load_sources, load_timeline  # noqa: E402

_CACHE_CHECKS.removeFilter(_QUIET)

LOGGER = logging.getLogger(__name__)
CACHED = {"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"}
DRAWING = asyncio.Semaphore(drawing.WORKERS)
"""At most one image asked of each drawing process at once: a burst of bots queues here (nginx also limits each
client's rate), while the drawing itself happens in those processes and never holds up a reader's page."""


def _query(raw: str) -> dict[str, list[str]]:
    return parse_qs(raw, keep_blank_values=True)


def _origin(headers: dict[str, str], scheme: str) -> str:
    """The address readers use, for preview tags and the feed: the configured public address; without one (in
    development), the proxy's scheme and the Host header (only ever written escaped)."""
    return web.public_base() or f"{headers.get('x-forwarded-proto', scheme)}://{headers.get('host', 'localhost')}"


CONTENT_SECURITY = (
    "default-src 'self'; script-src 'self' blob: 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {framing}"
)
"""What a page may load: only this site's own files and websocket (Streamlit's frontend needs inline styles,
inline and blob scripts for its components, and Vega compiles chart expressions with eval). Another site may
frame a page only when its address asks for the embeddable view (``embed=true``, what the share panel's embed code
links to)."""
SAFE_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"strict-origin-when-cross-origin")]


class HttpMiddleware:
    """ASGI middleware for HTTP requests (``http``); anything else, such as Streamlit's websocket, passes as it is."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        else:
            await self.http(scope, receive, send)

    async def http(self, scope, receive, send) -> None:
        raise NotImplementedError


class Language(HttpMiddleware):
    """An HTTP answer is worded in the language its address names (``lang``; English when it names none the app
    has) — pages' HTML and previews, the 404 page, chart images and files — and every link in it keeps that
    language."""

    async def http(self, scope, receive, send) -> None:
        with i18n.using(url_state.language(_query(scope["query_string"].decode("latin-1"))).value):
            await self.app(scope, receive, send)


class Headers(HttpMiddleware):
    """Every answer says what browsers may do with it (no type sniffing, a short referrer, and, for a page, what it
    may load and who may frame it); an error answer is never cached."""

    async def http(self, scope, receive, send) -> None:
        embeddable = _embedded(scope["query_string"].decode("latin-1"))
        static = scope["path"].startswith("/app/static/")

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message["headers"] if k.lower() not in {h for h, _ in SAFE_HEADERS}]
                headers += SAFE_HEADERS
                if any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    framing = "*" if embeddable else "'self'"
                    headers.append((b"content-security-policy", CONTENT_SECURITY.format(framing=framing).encode()))
                if static and message["status"] == 200:  # the fonts: the same file until a release changes it
                    headers.append((b"cache-control", b"public, max-age=86400"))
                if message["status"] >= 400:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class Pages(HttpMiddleware):
    """A browser's or a bot's GET of an address: the landing page's name and trailing slashes redirect to the page;
    an address that is no page gets a real 404 page with links (Streamlit alone serves a blank one); a page gets
    link-preview tags in its head, specific to the page and, for a what-if link, to its scenario."""

    async def http(self, scope, receive, send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        raw_query = scope["query_string"].decode("latin-1")
        decided = web.answer(scope["path"], raw_query)
        if decided.action == "redirect":
            await RedirectResponse(decided.location, status_code=308)(scope, receive, send)
        elif decided.action == "not found" and scope["path"].startswith("/api/"):
            await _error(404, "No such API address; see /api/v1/datasets.")(scope, receive, send)
        elif decided.action == "not found":
            missing = HTMLResponse(web.not_found_html(), 404, {"Cache-Control": "public, max-age=300"})
            await missing(scope, receive, send)
        elif decided.action == "page":
            await self._page(scope, receive, send, raw_query)
        else:
            await self.app(scope, receive, send)

    async def _page(self, scope, receive, send, raw_query: str) -> None:
        page = web.PAGE_AT[scope["path"]]
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        origin = _origin(headers, scope.get("scheme", "http"))
        try:
            tags = await run_in_threadpool(_tags, page, raw_query, origin)
        except Exception:  # a preview must never cost a reader the page: serve it without the tags
            LOGGER.exception("No link preview for %s", scope["path"])
            tags = ""
        try:
            screen = (
                "" if _embedded(raw_query) else await run_in_threadpool(first_screen.rendition, page, _query(raw_query))
            )
        except Exception:  # nor must its first screen: the page comes as Streamlit sends it
            LOGGER.exception("No first screen for %s", scope["path"])
            screen = ""
        tags += first_screen.STYLE if screen else ""
        plain = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"])
        start, chunks = {}, []

        async def with_tags(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            if start["status"] == 200:
                body = web.with_head(body, tags, screen)
            kept = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            await send({**start, "headers": [*kept, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(plain, receive, with_tags)


def _embedded(raw_query: str) -> bool:
    """Whether the address asks for the compact view in another site's frame: another site may frame it, and it has
    no first screen."""
    return any(value.lower() == "true" for value in _query(raw_query).get("embed", []))


def _tags(page: pages.PageInfo, raw_query: str, origin: str) -> str:
    """A page address's link-preview tags: its own preview, canonical address and image."""
    query = _query(raw_query)
    return previews.head_tags(
        previews.preview_for(page, query),
        f"{origin}{previews.canonical_path(page, query)}",
        f"{origin}{previews.image_address(page, query)}",
    )


async def preview_image(request: Request) -> Response:
    """``/api/v1/preview/{page}.png``: the page's 1200×630 preview card (a what-if's for its own scenario)."""
    page = pages.at(request.path_params["page"])
    if page is None:
        return _error(404, "No such page.")
    try:
        async with DRAWING:
            png = await run_in_threadpool(previews.card, page, _query(request.url.query))
    except TimeoutError:
        return _error(503, "The image took too long to draw; try again shortly.", {"Retry-After": "5"})
    return Response(png, media_type="image/png", headers=CACHED)


def _exhibit_file(exhibit: exhibits.Exhibit, kind: str, site: str) -> bytes:
    if kind == "png":
        return drawing.png(exhibits.framed(exhibit, site), scale=2)
    if kind == "svg":
        return drawing.svg(exhibits.framed(exhibit, site))
    return exhibits.table_file(exhibit, kind, site, datetime.now(UTC).date())


async def exhibit(request: Request) -> Response:
    """``/api/v1/charts/{page}/{name}.csv|json|png|svg``: a chart's image or its table, rebuilt from the link's
    values (as the page would read them), so whichever server answers gives the file the reader's page offered."""
    page = pages.at(request.path_params["page"])
    name, _, kind = request.path_params["file"].rpartition(".")
    query = _query(request.url.query)
    found = None
    if page is not None and kind in exhibits.KINDS:
        found = await run_in_threadpool(exhibits.rebuilt, page, name, query)
    if found is None or (kind in ("png", "svg") and found.chart is None):
        return _error(404, "No such chart or table; each page's table views link to theirs.")
    headers = {k.lower(): v for k, v in request.headers.items()}
    site = _origin(headers, request.url.scheme)
    try:
        async with DRAWING if kind in ("png", "svg") else contextlib.nullcontext():
            body = await run_in_threadpool(_exhibit_file, found, kind, site)
    except TimeoutError:
        return _error(503, "The image took too long to draw; try again shortly.", {"Retry-After": "5"})
    attachment = {"Content-Disposition": f'attachment; filename="{found.file_stem}.{kind}"'}
    return Response(body, media_type=exhibits.KINDS[kind], headers={**CACHED, **attachment})


def _json(body: dict, status: int = 200) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False, indent=1), status, headers=CACHED, media_type="application/json"
    )


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A JSON error; never cached (the ``Headers`` middleware says so)."""
    answer = _json({"error": message}, status)
    answer.headers.update(headers or {})
    return answer


async def datapackage(request: Request) -> Response:
    """``/api/v1/datapackage.json``: every dataset as a Frictionless Data Package, typed, sourced and licensed."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    return _json(await run_in_threadpool(api.datapackage, _origin(headers, request.url.scheme)))


async def datasets(_request: Request) -> Response:
    """``/api/v1/datasets``: every dataset with its metadata."""
    return _json(await run_in_threadpool(api.catalogue))


async def dataset(request: Request) -> Response:
    """``/api/v1/datasets/{name}.csv`` (the file itself; the map's as ``.topojson``) and ``.json`` (its metadata and
    rows)."""
    name, _, kind = request.path_params["file"].rpartition(".")
    try:
        if kind in ("csv", "topojson"):
            body = api.dataset_file(name, kind)
            media = "text/csv; charset=utf-8" if kind == "csv" else "application/json"
            return Response(body, media_type=media, headers=CACHED)
        if kind == "json":
            return _json(await run_in_threadpool(api.dataset_json, name))
        raise api.ApiError(404, "Datasets come as .csv (the map as .topojson) or .json; see /api/v1/datasets.")
    except api.ApiError as refused:
        return _error(refused.status, str(refused))


def _what_if_answer(query: dict[str, list[str]]) -> dict:
    return api.what_if_answer(query, prepared.what_if_inputs(), url_state.declared(pages.WHAT_IF))


def _what_if_csv(query: dict[str, list[str]], site: str) -> bytes:
    return api.what_if_csv(query, prepared.what_if_inputs(), url_state.declared(pages.WHAT_IF), site)


async def what_if_table(request: Request) -> Response:
    """``/api/v1/what-if.csv``: the what-if's year-by-year table for the page's parameters, as a download."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    try:
        body = await run_in_threadpool(_what_if_csv, _query(request.url.query), _origin(headers, request.url.scheme))
    except api.ApiError as refused:
        return _error(refused.status, str(refused))
    attachment = {"Content-Disposition": 'attachment; filename="india_russia_trade_what_if.csv"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers={**CACHED, **attachment})


async def what_if_model(request: Request) -> Response:
    """``/api/v1/what-if``: the what-if model for the page's parameters."""
    try:
        return _json(await run_in_threadpool(_what_if_answer, _query(request.url.query)))
    except api.ApiError as refused:
        return _error(refused.status, str(refused))


def _changes(site_url: str) -> bytes:
    return feed.changes_atom(load_timeline(), load_sources(), site_url)


async def changes(request: Request) -> Response:
    """``/api/v1/changes.atom``: every dated change since the summit, as an Atom feed."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    body = await run_in_threadpool(_changes, _origin(headers, request.url.scheme))
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=CACHED)


def _sitemap(site: str) -> bytes:
    inputs, day = prepared.what_if_inputs(), data_version()
    links = [(previews.canonical_path(page, {}), day) for page in pages.PAGES]
    base = url_state.declared(pages.WHAT_IF)["base"].default
    for preset in inputs.presets[base]:  # each named scenario of the what-if, as its link
        links.append((f"/{pages.WHAT_IF.url_path}?{WhatIfState(base, preset.levers).to_query()}", day))
    return web.sitemap_xml(site, links).encode("utf-8")


async def sitemap(request: Request) -> Response:
    """``/sitemap.xml``: every page and the what-if's named scenarios, dated by the data's last check."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    body = await run_in_threadpool(_sitemap, _origin(headers, request.url.scheme))
    return Response(body, media_type="application/xml", headers=CACHED)


async def robots(request: Request) -> Response:
    """``/robots.txt``: crawlers may read every page; the sitemap lists them."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    return Response(web.robots_txt(_origin(headers, request.url.scheme)), media_type="text/plain", headers=CACHED)


async def unknown(_request: Request) -> Response:
    """Any other address under ``/api/``."""
    return _error(
        404,
        "No such API address; see /api/v1/datasets, /api/v1/what-if(.csv), /api/v1/charts/… and /api/v1/changes.atom.",
    )


ROUTES = [
    Route("/api/v1/preview/{page}.png", preview_image, methods=["GET"]),
    Route("/api/v1/charts/{page}/{file}", exhibit, methods=["GET"]),
    Route("/api/v1/datapackage.json", datapackage, methods=["GET"]),
    Route("/api/v1/datasets", datasets, methods=["GET"]),
    Route("/api/v1/datasets/{file}", dataset, methods=["GET"]),
    Route("/api/v1/what-if", what_if_model, methods=["GET"]),
    Route("/api/v1/what-if.csv", what_if_table, methods=["GET"]),
    Route("/api/v1/changes.atom", changes, methods=["GET"]),
    Route("/api/{rest:path}", unknown),
    Route("/robots.txt", robots, methods=["GET"]),
    Route("/sitemap.xml", sitemap, methods=["GET"]),
]


app = st.App(
    "app.py",
    middleware=[Middleware(Language), Middleware(Headers), Middleware(Pages)],
    routes=ROUTES,
    lifespan=sockets.sending_without_delay,
)
