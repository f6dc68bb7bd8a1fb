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


@dataclass(frozen=True)
class RangeParam:
    """A from–to pair of whole numbers kept in the URL as a repeated key (``?period=2005&period=2020``)."""

    key: str
    label: str
    low: int
    high: int
    default: tuple[int, int]


@dataclass(frozen=True)
class TextParam:
    """Free text kept in the URL, such as a search; any text is valid and is only ever shown as text."""

    key: str
    label: str
    default: str = ""


Param = NumberParam | ChoiceParam | MultiChoiceParam | RangeParam | TextParam


@dataclass(frozen=True)
class Parsed:
    """The outcome of reading one parameter from the URL."""

    key: str
    value: int | str | tuple[str, ...] | tuple[int, int]
    status: Status
    message: str = ""


def shown_raw(raw: str) -> str:
    """A raw URL value shortened and made printable, for a notice."""
    flat = "".join(ch if ch.isprintable() else " " for ch in raw)
    return flat if len(flat) <= SHOWN_RAW_LENGTH else flat[:SHOWN_RAW_LENGTH] + "…"


def _shown_default(param: Param) -> str:
    if isinstance(param, MultiChoiceParam):
        return ", ".join(param.default) if param.default else "none"
    if isinstance(param, RangeParam):
        return f"{param.default[0]} to {param.default[1]}"
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
    if isinstance(param, RangeParam):
        return _parse_range(param, raw_values)
    if len(raw_values) > 1:
        return _rejected(param, f"'{param.key}' appears {len(raw_values)} times in the link")
    raw = raw_values[0]
    if isinstance(param, TextParam):
        return Parsed(param.key, raw, "valid")
    if isinstance(param, ChoiceParam):
        if raw in param.options:
            return Parsed(param.key, raw, "valid")
        return _rejected(param, f"'{param.key}={shown_raw(raw)}' is not one of {', '.join(param.options)}")
    whole, problem = _whole_number(param, raw)
    if problem:
        return _rejected(param, problem)
    if whole != float(raw):
        return Parsed(
            param.key, whole, "adjusted", f"'{param.key}={shown_raw(raw)}' was cut to the whole number {whole}."
        )
    return Parsed(param.key, whole, "valid")


def _whole_number(param: NumberParam | RangeParam, raw: str) -> tuple[int, str]:
    """Read one number as Streamlit does; return it cut to a whole number, or the reason it is rejected."""
    try:
        number = float(raw)
    except ValueError:
        return 0, f"'{param.key}={shown_raw(raw)}' is not a number"
    if not math.isfinite(number):
        return 0, f"'{param.key}={shown_raw(raw)}' is not a finite number"
    if not param.low <= number <= param.high:
        return 0, f"'{param.key}={shown_raw(raw)}' is outside the allowed range {param.low} to {param.high}"
    return int(number), ""


def _parse_range(param: RangeParam, raw_values: Sequence[str]) -> Parsed:
    """Exactly two valid numbers, kept in the link's order (a reversed pair is shown as given)."""
    if len(raw_values) != 2:
        return _rejected(param, f"'{param.key}' needs two values, a start and an end; the link gives {len(raw_values)}")
    numbers = [_whole_number(param, raw) for raw in raw_values]
    problems = [problem for _, problem in numbers if problem]
    if problems:
        return _rejected(param, problems[0])
    pair = (numbers[0][0], numbers[1][0])
    notes = []
    if any(whole != float(raw) for (whole, _), raw in zip(numbers, raw_values, strict=True)):
        notes.append(f"cut to whole numbers {pair[0]} and {pair[1]}")
    if pair[0] > pair[1]:
        notes.append(f"read as {pair[1]} to {pair[0]}")
    if notes:
        return Parsed(param.key, pair, "adjusted", f"'{param.key}': {'; '.join(notes)}.")
    return Parsed(param.key, pair, "valid")


def parse_params(params: Sequence[Param], query: Mapping[str, Sequence[str]]) -> dict[str, Parsed]:
    """Read every parameter of a page; ``query`` maps keys to all their raw values."""
    return {p.key: parse_param(p, query.get(p.key, ())) for p in params}


def share_query(params: Sequence[Param], values: Mapping[str, int | str]) -> str:
    """A query string that spells out every parameter, defaults included."""
    return urlencode([(p.key, values[p.key]) for p in params])


def query_of(query_params) -> dict[str, list[str]]:
    """Every key of ``st.query_params`` with all its raw values."""
    return {key: query_params.get_all(key) for key in query_params}
