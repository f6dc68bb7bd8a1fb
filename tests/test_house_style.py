"""One house style on every page, as a reader sees it with every section open (its CSVs: test_downloads): true
minus signs, thousands separators, dates as '5 Dec 2025', no sign on a zero change, no float noise, no developer
words and no stray punctuation."""

from __future__ import annotations

import re

import pytest
from conftest import PAGES, everything_shown, open_fully

HOUSE_RULES = {
    "a hyphen for a minus sign": re.compile(r"(?:^|[\s(:=])-\d|US\$ -|-US\$"),
    "an ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "a year with a decimal": re.compile(r"\b(?:19|20)\d{2}\.0\b"),
    "float noise": re.compile(r"\d\.\d{7,}"),
    "a signed zero change": re.compile(r"[+−](?:US\$ )?0\.0+\b(?! ?\d)"),
    "money without thousands separators": re.compile(r"US\$ \d{4,}"),
    "stray punctuation": re.compile(r"\.;|—:|;\s*;|,\s*\.(?!\d)| \.(?!\d)"),
    "developer words": re.compile(
        r"URL parameter|research sheet|Streamlit|x = export_growth|searched|found in the|kept as links|seed file",
        re.IGNORECASE,
    ),
}
"""What the house style never shows, by name."""


def broken_rules(text: str) -> dict[str, list[str]]:
    """Each house rule the text breaks, with the offending passages."""
    found = {}
    for rule, pattern in HOUSE_RULES.items():
        hits = [text[max(0, m.start() - 40) : m.end() + 20] for m in pattern.finditer(text)]
        if hits:
            found[rule] = hits[:5]
    return found


def test_the_rules_catch_what_the_issue_saw():
    """Each passage a reader reported breaks a rule; the house style's own forms break none."""
    reported = [
        "↓ -US$ 40.1 bn",
        "US$ -58.9 bn",
        "Balance -58.93",
        "as of 2025-12-05",
        "2010.0",
        "31.200000000000003",
        "↑ +US$ 0.0 bn",
        "US$ 1137.42 mn",
        "three-year low.; about 1.2",
        "As stated: '…' —: x",
        "URL parameter `import_growth`",
    ]
    assert all(broken_rules(passage) for passage in reported)
    fine = "−US$ 58.9 bn, +US$ 1.0 bn, US$ 0.0 bn, US$ 1,137.4 mn, 5 Dec 2025, FY2024-25, 2010, 0.5 bn, −8.83"
    assert broken_rules(fine) == {}


@pytest.mark.parametrize("script", PAGES)
def test_every_page_reads_in_the_house_style_with_every_section_open(script):
    assert broken_rules(everything_shown(open_fully(script), addresses=False)) == {}
