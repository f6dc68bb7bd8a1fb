"""The reader's language: English (the default), Hindi or Russian, named by a link's ``lang`` parameter.

Words come from gettext catalogues (``locales/<lang>/LC_MESSAGES/messages.po``, compiled to ``.mo`` by the
set-up); numbers and dates follow the language's CLDR conventions through Babel. The language in use is a context
variable: a page's run sets it from its link (``ui.render``), a server route from the request (``serve.py``), so
pure functions word and format in it without being told, and every link the app writes keeps it (``link_pairs``).
No Streamlit here.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import io
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = {"en": "English", "hi": "हिन्दी", "ru": "Русский"}
"""Each language's code in links, and its name in its own script (as the switcher shows it)."""
DEFAULT = "en"
KEY = "lang"
"""The language's parameter in a link: ``?lang=ru``."""
LOCALES = {"en": "en_GB", "hi": "hi_IN", "ru": "ru_RU"}
"""Each language's CLDR locale: its number and date conventions, and the ``og:locale`` of its link previews."""
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"
LOGGER = logging.getLogger(__name__)

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)
_asked: set[str] | None = None  # while recording: every message asked for in another language (``recording``)


def current() -> str:
    """The language words and numbers are given in now."""
    return _language.get()


def set_language(language: str) -> None:
    """Give words and numbers in ``language`` from here on, in this run or request (an unknown code: English)."""
    _language.set(language if language in LANGUAGES else DEFAULT)


@contextlib.contextmanager
def using(language: str) -> Iterator[None]:
    """Words and numbers in ``language`` within the block."""
    token = _language.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def link_pairs() -> list[tuple[str, str]]:
    """What a link the app writes adds to keep the reader's language: nothing in English."""
    return [] if current() == DEFAULT else [(KEY, current())]


def link_query() -> str:
    """``link_pairs`` as a query for a bare page address: '?lang=ru', or '' in English."""
    return "".join(f"?{key}={value}" for key, value in link_pairs())


@functools.cache
def catalogue(language: str) -> gettext.NullTranslations:
    """A language's compiled catalogue (the set-up compiles each ``.po`` to ``.mo``; where it has not, or the
    ``.po`` is newer, the ``.po`` is compiled here, in memory); English needs none."""
    if language == DEFAULT:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    LOGGER.warning("%s is missing or older than its .po: compiling it in memory", mo)
    with po.open("rb") as source:
        catalog = read_po(source, locale=LOCALES[language])
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def tr(message: str) -> str:
    """``message`` in the reader's language (the English itself when the catalogue has no translation; '' as
    '')."""
    if not message or current() == DEFAULT:
        return message
    if _asked is not None:
        _asked.add(message)
    return catalogue(current()).gettext(message)


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """Collect every message asked for in Hindi or Russian within the block (for the catalogue tool and its test):
    the catalogues need a translation of each."""
    global _asked
    _asked = set()
    try:
        yield _asked
    finally:
        _asked = None


def mark(message: str) -> str:
    """Mark English words for the catalogues where they are declared; they are translated where shown (``tr``)."""
    return message


@functools.cache
def _territory_codes() -> dict[str, str]:
    return {name: code for code, name in Locale.parse(LOCALES[DEFAULT]).territories.items()}


SHORT_COUNTRY_NAMES = (mark("United States"), mark("South Africa"), mark("South Korea"))
"""Countries whose CLDR names are too long for a chart's legend on a phone ('Южно-Африканская Республика'): the
catalogues give their everyday short names ('ЮАР')."""


def country(name: str) -> str:
    """A country's English name (CLDR's, as SIPRI writes most) in the reader's language: 'Россия' for 'Russia'; a
    short name from the catalogue where CLDR's is long; a name CLDR does not know stays as it is."""
    code = _territory_codes().get(name)
    if current() == DEFAULT or code is None:
        return name
    return tr(name) if name in SHORT_COUNTRY_NAMES else locale().territories.get(code, name)


def locale() -> Locale:
    """The CLDR locale of the reader's language."""
    return Locale.parse(LOCALES[current()])


@functools.cache
def _integer_pattern(code: str) -> str:
    """A locale's grouping of whole digits, from its standard number pattern: '#,##0', or '#,##,##0' in Hindi."""
    return Locale.parse(code).decimal_formats[None].pattern.split(";")[0].split(".")[0]


def number(value: float, digits: int) -> str:
    """A number's size (no sign) to ``digits`` decimals with the language's separators: '68.69', '68,69',
    '1,25,000'. Rounded as Python rounds it in every language, so each edition shows the same digits."""
    if current() == DEFAULT:
        return f"{abs(value):,.{digits}f}"
    rounded = f"{abs(value):.{digits}f}"
    code = LOCALES[current()]
    pattern = _integer_pattern(code) + ("." + "0" * digits if digits else "")
    return format_decimal(Decimal(rounded), format=pattern, locale=code)


def number_format() -> dict:
    """The language's separators and digit grouping, for the browser to format numbers as ``number`` does (read
    from CLDR once per language; the same dict, read-only, every time)."""
    return _number_format(current())


@functools.cache
def _number_format(language: str) -> dict:
    symbols = Locale.parse(LOCALES[language]).number_symbols["latn"]
    groups = _integer_pattern(LOCALES[language]).split(",")
    primary = len(groups[-1])
    secondary = len(groups[-2]) if len(groups) > 2 else primary
    return {"decimal": symbols["decimal"], "group": symbols["group"], "primary": primary, "secondary": secondary}


DATE_PATTERNS = {"day": "d MMM y", "month": "LLL y", "year": "y"}


def day(when: date, precision: str) -> str:
    """A date at its precision in the language's words: '5 дек. 2025', 'दिस॰ 2025', '2025'."""
    return format_date(when, DATE_PATTERNS[precision], locale=LOCALES[current()])


def vega_locale() -> dict | None:
    """The language's number and date conventions as Vega's ``config.locale`` (d3's format), so charts' axes and
    tooltips write '1 000,5' and 'дек. 2025'; None in English (Vega's own). Built once per language: every chart
    drawn gets the same dict, read-only."""
    return None if current() == DEFAULT else _vega_locale(current())


@functools.cache
def _vega_locale(language: str) -> dict:
    found = Locale.parse(LOCALES[language])
    symbols, grouping = found.number_symbols["latn"], _number_format(language)
    months, days = found.months["stand-alone"], found.days["stand-alone"]
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts days from Monday, d3 from Sunday
    return {
        "number": {
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [grouping["primary"], grouping["secondary"]],
            "currency": ["", ""],
            "minus": "\u2212",
        },
        "time": {
            "dateTime": "%x %X",
            "date": "%d.%m.%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],  # no chart here shows a time of day
            "days": [days["wide"][d] for d in sunday_first],
            "shortDays": [days["abbreviated"][d] for d in sunday_first],
            "months": [months["wide"][m] for m in range(1, 13)],
            "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
        },
    }
