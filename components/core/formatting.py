"""Plain-text and Markdown formatting of figures; no Streamlit here, so pure modules can use it."""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from components.core import i18n
from components.core.i18n import mark, tr

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:])")


_AUTOLINK_STARTS = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=[:.])|@")
"""Where Markdown would start a link by itself: 'https:', 'www.', 'user@host' (GitHub's autolinks)."""


def md(text: str) -> str:
    """Escape text so Streamlit's Markdown shows it literally: no links (not even an address or an e-mail written
    out: a word joiner, invisible, after 'https', 'www' or '@' keeps Markdown from linking it), maths or HTML."""
    unlinkable = _AUTOLINK_STARTS.sub(lambda m: m.group(0) + "\u2060", " ".join(str(text).split()))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", unlinkable)


def plain_text(markdown: str) -> str:
    """Markdown as plain words, for a screen reader or an image: links as their text, no escapes, emphasis or the
    invisible word joiners ``md`` adds."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", text).replace("**", "").replace("*", "").replace("\u2060", "")


_SENTENCE_END = re.compile(r"(?<=[.।]) ")


def first_sentence(text: str) -> tuple[str, str]:
    """Plain text's first sentence, without its full stop (or Hindi's danda), and the rest."""
    first, *rest = _SENTENCE_END.split(text, maxsplit=1)
    return first.rstrip(".।"), "".join(rest)


def fy(fiscal_year: str) -> str:
    """'FY2024-25' for '2024-25'."""
    return f"FY{fiscal_year}"


DATE_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}
"""A date as precisely as its source gives it: '5 Dec 2025', 'Dec 2025' or '2025'."""


def day_label(when, precision: str = "day") -> str:
    """A date in the house style, at its precision: '5 Dec 2025', 'Dec 2025' or '2025' (in the reader's language:
    '5 дек. 2025')."""
    if i18n.current() != i18n.DEFAULT:
        return i18n.day(when, precision)
    return when.strftime(DATE_FORMATS[precision])


def iso_day_label(day: str) -> str:
    """A 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date written in the house style: '2025', 'Dec 2025', '5 Dec 2025'; '' for
    no date."""
    if not day:
        return ""
    parts = [int(p) for p in day.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return day_label(date(parts[0], *(parts[1:] + [1] * (3 - len(parts)))), precision)


def _minus(shown: str) -> str:
    return "−" if shown.startswith("-") else ""


BN, MN = mark("{sign}US$ {number} bn"), mark("{sign}US$ {number} mn")
"""The money formats, the sign before the currency: 'US$ 68.69 bn', '−US$ 5.0 bn' ('−5,0 млрд долл. США')."""


def fmt_bn(value: float, digits: int = 2) -> str:
    """'US$ 68.69 bn'; a minus sign for deficits."""
    return tr(BN).format(sign=_minus(f"{value:.{digits}f}"), number=i18n.number(value, digits))


def fmt_change_bn(change: float, digits: int = 1) -> str:
    """'+US$ 1.0 bn', '−US$ 40.1 bn' (a true minus sign) or 'US$ 0.0 bn' (no sign on no change): a signed change in
    the one money format."""
    shown = round(change, digits)
    sign = "−" if shown < 0 else "+" if shown > 0 else ""
    return tr(BN).format(sign=sign, number=i18n.number(shown, digits))


def signed(value: float, digits: int = 2) -> str:
    """'+8.05', '−8.83' (a true minus sign) or '0.00' (no sign on no change), thousands separated."""
    shown = round(value, digits)
    sign = "−" if shown < 0 else "+" if shown > 0 else ""
    return f"{sign}{i18n.number(shown, digits)}"


def plain(value: float, digits: int = 2) -> str:
    """'4.49', '−50.88' (a true minus sign), thousands separated."""
    shown = round(value, digits)
    return f"{'−' if shown < 0 else ''}{i18n.number(shown, digits)}"


def percent(value: float, digits: int = 1) -> str:
    """A percentage's size as the language writes it: '12.9%' ('12,9 %')."""
    return tr("{number}%").format(number=i18n.number(value, digits))


def plain_percent(value: float, digits: int = 1) -> str:
    """'12.9%', '−3.2%' (a true minus sign; none when it shows as zero), as the language writes a percentage."""
    return f"{'−' if round(value, digits) < 0 else ''}{percent(abs(value), digits)}"


def fmt_pct_change(change: float, digits: int = 1) -> str:
    """A relative change as 'down 12.9%', 'up 3.0%' or 'unchanged' at that precision."""
    shown = round(change * 100, digits)
    if shown == 0:
        return tr("unchanged")
    return (tr("down {percent}") if shown < 0 else tr("up {percent}")).format(percent=percent(shown, digits))


def fmt_mn(value: float, digits: int = 1) -> str:
    """'US$ 1,137.4 mn'."""
    return tr(MN).format(sign=_minus(f"{value:.{digits}f}"), number=i18n.number(value, digits))


def number_text(value: float) -> str:
    """A figure as printed: thousands separated, no trailing zeros, a true minus ('100,000', '4.88', '−58.9')."""
    decimals = 0 if value == int(value) else len(f"{abs(value):.6f}".rstrip("0").split(".")[1])
    return f"{'−' if value < 0 else ''}{i18n.number(value, decimals)}"


DIGITS_BY_UNIT = {"_bn": 2, "_usd_mn": 1, "_pct": 1, "tiv_mn": 0, "_km": 0, "_days": 0}
"""Decimals a column of each unit is shown with, by the end of its name: one number style on every page."""
YEAR_COLUMNS = {"year", "year_end", "period_start", "period_end", "deadline"}
"""Columns holding a calendar year (as do those ending '_year'): written '2010', never '2,010' or '2010.0'."""
DATE_COLUMNS = {"date", "accessed", "checked", "searched", "signed", "published"}
"""Columns holding ISO dates ('2025-12-05'), written in the house style in a table ('5 Dec 2025')."""
ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def is_year_column(name: str) -> bool:
    return name in YEAR_COLUMNS or name.endswith("_year")


def column_digits(name: str) -> int | None:
    """The decimals a column is shown with, from its unit; None when its name gives no unit."""
    return next((digits for suffix, digits in DIGITS_BY_UNIT.items() if name.endswith(suffix)), None)


def cell_text(value, column: str, missing: str = "—") -> str:
    """A table cell in the house style: '1,137.4' in a US$ mn column, '−58.93' in US$ bn, '2010' in a year column,
    ``missing`` for no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == "":
        return missing
    if isinstance(value, str) and column in DATE_COLUMNS and ISO_DATE.fullmatch(value):
        return iso_day_label(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if is_year_column(column):
        return str(int(value))
    digits = column_digits(column)
    return number_text(value) if digits is None else plain(value, digits)


def for_download(table: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV download holds it: no float noise (31.200000000000003 → 31.2) and whole numbers as
    integers ('2010', not '2010.0'); a value keeps two more decimals than the page shows, four where no unit says."""
    tidy = {}
    for column in table.columns:
        values = table[column]
        if not pd.api.types.is_float_dtype(values):
            continue
        known = values.dropna()
        if not known.empty and (known == known.round()).all():
            tidy[column] = values.round().astype("Int64")
        else:
            digits = column_digits(column)
            tidy[column] = values.round(4 if digits is None else digits + 2)
    return table.assign(**tidy)


CURRENCY_UNITS = {"US$ bn": BN, "US$ mn": MN, "EUR bn": mark("{sign}€ {number} bn")}
"""Money units, written with the currency before the number and the scale after it: 'US$ 1.021 bn'."""


def figure_phrase(value: float, unit: str, qualifier: str = "", value_high: float = math.nan) -> str:
    """A reported figure as worded by its source, e.g. 'nearly US$ 70 bn', 'US$ 2.7–2.8 bn' or 'about 45%' (its
    qualifier and unit in the reader's language)."""
    number = number_text(value) if math.isnan(value_high) else f"{number_text(value)}–{number_text(value_high)}"
    if unit == "%":
        number, unit = tr("{number}%").format(number=number), ""
    elif unit in CURRENCY_UNITS:
        number, unit = tr(CURRENCY_UNITS[unit]).format(sign="", number=number), ""
    words = (tr(qualifier), number, "" if unit == "count" else tr(unit))
    return " ".join(part for part in words if part)


COLUMN_LABELS = {
    "id": "Source id (in links)",
    "what": "Goods",
    "how": "How it is counted",
    "date_label": "Date",
    "year_end": "Year ending",
    "fiscal_year": "Fiscal year",
    "exports_bn": "India's exports (US$ bn)",
    "imports_bn": "India's imports (US$ bn)",
    "total_bn": "Total trade (US$ bn)",
    "balance_bn": "Trade balance (US$ bn)",
    "before_usd_mn": "Before (US$ mn)",
    "after_usd_mn": "After (US$ mn)",
    "chapter": "HS chapter",
    "hs_chapters": "Official HS chapter(s)",
    "as_printed": "As printed in the article",
    "value_high": "Upper value",
    "value_high_usd_mn": "Upper value (US$ mn)",
    "tiv_mn": "SIPRI TIV (mn)",
    "russia_tiv_mn": "From Russia (SIPRI TIV mn)",
    "total_tiv_mn": "From all suppliers (SIPRI TIV mn)",
    "window_share_pct": "Russia's share over the window (%)",
    "published_pct": "Published (%)",
    "computed_pct": "Computed here (%)",
    "russia_share_pct": "Russia's share (%)",
    "edition": "SIPRI edition",
    "how_made": "How it is made",
    "as_of": "Status as of",
    "lat": "Latitude",
    "lon": "Longitude",
    "coordinates_source": "Coordinates from",
    "evidence": "As the source words it",
    "expected_evidence": "Expected, as the source words it",
    "what_it_does": "What it does",
    "figures_citing": "Figures citing it",
    "file": "Data file",
    "url": "Address",
    "claim": "Kind of claim",
}
"""Table columns named for a reader where the file's name is not plain words; the rest are read from the name."""
UNIT_SUFFIXES = {"_usd_mn": "US$ mn", "_bn": "US$ bn", "_pct": "%", "_km": "km", "_days": "days"}


def column_label(name: str) -> str:
    """A file's column name as a table header a reader can read, with its unit: 'share_pct' → 'Share (%)'."""
    if name in COLUMN_LABELS:
        return COLUMN_LABELS[name]
    for suffix, unit in UNIT_SUFFIXES.items():
        if name.endswith(suffix):
            return f"{column_label(name[: -len(suffix)])} ({unit})"
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


def is_key_column(name: str) -> bool:
    """An identifier column ('source_id', 'platform_id'): kept in downloads, not shown, as the names beside it are."""
    return name.endswith("_id")


def signed_whole(number: int) -> str:
    """A whole number with a true minus when it is negative ('−20'), none otherwise."""
    return f"{'−' if number < 0 else ''}{abs(number)}"


def anchor(short: str) -> str:
    """A section's anchor in the page's address ('#export-gaps'), from its short name."""
    return re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-")


KEEP_RANGE_WHOLE = re.compile(r"(?<=\d)–(?=\d)")
"""An en dash between digits: a word joiner goes after it, so a wrapped label keeps '2021–25' on one line (a name such
as 'Chennai–Vladivostok' may still break at its dash)."""
SMALL_CARD_CHARACTERS = 9
"""The longest value a small card shows whole ('−50.88', '~25 days')."""


def fit_small_cards(values: list[str] | tuple[str, ...]) -> bool:
    """Whether key-number cards of these values are small ones, two to a phone's row (else one to a row)."""
    return all(len(value) <= SMALL_CARD_CHARACTERS for value in values)


def card_label(label: str) -> str:
    """A key-number card's label as cards show it: a year range such as '2021–25' never broken across lines."""
    return KEEP_RANGE_WHOLE.sub("–\u2060", label)
