"""Take the pictures of the README and docs from the running app, in headless Chromium at fixed sizes, into
docs/img/, with a manifest of what they show: ``python3 scripts/screenshots.py`` redraws them all after a change."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_helpers import open_idle  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_FLAGS, start_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

IMAGES = ROOT / "docs" / "img"
PHONE = {"width": 390, "height": 844}
SHARED = "/what-if?export_growth=12&import_growth=-3&base=2025-26"
PICTURES = {
    "what-if-phone.png": ("/what-if?export_growth=12&import_growth=-3&base=2025-26", {"width": 390, "height": 844}),
    "trade-laptop.png": ("/trade", {"width": 1366, "height": 900}),
    "what-if-embed.png": ("/what-if?export_growth=12&base=2025-26&embed=true", {"width": 600, "height": 450}),
    "what-if-phone-ru.png": (f"{SHARED}&lang=ru", PHONE),
    "what-if-phone-hi.png": (f"{SHARED}&lang=hi", PHONE),
}
"""Each picture: the address it shows and the window it is taken in (its first screen)."""


def take(url: str) -> dict:
    """Take every picture from the app at ``url``; return the manifest of what they show."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        navigation = []
        for name, (address, window) in PICTURES.items():
            page = browser.new_page(viewport=window)
            open_idle(page, url + address)
            page.wait_for_timeout(1500)  # charts finish their first draw
            page.screenshot(path=IMAGES / name)
            if window["width"] > 1000:
                navigation = page.locator("[data-testid=stTopNavLink]").all_inner_texts()
            page.close()
        browser.close()
    return {
        "taken": datetime.now(UTC).strftime("%Y-%m-%d"),
        "navigation": [title.strip().splitlines()[-1] for title in navigation],  # the words after the icon
        "pictures": {name: {"address": address, "window": window} for name, (address, window) in PICTURES.items()},
    }


def main() -> None:
    server, url = start_server()  # the tests' own: serve.py on a free port, once it answers
    try:
        manifest = take(url)
    finally:
        server.terminate()
        server.wait(timeout=20)
    (IMAGES / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(manifest['pictures'])} pictures in {IMAGES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
