"""Keep the Hindi and Russian catalogues complete: collect every message the app words, then add the new ones to
``locales/<lang>/LC_MESSAGES/messages.po`` (untranslated, for a translator) and drop the ones no longer used.

    python3 scripts/catalogues.py            # update messages.pot and both .po files; list what needs translating
    python3 scripts/catalogues.py --check    # exit 1 if a message has no translation (what the tests check)

The messages are the union of two readings: the literal words in the code given to ``tr``/``mark`` (Babel's
extractor), and every message asked for while each page runs in Hindi and Russian (``i18n.recording``), which
also catches the words that come from the data files (units, qualifiers, statuses). Compiling to ``.mo`` is the
set-up's work: ``pybabel compile -d locales``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.core import i18n  # noqa: E402

KEYWORDS = {"tr": None, "mark": None}
SOURCES = ("app.py", "serve.py", "app_pages", "components")


def literal_messages() -> set[str]:
    """The words given literally to ``tr`` and ``mark`` anywhere in the app's code."""
    found = set()
    for folder in SOURCES:
        path = ROOT / folder
        if path.is_file():
            with path.open("rb") as source:
                found |= {m for _, _, m, _ in extract_python(source, KEYWORDS, [], {}) if isinstance(m, str)}
        else:
            for _, _, message, _, _ in extract_from_dir(
                path, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
            ):
                if isinstance(message, str):
                    found.add(message)
    return {m for m in found if m}


def asked_messages() -> set[str]:
    """Every message the pages, their first screens, previews and the 404 page ask for in Hindi and Russian."""
    sys.path.insert(0, str(ROOT / "tests"))
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's notes on running without a server
    from languages_sweep import sweep  # the tests' own reader: every page, opened as a reader opens it

    asked: set[str] = set()
    for language in ("hi", "ru"):
        asked |= sweep(language)
    return asked


def po_path(language: str) -> Path:
    return i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as source:
        return read_po(source, locale=i18n.LOCALES[language])


def untranslated(catalog: Catalog, messages: set[str]) -> list[str]:
    """The messages the catalogue lacks, leaves empty or marks fuzzy."""
    missing = []
    for message in sorted(messages):
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(message)
    return missing


def update(messages: set[str]) -> None:
    """Write the template and bring each language's catalogue up to it, keeping every translation."""
    template = Catalog(project="India–Russia Partnership Explorer", fuzzy=False)
    for message in sorted(messages):
        template.add(message)
    with (i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot").open("wb") as out:
        write_po(out, template, width=120, omit_header=False)
    for language in ("hi", "ru"):
        catalog = read(language) if po_path(language).exists() else Catalog(locale=i18n.LOCALES[language])
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        with po_path(language).open("wb") as out:
            write_po(out, catalog, width=120, ignore_obsolete=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated messages")
    arguments = parser.parse_args()
    messages = literal_messages() | asked_messages()
    if not arguments.check:
        update(messages)
    gaps = {language: untranslated(read(language), messages) for language in ("hi", "ru")}
    for language, missing in gaps.items():
        print(f"{language}: {len(messages) - len(missing)} of {len(messages)} translated")
        for message in missing:
            print(f"  missing: {message!r}")
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
