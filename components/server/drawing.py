"""Images drawn in worker processes. vl-convert holds Python's lock while it draws, so a drawing in the server's own
process stalls every reader's page, websocket and health check for as long as it takes; drawn in a small pool of
separate processes, it costs the server only the wait. No Streamlit here.

Each worker is ``python -m components.drawing``: it reads requests (a length, then JSON: what to draw, the spec,
the scale) on its standard input and answers each with a length and the image, or a negative length and the error.
(Not ``multiprocessing``: its workers import the parent's main module, which in a Streamlit server is the app.)
"""

from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
import time
from pathlib import Path

from components.core import images

WORKERS = max(1, (os.cpu_count() or 2) - 1)
"""One drawing process per spare core: the server's own process keeps a core."""
TIME_LIMIT_S = 30
"""The longest a reader waits for one image (including a wait for a free worker) before the server gives up."""
ROOT = Path(__file__).resolve().parents[2]
KINDS = {"png": images.png, "svg": images.svg, "card": images.card}
LENGTH = 8  # bytes of a message's length, big-endian and signed


class Worker:
    """One drawing process, started when first needed and again after it died or was stopped for taking too long."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def draw(self, kind: str, spec: dict, scale: float, deadline: float) -> bytes:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "components.server.drawing"],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        request = json.dumps({"kind": kind, "spec": spec, "scale": scale}).encode("utf-8")
        try:
            self.process.stdin.write(len(request).to_bytes(LENGTH, "big", signed=True) + request)
            self.process.stdin.flush()
            size = int.from_bytes(self._read(LENGTH, deadline), "big", signed=True)
            answer = self._read(abs(size), deadline)
        except (OSError, TimeoutError):
            self.stop()
            raise
        if size < 0:
            raise RuntimeError(answer.decode("utf-8", "replace"))
        return answer

    def _read(self, count: int, deadline: float) -> bytes:
        """``count`` bytes of the worker's answer, or TimeoutError at ``deadline`` (or OSError if it died)."""
        pipe, chunks, got = self.process.stdout.fileno(), [], 0
        while got < count:
            ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError(f"no image within {TIME_LIMIT_S} s")
            chunk = os.read(pipe, count - got)
            if not chunk:
                raise OSError("the drawing process ended")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


_free: queue.Queue[Worker] = queue.Queue()
for _ in range(WORKERS):
    _free.put(Worker())


def _drawn(kind: str, spec: dict, scale: float = 1.0) -> bytes:
    """A spec drawn by the first free worker; TimeoutError when none answers within ``TIME_LIMIT_S``."""
    deadline = time.monotonic() + TIME_LIMIT_S
    try:
        worker = _free.get(timeout=TIME_LIMIT_S)
    except queue.Empty:
        raise TimeoutError(f"no drawing process free within {TIME_LIMIT_S} s") from None
    try:
        return worker.draw(kind, spec, scale, deadline)
    finally:
        _free.put(worker)


def png(spec: dict, scale: float = 1.0) -> bytes:
    """A spec drawn as PNG in a drawing process."""
    return _drawn("png", spec, scale)


def svg(spec: dict) -> bytes:
    """A spec drawn as SVG in a drawing process."""
    return _drawn("svg", spec)


def card(spec: dict) -> bytes:
    """A 1200×630 preview card drawn in a drawing process."""
    return _drawn("card", spec)


def serve() -> None:
    """A drawing process's life: answer each request on standard input until it closes."""
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.read(LENGTH):
        request = json.loads(requests.read(int.from_bytes(header, "big", signed=True)))
        try:
            draw = KINDS[request["kind"]]
            answer = draw(request["spec"], request["scale"]) if request["kind"] == "png" else draw(request["spec"])
            size = len(answer)
        except Exception as error:  # the reader gets an error, the worker lives on
            answer = f"{type(error).__name__}: {error}".encode()
            size = -len(answer)
        answers.write(size.to_bytes(LENGTH, "big", signed=True) + answer)
        answers.flush()


if __name__ == "__main__":
    serve()
