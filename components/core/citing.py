"""How to cite and reuse what the explainer shows: its licence, and a page's or a download's citation as APA text,
BibTeX and the first lines of a CSV. Pure functions: no Streamlit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from components.core.i18n import mark

SITE_NAME = mark("India–Russia Partnership Explorer")
SITE_ABOUT = mark(
    "An explainer of the 23rd India–Russia Annual Summit (New Delhi, 4–5 December 2025). Every figure names its "
    "source; where sources disagree, each version is shown."
)
"""What the site is, in the sidebar of every page and its first screen as the server sends it."""
LICENCE = "CC BY 4.0"
LICENCE_NAME = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NOTE = (
    f"The compilation, charts and text are under [{LICENCE}]({LICENCE_URL}): reuse them with credit to the "
    f"{SITE_NAME} and a link. Third-party data keep their own terms: SIPRI's with attribution to SIPRI, the "
    "Government of India's trade statistics with attribution to the Ministry of Commerce & Industry, Natural Earth's "
    "in the public domain; news articles are quoted only in short snippets."
)
"""What a reader may do with what the explainer shows, in one paragraph (Markdown)."""


@dataclass(frozen=True)
class Citation:
    """A citation of one view: what it is, its link, the day it was seen and the data version it shows."""

    title: str  # e.g. "Trade what-if" or a chart's title
    link: str
    accessed: date
    version: str  # the data version: the day the data were last checked, ISO

    @property
    def year(self) -> str:
        return self.version[:4]

    def apa(self) -> str:
        """The citation in APA style (7th edition, data set)."""
        seen = f"{self.accessed.day} {self.accessed:%B %Y}"
        return (
            f"{SITE_NAME}. ({self.year}). {self.title} [Data set and interactive chart; data version "
            f"{self.version}]. Retrieved {seen}, from {self.link}"
        )

    def bibtex(self) -> str:
        """The citation as a BibTeX ``@misc`` entry."""
        key = "india-russia-explorer-" + re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:40]
        return "\n".join(
            [
                f"@misc{{{key}-{self.version},",
                f"  author = {{{{{SITE_NAME}}}}},",
                f"  title = {{{self.title}}},",
                f"  year = {{{self.year}}},",
                f"  howpublished = {{\\url{{{self.link}}}}},",
                f"  note = {{Data version {self.version}; accessed {self.accessed.isoformat()}; {LICENCE}}},",
                "}",
            ]
        )

    def csv_lines(self) -> list[str]:
        """The first lines of a CSV download: what it is, its link, how to cite it and its licence."""
        return [
            f"# {self.title} — {SITE_NAME}",
            f"# Link: {self.link}",
            f"# Cite as: {self.apa()}",
            f"# Licence: {LICENCE} ({LICENCE_URL}); third-party data keep their own terms (see the link).",
        ]
