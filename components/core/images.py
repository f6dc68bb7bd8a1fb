"""Images rendered on the server from the app's own Vega-Lite specs with vl-convert (offline): a chart with its
title, units, source line and link baked in (PNG or SVG), and a 1200×630 link-preview card. No Streamlit here."""

from __future__ import annotations

import copy
import io
import json
import textwrap
from pathlib import Path

import vl_convert
from PIL import Image

from components.core import i18n, outlines
from components.core.formatting import first_sentence, plain_text

CARD_SIZE = (1200, 630)
WIDTH = 1100  # the drawing's width inside the card's margins
FONTS = {
    "en": "Liberation Sans, Arial, sans-serif",
    "hi": "Noto Sans Devanagari, sans-serif",
    "ru": "Noto Sans, Liberation Sans, sans-serif",
}
"""The image font of each language: Noto, shipped in ``static/fonts`` (SIL OFL), draws Devanagari and Cyrillic on a
machine with no fonts of its own (the pages use the same files: ``assets/fonts.css``)."""
FONT_DIRECTORY = Path(__file__).resolve().parents[2] / "static" / "fonts"
vl_convert.register_font_directory(str(FONT_DIRECTORY))


def font() -> str:
    """The image font for the reader's language."""
    return FONTS[i18n.current()]


def _text_block(lines: list[str], size: int, bold: bool = False, colour: str = "#222222") -> dict:
    """A block of text lines as a Vega-Lite view of its own height."""
    height = int(len(lines) * size * 1.3) + 4
    return {
        "data": {"values": [{}]},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "fontSize": size,
            "fontWeight": "bold" if bold else "normal",
            "font": font(),
            "color": colour,
            "lineHeight": size * 1.3,
        },
        "encoding": {"text": {"value": lines}, "x": {"value": 0}, "y": {"value": 0}},
        "width": WIDTH,
        "height": height,
    }


DRAWN_CHARACTERS = 600
"""The most characters any text drawn into an image may have: a long address cannot make a huge image."""


def _wrapped(text: str, size: int) -> list[str]:
    """``text`` in lines that fit the drawing's width, cut to ``DRAWN_CHARACTERS`` first."""
    shown = text if len(text) <= DRAWN_CHARACTERS else text[: DRAWN_CHARACTERS - 1] + "…"
    return textwrap.wrap(shown, width=max(20, int(WIDTH / (size * 0.52))))


def _view(chart: dict) -> dict:
    """A chart spec as one view of a stacked image (its datasets, config and metadata go to the top)."""
    return {k: v for k, v in copy.deepcopy(chart).items() if k not in ("$schema", "datasets", "config", "usermeta")}


def framed(
    chart: dict, title: str, subtitle: str, footer: str, chart_height: int = 360, key: dict | None = None
) -> dict:
    """A chart spec under its title and subtitle (units, period) and its key, if drawn apart, and over its source
    line and link, as one spec."""
    body = _view(chart)
    body["width"], body["height"] = WIDTH, chart_height
    blocks = [_text_block(_wrapped(title, 30), 30, bold=True)]
    if subtitle:
        blocks.append(_text_block(_wrapped(subtitle, 18), 18, colour="#444444"))
    if key is not None:
        blocks.append(_view(key) | {"width": WIDTH})
    blocks += [body, _text_block(_wrapped(footer, 15), 15, colour="#555555")]
    stacked = _stacked(blocks, padding=24, spacing=14, config=chart.get("config", {}))
    datasets = {**(key or {}).get("datasets", {}), **chart.get("datasets", {})}
    return stacked | {"datasets": datasets, "resolve": {"scale": {"color": "independent"}}}


def _stacked(blocks: list[dict], padding: int, spacing: int, config: dict | None = None) -> dict:
    """Views one above the other on white, in the image font."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": {**(config or {}), "view": {"stroke": None}, "font": font()}
        | ({"locale": locale} if (locale := i18n.vega_locale()) else {}),
        "background": "white",
        "padding": padding,
        "spacing": spacing,
        "vconcat": blocks,
    }


def png(spec: dict, scale: float = 1.0) -> bytes:
    """The spec drawn as PNG; Hindi's text shaped first (``outlines``), which the renderer cannot do."""
    if outlines.needs_outlines(json.dumps(spec, ensure_ascii=False)):
        return vl_convert.svg_to_png(outlines.outlined(vl_convert.vegalite_to_svg(spec)), scale=scale)
    return vl_convert.vegalite_to_png(spec, scale=scale)


def svg(spec: dict) -> bytes:
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


def card(spec: dict) -> bytes:
    """A 1200×630 PNG: the framed spec drawn and fitted, centred on white, whatever size it came out."""
    drawn = Image.open(io.BytesIO(png(spec)))
    drawn.thumbnail(CARD_SIZE)
    canvas = Image.new("RGB", CARD_SIZE, "white")
    canvas.paste(drawn.convert("RGB"), ((CARD_SIZE[0] - drawn.width) // 2, (CARD_SIZE[1] - drawn.height) // 2))
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def framed_chart(chart: dict, caption: str, link: str, key: dict | None = None) -> dict:
    """A page's chart as an image: its caption's first sentence as the title (what, units, period), its key if it
    has one apart, the rest of the caption as the source line, and the page's link."""
    text = plain_text(caption)
    title, rest = first_sentence(text)
    return framed(chart, title, "", f"{rest} {link}".strip(), key=key)
