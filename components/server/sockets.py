"""The server's listening sockets send each message as soon as it is written.

Streamlit 1.67 binds its listening socket itself, as ``socket.socket(family)``: its protocol number is 0, so asyncio,
which turns off Nagle's algorithm only on sockets it can tell are TCP, leaves it on for every connection accepted
from it. A response's second write (a file's body after its headers, a run's second websocket message) then waits
for the browser to acknowledge the first, which a receiver delays by up to 40 ms: a minimal page opened about 200 ms
later in Chromium, and a rerun over the websocket took 48 ms instead of 11 (bench/RESULTS.md). Linux gives an
accepted connection its listening socket's ``TCP_NODELAY``, so setting it once on the listener covers every reader.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

OWN_DESCRIPTORS = Path("/proc/self/fd")


def send_without_delay() -> int:
    """Turn off Nagle's algorithm on each TCP socket this process listens on (on Linux, which lists them in
    /proc); returns how many."""
    if not OWN_DESCRIPTORS.is_dir():
        return 0
    changed = 0
    for entry in OWN_DESCRIPTORS.iterdir():
        try:
            if not os.readlink(entry).startswith("socket:"):
                continue
            with socket.socket(fileno=os.dup(int(entry.name))) as found:  # a copy: closing it leaves the server's
                listening = found.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
                if listening and found.family in (socket.AF_INET, socket.AF_INET6) and found.type == socket.SOCK_STREAM:
                    found.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    changed += 1
        except OSError:  # a descriptor closed meanwhile, or one that is no socket this process may read
            continue
    return changed


@contextlib.asynccontextmanager
async def sending_without_delay(_app):
    """A served app's lifespan (``st.App(lifespan=...)``): at start, before the first reader connects, every
    message a run writes goes out as soon as it is written."""
    send_without_delay()
    yield
