"""The app as served to the public: ``app.py`` wrapped in ``st.App`` with what the server answers before Streamlit
does. Run it with ``streamlit run serve.py``; ``streamlit run app.py`` still runs the app alone, for development."""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, RedirectResponse

from components import web

NOT_FOUND = web.not_found_html()


class PageAddresses:
    """ASGI middleware: the landing page's name and trailing slashes redirect to the page; an address that is no
    page gets a real 404 page with links instead of Streamlit's blank page."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        decided = web.answer(scope["path"], scope["query_string"].decode("latin-1"))
        if decided.action == "pass":
            await self.app(scope, receive, send)
            return
        if decided.action == "redirect":
            response = RedirectResponse(decided.location, status_code=308)
        else:
            response = HTMLResponse(NOT_FOUND, status_code=404, headers={"Cache-Control": "public, max-age=300"})
        await response(scope, receive, send)


app = st.App("app.py", middleware=[Middleware(PageAddresses)])
