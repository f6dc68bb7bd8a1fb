"""Plain-text and Markdown formatting of figures; no Streamlit here, so pure modules can use it."""

from __future__ import annotations

import math
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:])")


def md(text: str) -> str:
    """Escape text so Streamlit's Markdown shows it literally (no links, maths or HTML)."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))


def fy(fiscal_year: str) -> str:
    """'FY2024-25' for '2024-25'."""
    return f"FY{fiscal_year}"


def fmt_bn(value: float, digits: int = 2) -> str:
    """'US$ 68.69 bn'; a minus sign for deficits."""
    return f"US$ {value:,.{digits}f} bn".replace("US$ -", "−US$ ")


def fmt_change_bn(change: float, digits: int = 1) -> str:
    """'+US$ 1.0 bn' or '-US$ 40.1 bn': a signed change in the one money format (the sign leads, as st.metric
    needs to colour it)."""
    return f"{'-' if round(change, digits) < 0 else '+'}US$ {abs(change):,.{digits}f} bn"


def fmt_mn(value: float, digits: int = 1) -> str:
    """'US$ 1,137.4 mn'."""
    return f"US$ {value:,.{digits}f} mn"


def _number(value: float) -> str:
    """A figure as printed: thousands separated, no trailing zeros ('100,000', '4.88', '-58.9')."""
    return f"{value:,.0f}" if value == int(value) and abs(value) >= 1000 else f"{value:g}"


CURRENCY_UNITS = {"US$ bn": ("US$", "bn"), "US$ mn": ("US$", "mn"), "EUR bn": ("€", "bn")}
"""Money units, written with the currency before the number and the scale after it: 'US$ 1.021 bn'."""


def figure_phrase(value: float, unit: str, qualifier: str = "", value_high: float = math.nan) -> str:
    """A reported figure as worded by its source, e.g. 'nearly US$ 70 bn', 'US$ 2.7–2.8 bn' or 'about 45%'."""
    number = _number(value) if math.isnan(value_high) else f"{_number(value)}–{_number(value_high)}"
    if unit == "%":
        number, unit = f"{number}%", ""
    elif unit in CURRENCY_UNITS:
        currency, scale = CURRENCY_UNITS[unit]
        number, unit = f"{currency} {number} {scale}", ""
    return " ".join(part for part in (qualifier, number, "" if unit == "count" else unit) if part)
