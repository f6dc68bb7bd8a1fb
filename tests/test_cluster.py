"""Two replicas behind nginx (deploy/local-cluster.sh), tested as readers and operators use them.

A what-if link opens through the balancer; when the reader's replica stops, a reload shows the same figures from
the other one; a stopped replica leaves the rotation at once and readers see no error; 25 link-openers × 8 opens
through the balancer are all answered.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from email.message import Message
from pathlib import Path

import pytest
from browser_helpers import DESKTOP, fresh_page, metric_value, open_idle
from conftest import ROOT, free_port

SCRIPT = ROOT / "deploy" / "local-cluster.sh"
WHAT_IF_LINK = "/what-if?export_growth=12&import_growth=-3&pharma_capture=5&base=2025-26"
TOTAL = "Total trade in 2030"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("cluster")]  # one cluster, on one worker


class Cluster:
    """A running local cluster: its balancer's address and the script's commands."""

    def __init__(self, run_dir: Path, port: int):
        self.env = {**os.environ, "CLUSTER_DIR": str(run_dir), "CLUSTER_PORT": str(port)}
        self.run_dir, self.url = run_dir, f"http://127.0.0.1:{port}"

    def command(self, *args: str) -> str:
        done = subprocess.run(
            ["bash", str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=180, check=False
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def replica_port(self, k: int) -> int:
        return int((self.run_dir / f"replica-{k}.port").read_text())

    def out_of_rotation_s(self) -> float:
        """How long nginx keeps a replica that refused a connection out of rotation (its fail_timeout)."""
        return float(re.search(r"fail_timeout=(\d+)s", (self.run_dir / "upstreams.conf").read_text()).group(1))

    def probe(self) -> str:
        """A health address no other request asks for, so the access log names the replica that answered it."""
        return f"/_stcore/health?probe={uuid.uuid4().hex}"

    def answered(self, probe: str) -> int:
        """The replica that answered ``probe``: nginx tells no reader, so its access log is read (replica=...; the
        last address named, after a retry)."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for line in (self.run_dir / "access.log").read_text().splitlines():
                if probe in line:
                    port = int(line.rsplit("replica=", 1)[1].split(",")[-1].strip().rsplit(":", 1)[1])
                    return next(k for k in (1, 2) if self.replica_port(k) == port)
            time.sleep(0.05)
        pytest.fail(f"no access log line for {probe}")

    def wait_in_rotation(self, k: int) -> None:
        """Wait until a new reader can be answered by replica ``k`` (a restarted replica rejoins after fail_timeout)."""
        deadline = time.monotonic() + self.out_of_rotation_s() + 10
        while time.monotonic() < deadline:
            probe = self.probe()
            get(f"{self.url}{probe}")
            if self.answered(probe) == k:
                return
            time.sleep(0.1)
        pytest.fail(f"replica {k} was not back in rotation {self.out_of_rotation_s() + 10:g} s after it restarted")


def get(url: str) -> tuple[int, Message, bytes]:
    """A plain GET as a new reader makes it: no cookie."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        message = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must provide it")
        pytest.skip(message)
    running = Cluster(tmp_path_factory.mktemp("cluster"), free_port())
    print(running.command("start", "2"))
    yield running
    running.command("stop")


@pytest.fixture
def both_replicas(cluster):
    """The cluster with both replicas running again after the test."""
    yield cluster
    for k in (1, 2):
        cluster.command("start-replica", str(k))
        cluster.wait_in_rotation(k)


def test_start_brings_up_two_healthy_replicas_behind_nginx(cluster):
    status = cluster.command("status")
    assert status.count("running, healthy") == 3, status
    status_code, _, body = get(f"{cluster.url}/_stcore/health")
    assert (status_code, body) == (200, b"ok")
    _, _, page = get(f"{cluster.url}{WHAT_IF_LINK}")
    assert b"<html" in page.lower()  # the page itself passes through, gzip or not


def test_a_reader_whose_replica_stops_reloads_and_sees_the_same_figures(both_replicas, browser):
    cluster = both_replicas
    with fresh_page(browser, DESKTOP) as page:
        open_idle(page, f"{cluster.url}{WHAT_IF_LINK}")
        before = metric_value(page, TOTAL)
        probe = cluster.probe()
        page.evaluate(f"async () => (await fetch('{probe}')).status")
        reader_replica = cluster.answered(probe)
        cluster.command("stop-replica", str(reader_replica))
        page.reload()
        open_idle(page, page.url)
        assert metric_value(page, TOTAL) == before
        assert page.url.endswith(WHAT_IF_LINK)
        probe = cluster.probe()
        page.evaluate(f"async () => (await fetch('{probe}')).status")
        assert cluster.answered(probe) != reader_replica


def test_a_stopped_replica_is_out_of_rotation_at_once_and_back_after_it_restarts(both_replicas):
    cluster = both_replicas
    cluster.command("stop-replica", "2")
    answered_by = []
    for _ in range(30):  # new readers (no cookie): nginx hashes each to a replica
        probe = cluster.probe()
        status_code, _, _ = get(f"{cluster.url}{probe}")
        assert status_code == 200  # a request that found replica 2 down was retried on replica 1
        answered_by.append(cluster.answered(probe))
    assert set(answered_by) == {1}
    cluster.command("start-replica", "2")
    cluster.wait_in_rotation(2)


def test_twenty_five_link_openers_through_the_balancer_are_all_answered(cluster):
    sys.path.insert(0, str(ROOT))
    from bench.run import opener_load

    port = int(cluster.url.rsplit(":", 1)[1])
    openers = opener_load(port, "trade", ("flow=imports&year=2025-26", "flow=exports&year=2024-25"))
    with ThreadPoolExecutor(1) as thread:  # a thread of its own: Playwright's sync API holds this one's event loop
        outcome = thread.submit(asyncio.run, openers).result()
    assert outcome["answered"] == outcome["asked"] == 200 and outcome["errors"] == 0
    log = (cluster.run_dir / "access.log").read_text()
    used = {cluster.replica_port(k) for k in (1, 2) if f"127.0.0.1:{cluster.replica_port(k)}" in log}
    assert len(used) == 2  # sessions were spread over both replicas


def test_the_balancer_names_no_replica_and_gives_a_checked_cookie_only_with_pages(cluster):
    _, page, _ = get(f"{cluster.url}/trade")
    cookies = page.get_all("Set-Cookie")
    assert len(cookies) == 1 and re.fullmatch(r"replica_key=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax", cookies[0])
    assert "X-Replica" not in page and page["Content-Security-Policy"]  # the app's own headers pass through
    for path in ("/api/v1/datasets", "/api/v1/preview/trade.png", "/_stcore/health"):
        _, headers, _ = get(f"{cluster.url}{path}")
        assert not [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("replica_key=")], path
        assert "X-Replica" not in headers, path
    forged = urllib.request.Request(f"{cluster.url}/trade", headers={"Cookie": "replica_key=evil%0d%0aX-Injected:1"})
    with urllib.request.urlopen(forged, timeout=10) as response:
        (given,) = response.headers.get_all("Set-Cookie")
    assert re.fullmatch(r"replica_key=[0-9a-f]{32};.*", given) and "evil" not in given  # a new key, not an echo
    with pytest.raises(urllib.error.HTTPError) as closed:
        get(f"{cluster.url}/_stcore/metrics")
    assert closed.value.code == 404


def test_a_client_asking_for_images_too_fast_is_told_to_wait(cluster):
    images = ("/api/v1/preview/what-if.png?export_growth={}", "/api/v1/charts/what-if/path.svg?export_growth={}")

    def ask(growth: int) -> tuple[int, Message | None]:  # preview cards and chart images share one limit
        try:
            return get(cluster.url + images[growth % 2].format(growth))[0], None
        except urllib.error.HTTPError as refused:
            return refused.code, refused.headers

    with ThreadPoolExecutor(20) as pool:  # twenty distinct scenarios at once: no cache answers them
        answers = list(pool.map(ask, range(20)))
    statuses = [status for status, _ in answers]
    assert statuses.count(200) >= 6 and 429 in statuses  # a burst is served, then the limit holds
    for status, headers in answers:
        if status == 429:
            assert headers["Retry-After"] == "1" and headers["Cache-Control"] == "no-store"


def test_readers_behind_one_address_all_get_the_maps_geometry(cluster):
    address = f"{cluster.url}/api/v1/datasets/countries-110m.topojson"

    def ask(_: int) -> int:
        try:
            return get(address)[0]
        except urllib.error.HTTPError as refused:
            return refused.code

    with ThreadPoolExecutor(20) as pool:  # sixty Connectivity pages opened at once from one newsroom
        assert set(pool.map(ask, range(60))) == {200}


FETCH_TEXT = "async (address) => { const r = await fetch(address); return [r.status, await r.text()]; }"


def test_downloads_answer_after_the_readers_replica_stops_and_after_it_returns(both_replicas, browser):
    cluster = both_replicas
    with fresh_page(browser, DESKTOP) as page:
        open_idle(page, f"{cluster.url}{WHAT_IF_LINK}")
        page.get_by_text("Table and CSV download").first.click()
        links = [
            page.get_by_role("link", name="Download the year-by-year table (CSV)"),
            page.get_by_role("link", name="Download CSV").first,
            page.get_by_role("link", name="Download chart (SVG)").first,
        ]
        addresses = [link.get_attribute("href") for link in links]
        assert addresses[0].startswith("api/v1/what-if.csv?") and addresses[2].startswith("api/v1/charts/what-if/")
        assert all("export_growth=12" in address for address in addresses)
        probe = cluster.probe()
        page.evaluate(f"async () => (await fetch('{probe}')).status")
        reader_replica = cluster.answered(probe)
        cluster.command("stop-replica", str(reader_replica))  # no reload: the page as the reader left it
        files = [page.evaluate(FETCH_TEXT, address) for address in addresses]
        assert all(status == 200 for status, _ in files)
        assert "fiscal_year,kind," in files[0][1] and "total_bn" in files[1][1] and files[2][1].startswith("<svg")
        cluster.command("start-replica", str(reader_replica))
        cluster.wait_in_rotation(reader_replica)
        again = [page.evaluate(FETCH_TEXT, address) for address in addresses]
        assert again == files  # the same files, whichever replica answers
