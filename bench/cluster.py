"""Scaling out: link-opener throughput through nginx with one and with two replicas, and each replica's memory.

Starts the local cluster (``deploy/local-cluster.sh``) with 1, then 2 replicas on free ports, warms every replica,
runs the same load as ``bench/run.py``'s link-openers (25 at once, 8 opens each of /trade, each a new session with
a new query string) through the balancer, and reads each replica's memory afterwards. ``--write`` puts the figures
and what they imply in the "Scaling out" section of bench/RESULTS.md (``run.py --write`` keeps that section).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import tempfile
from pathlib import Path

from run import (
    OPENER_QUERIES,
    RERUNS,
    ROOT,
    SCALING_SECTION,
    SESSIONS,
    free_port,
    opener_load,
    replace_section,
    results_section,
)

SCRIPT = ROOT / "deploy" / "local-cluster.sh"
WARM_OPENS = 6  # per replica, before measuring: a replica's first opens build its caches


def cluster(command: str, *args: str, run_dir: Path, port: int) -> None:
    env = {**os.environ, "CLUSTER_DIR": str(run_dir), "CLUSTER_PORT": str(port)}
    subprocess.run(["bash", str(SCRIPT), command, *args], env=env, check=True, capture_output=True, timeout=300)


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024


def measure(replicas: int) -> dict:
    """The load through the balancer with ``replicas`` replicas: its outcome and each replica's memory after it."""
    with tempfile.TemporaryDirectory() as folder:
        run_dir, port = Path(folder) / "cluster", free_port()
        cluster("start", str(replicas), run_dir=run_dir, port=port)
        try:
            for k in range(1, replicas + 1):  # warm each replica directly, as earlier readers would have
                replica_port = int((run_dir / f"replica-{k}.port").read_text())
                asyncio.run(opener_load(replica_port, "trade", OPENER_QUERIES, sessions=WARM_OPENS, opens=1))
            outcome = asyncio.run(opener_load(port, "trade", OPENER_QUERIES))
            pids = [int((run_dir / f"replica-{k}.pid").read_text()) for k in range(1, replicas + 1)]
            outcome["rss_mb"] = [rss_mb(pid) for pid in pids]
        finally:
            cluster("stop", run_dir=run_dir, port=port)
    return outcome


def section(results: dict[int, dict]) -> str:
    one, two = results[1], results[2]
    per_core = two["throughput"] / (os.cpu_count() or 1)
    memory = max(max(r["rss_mb"]) for r in results.values())
    rows = [
        f"| {n} | {r['throughput']:.2f} /s | {r['answered']} of {r['asked']} | {r['errors']} | "
        f"{', '.join(f'{mb:.0f} MB' for mb in r['rss_mb'])} |"
        for n, r in results.items()
    ]
    return results_section(
        SCALING_SECTION,
        "python bench/cluster.py --write",
        f"{SESSIONS} link-openers at once, {RERUNS} opens each of /trade (each a new session with a new query string) "
        "through nginx (`deploy/local-cluster.sh`), after a few warm-up opens on each replica.",
        [
            "| Replicas | Opens a second | Answered | Errors | Memory of each replica after the load |",
            "|---|---|---|---|---|",
            *rows,
        ],
        f"Two replicas served {two['throughput'] / one['throughput']:.2f}× the opens of one. A page open is CPU "
        "work in one Python process (a Streamlit server runs each session's script on one core at a time), so "
        "one replica leaves this machine's second core mostly idle; two use both, sharing them with the load "
        f"generator ({per_core:.2f} opens a second per core). On a bigger machine, plan one replica per core "
        f"and about {memory:.0f} MB of memory per replica (its data, caches and up to 128 recently closed "
        "sessions), plus nginx's few MB: 8 cores would serve roughly 8 × that rate for a page mix like /trade's.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the results in bench/RESULTS.md")
    args = parser.parse_args()
    results = {n: measure(n) for n in (1, 2)}
    text = section(results)
    print(text)
    if args.write:
        replace_section(SCALING_SECTION, text)


if __name__ == "__main__":
    main()
