"""A reader beside image requests: a reader's health checks timed on a quiet server, then while three clients ask
for distinct what-if preview images without pause (no cache can absorb them: ~2×10⁹ valid scenarios).

Usage: ``python bench/noisy.py [--write]``; ``--write`` records the figures in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]
from run import ROOT, Server, replace_section, results_section  # noqa: E402

SECTION = "## A reader beside image requests"
CLIENTS, SECONDS = 3, 15
TARGETS = {"p50": 0.025, "p95": 0.150, "max": 0.500}


def fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        return response.status


def health_waits(url: str, seconds: float) -> list[float]:
    """A reader's health checks, one every 50 ms, each timed."""
    waits, stop = [], time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.perf_counter()
        fetch(f"{url}_stcore/health")
        waits.append(time.perf_counter() - started)
        time.sleep(0.05)
    return waits


def summary(waits: list[float]) -> dict[str, float]:
    ordered = sorted(waits)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "max": ordered[-1],
    }


def measure() -> tuple[dict[str, float], dict[str, float], int]:
    server = Server(ROOT / "serve.py")
    try:
        quiet = summary(health_waits(server.url, 5))
        drawn, stop = [], time.monotonic() + SECONDS

        def ask_for_images(client: int) -> None:
            growth = 0
            while time.monotonic() < stop:
                growth += 1
                query = (
                    f"export_growth={growth % 80 - 20}&import_growth={client * 10 - 20}&pharma_capture={growth % 20}"
                )
                drawn.append(fetch(f"{server.url}api/v1/preview/what-if.png?{query}"))

        clients = [threading.Thread(target=ask_for_images, args=(c,)) for c in range(CLIENTS)]
        for client in clients:
            client.start()
        time.sleep(1)
        busy = summary(health_waits(server.url, SECONDS - 2))
        for client in clients:
            client.join()
        return quiet, busy, drawn.count(200)
    finally:
        server.stop()


def section(quiet: dict[str, float], busy: dict[str, float], images: int) -> str:
    rows = [
        f"| {name} | {quiet[name] * 1000:.1f} ms | {busy[name] * 1000:.1f} ms | <= {limit * 1000:.0f} ms | "
        f"{'met' if busy[name] <= limit else 'NOT MET'} |"
        for name, limit in TARGETS.items()
    ]
    return results_section(
        SECTION,
        "python bench/noisy.py --write",
        f"A reader's `/_stcore/health`, every 50 ms, on a quiet server and while {CLIENTS} clients asked for distinct "
        f"what-if preview images without pause for {SECONDS} s ({images} images drawn).",
        ["| Health check | Quiet | Beside the image requests | Target | |", "|---|---|---|---|---|", *rows],
        "Images are drawn in separate processes (`components/server/drawing.py`), so the server's own process only "
        "waits for them.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the results in bench/RESULTS.md")
    args = parser.parse_args()
    text = section(*measure())
    print(text)
    if args.write:
        replace_section(SECTION, text)


if __name__ == "__main__":
    main()
