"""Text in a drawn image as shaped glyph outlines, for scripts the image renderer does not shape.

vl-convert's renderer draws Devanagari letter by letter: vowel signs land on the wrong side of their consonant and
conjuncts fall apart, so Hindi would be misspelt in every PNG. Here each ``<text>`` of the SVG that Vega writes is
shaped by HarfBuzz with the shipped Noto Sans Devanagari (Latin included) and replaced by the glyphs' outlines, in
place, under the text's own transform, anchor, size, weight and fill: the renderer then only fills paths. No
Streamlit here.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

FONT_DIRECTORY = Path(__file__).resolve().parents[2] / "static" / "fonts"
FONT_FILES = {False: "NotoSansDevanagari-Regular.ttf", True: "NotoSansDevanagari-Bold.ttf"}
DEVANAGARI = re.compile(r"[\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff]")
_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.DOTALL)
_TSPAN = re.compile(r"<tspan\b([^>]*)>(.*?)</tspan>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
KEPT = ("transform", "fill", "opacity", "fill-opacity")
"""A text's attributes that its outlines keep: where it sits and how it is painted."""


def needs_outlines(svg: str) -> bool:
    """Whether an image holds text its renderer cannot shape (Devanagari)."""
    return DEVANAGARI.search(svg) is not None


@functools.cache
def _font(bold: bool) -> tuple[hb.Font, TTFont, int]:
    path = FONT_DIRECTORY / FONT_FILES[bold]
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    outlines = TTFont(str(path))
    return hb.Font(face), outlines, outlines["head"].unitsPerEm


@functools.cache
def _glyph_path(bold: bool, glyph: int) -> str:
    _, outlines, _ = _font(bold)
    glyphs = outlines.getGlyphSet()
    pen = SVGPathPen(glyphs)
    glyphs[outlines.getGlyphOrder()[glyph]].draw(pen)
    return pen.getCommands()


def _shaped(text: str, bold: bool, size: float) -> tuple[list[str], float]:
    """One line of text as positioned glyph paths from its start at the baseline, and its width, in px."""
    font, _, units = _font(bold)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    if DEVANAGARI.search(text):  # a line opening in Latin ('FY2025-26 से …') is still shaped as Devanagari
        buffer.script = "Deva"
    hb.shape(font, buffer, {})
    scale, pen, paths = size / units, 0.0, []
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        outline = _glyph_path(bold, info.codepoint)
        if outline:
            x, y = (pen + position.x_offset) * scale, -position.y_offset * scale
            place = f"translate({x:.2f},{y:.2f}) scale({scale:.5f},{-scale:.5f})"
            paths.append(f'<path transform="{place}" d="{outline}"/>')
        pen += position.x_advance
    return paths, pen * scale


def _length(value: str, size: float) -> float:
    """An SVG length in px: '13', '0.71em'."""
    return float(value[:-2]) * size if value.endswith("em") else float(value or 0)


def _outlined_text(match: re.Match) -> str:
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    size = float(attributes.get("font-size", "10px").removesuffix("px"))
    weight = attributes.get("font-weight", "normal")
    bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    anchor = attributes.get("text-anchor", "start")
    lines = _TSPAN.findall(match.group(2)) or [("", match.group(2))]
    x0, y = _length(attributes.get("x", "0"), size), _length(attributes.get("y", "0"), size)
    y += _length(attributes.get("dy", "0"), size)
    drawn = []
    for line_attributes, words in lines:
        at = dict(_ATTRIBUTE.findall(line_attributes))
        y += _length(at.get("dy", "0"), size)
        paths, width = _shaped(html.unescape(re.sub(r"<[^>]+>", "", words)), bold, size)
        x = _length(at.get("x", ""), size) if "x" in at else x0
        x -= {"middle": width / 2, "end": width}.get(anchor, 0)
        drawn.append(f'<g transform="translate({x:.2f},{y:.2f})">{"".join(paths)}</g>')
    kept = " ".join(f'{key}="{attributes[key]}"' for key in KEPT if key in attributes)
    return f"<g {kept}>{''.join(drawn)}</g>"


def outlined(svg: str) -> str:
    """The SVG with every text drawn as shaped glyph outlines (see the module's note)."""
    return _TEXT.sub(_outlined_text, svg)
