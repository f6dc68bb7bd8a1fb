"""How numbers read: one format per unit, wherever a figure appears."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from components.core import formatting
from components.core.formatting import CURRENCY_UNITS, figure_phrase, fmt_change_bn, plain, plain_percent, signed


@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    st.sampled_from(["US$ bn", "US$ mn", "EUR bn"]),
    st.sampled_from(["", "nearly", "about"]),
)
def test_money_reads_currency_number_scale_whatever_the_figure(value, unit, qualifier):
    phrase = figure_phrase(value, unit, qualifier)
    currency, _, scale = CURRENCY_UNITS[unit].removeprefix("{sign}").partition(" {number} ")
    assert re.fullmatch(rf"({qualifier} )?{re.escape(currency)} [\d,.e+-]+ {scale}", phrase.strip()), phrase


def test_a_sourced_figure_keeps_its_digits_and_reads_like_every_other_amount():
    assert figure_phrase(1.021, "US$ bn") == "US$ 1.021 bn"
    assert figure_phrase(1.3, "EUR bn") == "€ 1.3 bn"
    assert figure_phrase(2.7, "US$ bn", "", 2.8) == "US$ 2.7–2.8 bn"
    assert figure_phrase(40, "%", "up to") == "up to 40%"


def test_a_change_leads_with_a_true_minus_sign_and_no_change_has_no_sign():
    assert fmt_change_bn(-40.08) == "−US$ 40.1 bn" and fmt_change_bn(40.08) == "+US$ 40.1 bn"
    assert fmt_change_bn(0.04) == "US$ 0.0 bn"
    assert fmt_change_bn(-0.04) == "US$ 0.0 bn"
    assert signed(-8.834) == "−8.83" and signed(0.001) == "0.00" and plain(-50.884) == "−50.88"
    assert plain(1234.5, 1) == "1,234.5"
    assert plain_percent(-55.04) == "−55.0%" and plain_percent(-0.04) == "0.0%" and plain_percent(12.94) == "12.9%"


@given(st.sampled_from(["https://evil.example/login", "HTTP://x.y", "www.evil.example", "reader@evil.example"]))
def test_escaped_text_holds_nothing_markdown_would_turn_into_a_link(address):
    shown = formatting.md(f"see {address} now")
    assert not re.search(r"(?i)https?\\?:|www\\?\.|@\w", shown)
    assert shown.replace("\u2060", "").replace("\\", "") == f"see {address} now"
