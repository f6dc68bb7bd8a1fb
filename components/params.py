"""URL query parameters: each one parses as valid, adjusted, invalid or missing.

The rules follow what Streamlit itself does with a value bound to a widget
(``bind="query-params"``), so the notice the reader sees always describes the
value the widget really shows: a number is read with Python's ``float``; a value
that is not finite, is out of range or is given more than once is ignored and the
default used; a fraction on a whole-number control is cut to the whole number.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlencode

Status = Literal["valid", "missing", "adjusted", "invalid"]
SHOWN_RAW_LENGTH = 40


@dataclass(frozen=True)
class NumberParam:
    """A whole-number control kept in the URL."""

    key: str
    label: str
    low: int
    high: int
    default: int
    unit: str


@dataclass(frozen=True)
class ChoiceParam:
    """A control with a fixed list of options kept in the URL."""

    key: str
    label: str
    options: tuple[str, ...]
    default: str


@dataclass(frozen=True)
class MultiChoiceParam:
    """A control that selects any number of fixed options, kept in the URL as a repeated key."""

    key: str
    label: str
    options: tuple[str, ...]
    default: tuple[str, ...]


Param = NumberParam | ChoiceParam | MultiChoiceParam


@dataclass(frozen=True)
class Parsed:
    """The outcome of reading one parameter from the URL."""

    key: str
    value: int | str | tuple[str, ...]
    status: Status
    message: str = ""


def shown_raw(raw: str) -> str:
    """A raw URL value shortened and made printable, for a notice."""
    flat = "".join(ch if ch.isprintable() else " " for ch in raw)
    return flat if len(flat) <= SHOWN_RAW_LENGTH else flat[:SHOWN_RAW_LENGTH] + "…"


def _shown_default(param: Param) -> str:
    if isinstance(param, MultiChoiceParam):
        return ", ".join(param.default) if param.default else "none"
    return str(param.default)


def _rejected(param: Param, why: str) -> Parsed:
    return Parsed(param.key, param.default, "invalid", f"{why}; using the default, {_shown_default(param)}.")


def _parse_multi(param: MultiChoiceParam, raw_values: Sequence[str]) -> Parsed:
    """Keep the known options in link order, once each; empty values alone select none."""
    if all(v == "" for v in raw_values):
        return Parsed(param.key, (), "valid")
    chosen = tuple(dict.fromkeys(v for v in raw_values if v in param.options))
    unknown = list(dict.fromkeys(shown_raw(v) for v in raw_values if v not in param.options))
    if not chosen:
        return _rejected(param, f"'{param.key}' names no known option ({', '.join(param.options)})")
    if unknown:
        message = (
            f"'{param.key}': ignored {', '.join(repr(u) for u in unknown)}, not one of {', '.join(param.options)}."
        )
        return Parsed(param.key, chosen, "adjusted", message)
    return Parsed(param.key, chosen, "valid")


def parse_param(param: Param, raw_values: Sequence[str]) -> Parsed:
    """Read one parameter from its raw URL values (empty when absent)."""
    if not raw_values:
        return Parsed(param.key, param.default, "missing")
    if isinstance(param, MultiChoiceParam):
        return _parse_multi(param, raw_values)
    if len(raw_values) > 1:
        return _rejected(param, f"'{param.key}' appears {len(raw_values)} times in the link")
    raw = raw_values[0]
    if isinstance(param, ChoiceParam):
        if raw in param.options:
            return Parsed(param.key, raw, "valid")
        return _rejected(param, f"'{param.key}={shown_raw(raw)}' is not one of {', '.join(param.options)}")
    try:
        number = float(raw)
    except ValueError:
        return _rejected(param, f"'{param.key}={shown_raw(raw)}' is not a number")
    if not math.isfinite(number):
        return _rejected(param, f"'{param.key}={shown_raw(raw)}' is not a finite number")
    if not param.low <= number <= param.high:
        return _rejected(
            param, f"'{param.key}={shown_raw(raw)}' is outside the allowed range {param.low} to {param.high}"
        )
    whole = int(number)
    if whole != number:
        return Parsed(
            param.key, whole, "adjusted", f"'{param.key}={shown_raw(raw)}' was cut to the whole number {whole}."
        )
    return Parsed(param.key, whole, "valid")


def parse_params(params: Sequence[Param], query: Mapping[str, Sequence[str]]) -> dict[str, Parsed]:
    """Read every parameter of a page; ``query`` maps keys to all their raw values."""
    return {p.key: parse_param(p, query.get(p.key, ())) for p in params}


def share_query(params: Sequence[Param], values: Mapping[str, int | str]) -> str:
    """A query string that spells out every parameter, defaults included."""
    return urlencode([(p.key, values[p.key]) for p in params])


def query_of(query_params) -> dict[str, list[str]]:
    """Every key of ``st.query_params`` with all its raw values."""
    return {key: query_params.get_all(key) for key in query_params}
