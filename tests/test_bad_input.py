"""Hostile links: random and malicious URL values on every page give notices, never exceptions or markup.

Each example opens a page with any subset of its parameters set to one or more values drawn from valid
options, hostile strings and random text, then checks what the reader sees: every control shows the value
the parser promises, exactly one notice per ignored or adjusted value, each escaped, and no error.
"""

from __future__ import annotations

import re

import pytest
from conftest import PAGE_BY_SCRIPT, PAGES, open_page, warnings
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from components.core import what_if_state
from components.core.formatting import md
from components.core.params import ChoiceParam, MultiChoiceParam, NumberParam, Param, RangeParam, parse_params
from components.store import url_state

HOSTILE = [
    "",
    "nan",
    "-inf",
    "Infinity",
    "1e309",
    "\u0663",  # Arabic-Indic digit three
    "\uff15",  # full-width digit five
    " 7 ",
    "0x1A",
    "1_0",
    "9" * 3000,
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_",
    "[link](javascript:alert(1))",
    "$x^2$",
    ":red[red]",
    "`code`",
    "# heading",
    "\x00\n- item",
    "&amp;&lt;",
]
CONTROL_TYPES = ("slider", "selectbox", "radio", "text_input", "multiselect", "button_group")
TEXT_TYPES = ("markdown", "caption", "warning", "info", "title", "header", "subheader")
UNESCAPED_MARKUP = re.compile(r"(?<!\\)(<script|<img|\]\(javascript:|\*\*bold)")


def page_params() -> dict[str, list[Param]]:
    """Every page's URL parameters, in the order each page reports them: the pages' own declarations."""
    return {script: list(url_state.declared(PAGE_BY_SCRIPT[script]).values()) for script in PAGES}


def valid_tokens(param: Param) -> list[str]:
    """Values a real link might hold for ``param``, some of them just out of range."""
    if isinstance(param, NumberParam | RangeParam):
        middle = (param.low + param.high) // 2
        return [str(param.low), str(param.high), str(middle), f"{middle}.5", str(param.high + 1)]
    if isinstance(param, ChoiceParam | MultiChoiceParam):
        return [*param.options[:4], param.options[-1].upper()]
    return ["BrahMos", "missile", "x" * (param.max_length + 1)]


def raw_values(param: Param):
    token = st.one_of(st.sampled_from(valid_tokens(param) + HOSTILE), st.text(max_size=20))
    return st.lists(token, min_size=1, max_size=3)


def link(params: list[Param]):
    """A query: any subset of the page's keys, plus a key the app does not know."""
    optional = {p.key: raw_values(p) for p in params} | {"utm<b>": st.lists(st.sampled_from(HOSTILE), min_size=1)}
    return st.fixed_dictionaries({}, optional=optional)


def shown_value(app, param: Param):
    """The value the page works with, read from the control bound to ``param``."""
    for kind in CONTROL_TYPES:
        for control in app.get(kind):
            if control.key == param.key:
                value = control.value
                if value is None and isinstance(param, ChoiceParam):
                    return param.default  # an empty segmented control: the page falls back to the default
                return tuple(value) if isinstance(value, list) else value
    raise AssertionError(f"no control bound to {param.key!r}")


PARAMS = page_params()
LINK_ONLY = {p.key for p in what_if_state.COMPARE_PARAMS}
"""Parameters a link holds without a control of their own: the What-if page's pinned scenario A."""
ACTIONS = {"preset"}
"""Controls that act once and hold no view of their own: a preset only sets the sliders, which are in the link."""
NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate)  # each example runs a page: too slow to shrink
CLOSED_CONTROLS = {
    "app_pages/mobility_tourism.py": ("worker-what-if",),
    "app_pages/defence.py": ("platform-details", "platforms-full"),
}
"""Sections whose controls are drawn when a reader opens them (or a link sets one of them): opened here."""


@pytest.mark.parametrize("page", PAGES)
def test_any_link_shows_what_the_parser_promises_with_a_notice_per_ignored_value(page):
    params = PARAMS[page]

    @settings(max_examples=8, deadline=None, phases=NO_SHRINKING, suppress_health_check=[HealthCheck.too_slow])
    @given(link(params))
    def check(query):
        app = open_page(page, CLOSED_CONTROLS.get(page, ()), **query)
        assert not app.exception
        assert not app.error
        parsed = parse_params(params, query)
        for param in params:
            if param.key not in LINK_ONLY:
                assert shown_value(app, param) == parsed[param.key].value, param.key
        expected = [f"Link parameter: {md(p.message)}" for p in parsed.values() if p.status in ("invalid", "adjusted")]
        assert warnings(app) == expected
        texts = [e.value for kind in TEXT_TYPES for e in app.get(kind)]
        assert not [t for t in texts if UNESCAPED_MARKUP.search(t)]

    check()


def test_every_control_of_every_page_is_in_its_parameter_list():
    """The fuzzing above covers every control a link can set: no bound control is left out (the language switcher,
    on every page, is tested in test_languages.py)."""
    for page, params in PARAMS.items():
        app = open_page(page, CLOSED_CONTROLS.get(page, ()))
        keys = {c.key for kind in CONTROL_TYPES for c in app.get(kind) if c.key and not c.key.startswith("$$")}
        assert keys - ACTIONS - {url_state.LANGUAGE.key} <= {p.key for p in params}, (page, keys)
        assert {p.key for p in params} - LINK_ONLY <= keys, page
