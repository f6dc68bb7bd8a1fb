"""URL query parameters: each one parses as valid, adjusted, invalid or missing.

The rules follow what Streamlit 1.67 itself does with a value bound to a widget
(``bind="query-params"``), so the notice the reader sees always describes the
value the widget really shows:

- sliders drop empty values, read the rest with Python's ``float`` and need
  exactly one (two for a range), finite and in range; a fraction is cut;
- a select box, radio or text box takes the last value when a key repeats; a text
  box cuts it to its length;
- a segmented control drops empty values and takes the first one left;
- a multi-select drops empty values and unknown options and repeats.

A value that cannot be used is ignored and the default shown, with a notice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

# Private in Streamlit 1.67 (pinned in requirements.txt): the function a bound slider reads its URL value with.
# It is imported here only, so an upgrade that moves it breaks one line, and tests/test_params.py notices.
from components.core.formatting import signed_whole
from components.core.i18n import tr

Status = Literal["valid", "missing", "adjusted", "invalid"]
SHOWN_RAW_LENGTH = 40


@dataclass(frozen=True)
class Control:
    """What every URL parameter has: its key in the URL, its control's label, and optional help."""

    key: str
    label: str
    help: str = field(default="", kw_only=True)  # what the reader should know, before the parameter's description
    in_every_link: bool = field(default=False, kw_only=True)  # named by a link even at its default (a base year)
    translated: bool = field(default=False, kw_only=True)  # its options' words are translated (not names or years)


@dataclass(frozen=True)
class NumberParam(Control):
    """A whole-number control kept in the URL."""

    low: int
    high: int
    default: int
    unit: str


@dataclass(frozen=True)
class ChoiceParam(Control):
    """A control with a fixed list of options kept in the URL: a select box, a radio or a segmented control.

    ``words`` name the options for the reader, in order, where the link's short codes are not words themselves.
    """

    options: tuple[str, ...]
    default: str
    widget: Literal["select", "segmented", "radio"] = "select"
    words: tuple[str, ...] = field(default=(), kw_only=True)

    def word(self, option: str) -> str:
        """What the control shows for an option."""
        return self.words[self.options.index(option)] if self.words else option


@dataclass(frozen=True)
class MultiChoiceParam(Control):
    """A control that selects any number of fixed options, kept in the URL as a repeated key."""

    options: tuple[str, ...]
    default: tuple[str, ...]
    widget: Literal["multiselect", "pills"] = "multiselect"


@dataclass(frozen=True)
class RangeParam(Control):
    """A from–to pair of whole numbers kept in the URL as a repeated key (``?period=2005&period=2020``)."""

    low: int
    high: int
    default: tuple[int, int]


@dataclass(frozen=True)
class TextParam(Control):
    """Free text kept in the URL, such as a search; any text is valid and is only ever shown as text."""

    max_length: int
    default: str = ""
    placeholder: str = ""


Param = NumberParam | ChoiceParam | MultiChoiceParam | RangeParam | TextParam


@dataclass(frozen=True)
class Parsed:
    """The outcome of reading one parameter from the URL."""

    key: str
    value: int | str | tuple[str, ...] | tuple[int, int]
    status: Status
    message: str = ""


def url_help(param: Param) -> str:
    """The control's help in a reader's words: what it means, its range, and that the page's link keeps the choice
    (named after that, for anyone writing a link by hand)."""
    if isinstance(param, NumberParam):
        low, high, default = (signed_whole(n) for n in (param.low, param.high, param.default))
        span = " " + tr("From {low} to {high} ({unit}); {default} when the page opens.").format(
            low=low, high=high, unit=tr(param.unit), default=default
        )
    elif isinstance(param, MultiChoiceParam):
        span = " " + tr("Choose one or more.")
    else:
        span = ""
    kept = tr("The page's link keeps your choice (as `{key}`), so a shared link shows it too.").format(key=param.key)
    return f"{tr(param.help)}{span} {kept}"


SHOWN_OPTIONS = 4


def shown_options(options: Sequence[str]) -> str:
    """A few of a parameter's options, for a one-line notice: all of them when they are few."""
    if len(options) <= SHOWN_OPTIONS + 1:
        return ", ".join(options)
    return f"{', '.join(options[:SHOWN_OPTIONS])}, … ({len(options)} in all)"


def shown_raw(raw: str) -> str:
    """A raw URL value shortened and made printable, for a notice (an unprintable character shows as �)."""
    flat = "".join(ch if ch.isprintable() else "\ufffd" for ch in raw)
    return flat if len(flat) <= SHOWN_RAW_LENGTH else flat[:SHOWN_RAW_LENGTH] + "…"


def _shown_default(param: Param) -> str:
    if isinstance(param, MultiChoiceParam):
        return ", ".join(param.default) if param.default else tr("none")
    if isinstance(param, RangeParam):
        return tr("{start} to {end}").format(start=param.default[0], end=param.default[1])
    return str(param.default)


def _rejected(param: Param, why: str) -> Parsed:
    message = tr("{why}; using the default, {default}.").format(why=why, default=_shown_default(param))
    return Parsed(param.key, param.default, "invalid", message)


def _parse_multi(param: MultiChoiceParam, raw_values: Sequence[str]) -> Parsed:
    """Keep the known options in link order, once each; empty values alone select none."""
    given = [v for v in raw_values if v != ""]
    if not given:
        return Parsed(param.key, (), "valid")
    chosen = tuple(dict.fromkeys(v for v in given if v in param.options))
    unknown = list(dict.fromkeys(shown_raw(v) for v in given if v not in param.options))
    if not chosen:
        return _rejected(
            param,
            tr("'{key}' names no known option ({options})").format(key=param.key, options=shown_options(param.options)),
        )
    if unknown:
        message = tr("'{key}': ignored {unknown}, not one of {options}.").format(
            key=param.key, unknown=shown_options([repr(u) for u in unknown]), options=shown_options(param.options)
        )
        return Parsed(param.key, chosen, "adjusted", message)
    return Parsed(param.key, chosen, "valid")


def _parse_choice(param: ChoiceParam, raw_values: Sequence[str]) -> Parsed:
    """A select box reads the last value; a segmented control the first that is not empty."""
    if param.widget == "segmented":
        given = [v for v in raw_values if v != ""]
        if not given:
            return _rejected(param, tr("'{key}' is empty").format(key=param.key))
        raw = given[0]
    else:
        raw = raw_values[-1]
    if raw not in param.options:
        why = tr("'{key}={raw}' is not one of {options}")
        return _rejected(param, why.format(key=param.key, raw=shown_raw(raw), options=shown_options(param.options)))
    if len(raw_values) > 1:
        return Parsed(param.key, raw, "adjusted", _repeated(param, raw_values, raw))
    return Parsed(param.key, raw, "valid")


def _repeated(param: Param, raw_values: Sequence[str], used: str) -> str:
    return tr("'{key}' appears {count} times in the link; only {used} was used.").format(
        key=param.key, count=len(raw_values), used=repr(shown_raw(used))
    )


def parse_param(param: Param, raw_values: Sequence[str]) -> Parsed:
    """Read one parameter from its raw URL values (empty when absent)."""
    if not raw_values:
        return Parsed(param.key, param.default, "missing")
    if isinstance(param, MultiChoiceParam):
        return _parse_multi(param, raw_values)
    if isinstance(param, ChoiceParam):
        return _parse_choice(param, raw_values)
    if isinstance(param, TextParam):
        return _parse_text(param, raw_values)
    return _parse_slider(param, raw_values)


def _parse_text(param: TextParam, raw_values: Sequence[str]) -> Parsed:
    """The last value, cut to the text box's length."""
    text = raw_values[-1][: param.max_length]
    notes = [_repeated(param, raw_values, raw_values[-1])] if len(raw_values) > 1 else []
    if len(raw_values[-1]) > param.max_length:
        notes.append(
            tr("'{key}' was cut to its first {length} characters.").format(key=param.key, length=param.max_length)
        )
    return Parsed(param.key, text, "adjusted", " ".join(notes)) if notes else Parsed(param.key, text, "valid")


def _slider_number(param: NumberParam | RangeParam, raw: str, read: float | str) -> tuple[int, str]:
    """One value as Streamlit's slider reads it: the whole number, or the reason it is rejected."""
    if isinstance(read, str):
        return 0, tr("'{key}={raw}' is not a number").format(key=param.key, raw=shown_raw(raw))
    if not math.isfinite(read):
        return 0, tr("'{key}={raw}' is not a finite number").format(key=param.key, raw=shown_raw(raw))
    if not param.low <= read <= param.high:
        return 0, tr("'{key}={raw}' is outside the allowed range {low} to {high}").format(
            key=param.key, raw=shown_raw(raw), low=param.low, high=param.high
        )
    return int(read), ""


def _parse_slider(param: NumberParam | RangeParam, raw_values: Sequence[str]) -> Parsed:
    """One number (two for a range) as Streamlit reads them; empty values are dropped, a fraction is cut."""
    given = [v for v in raw_values if v != ""]
    wanted = 2 if isinstance(param, RangeParam) else 1
    if not given:
        return _rejected(param, tr("'{key}' is empty").format(key=param.key))
    if len(given) != wanted and wanted == 2:
        why = tr("'{key}' needs two values, a start and an end; the link gives {count}")
        return _rejected(param, why.format(key=param.key, count=len(given)))
    if len(given) != wanted:
        why = tr("'{key}' appears {count} times in the link; it takes one value")
        return _rejected(param, why.format(key=param.key, count=len(given)))
    read = [_number_or_text(raw) for raw in given]
    numbers = [_slider_number(param, raw, value) for raw, value in zip(given, read, strict=True)]
    problems = [problem for _, problem in numbers if problem]
    if problems:
        return _rejected(param, problems[0])
    wholes = tuple(whole for whole, _ in numbers)
    notes = []
    if any(whole != value for whole, value in zip(wholes, read, strict=True)):
        cut = (
            tr("cut to the whole numbers {first} and {second}")
            if wanted == 2
            else tr("cut to the whole number {first}")
        )
        notes.append(cut.format(first=wholes[0], second=wholes[-1]))
    if wanted == 2 and wholes[0] > wholes[1]:
        notes.append(tr("read as {start} to {end}").format(start=wholes[1], end=wholes[0]))
    if len(given) < len(raw_values):
        notes.append(tr("empty values ignored"))
    value = wholes if wanted == 2 else wholes[0]
    if notes:
        shown = f"{param.key}={shown_raw(given[0])}" if wanted == 1 else param.key
        return Parsed(param.key, value, "adjusted", f"'{shown}': {'; '.join(notes)}.")
    return Parsed(param.key, value, "valid")


def _number_or_text(raw: str) -> float | str:
    """A slider's value as Streamlit reads it from a link: the number, or the text when it is not one."""
    try:
        return float(raw)
    except ValueError:
        return raw


def parse_params(params: Sequence[Param], query: Mapping[str, Sequence[str]]) -> dict[str, Parsed]:
    """Read every parameter of a page; ``query`` maps keys to all their raw values."""
    return {p.key: parse_param(p, query.get(p.key, ())) for p in params}


def query_of(query_params) -> dict[str, list[str]]:
    """Every key of ``st.query_params`` with all its raw values."""
    return {key: query_params.get_all(key) for key in query_params}
