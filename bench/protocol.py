"""A Streamlit client that speaks the browser's own websocket protocol (``/_stcore/stream``, ``streamlit.proto``).

It opens a session on a page with a query string, reruns it with a changed widget value, and reports how long
each run took, whether the script finished cleanly and whether the page showed an exception.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

RUN_TIMEOUT_S = 120


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    finished_cleanly: bool
    exceptions: int
    messages: int


@dataclass
class Session:
    """One browser tab's worth of state: its connection, page and widget ids by key."""

    connection: ClientConnection
    page_name: str
    query: str
    page_script_hash: str = ""
    widget_ids: dict[str, str] = field(default_factory=dict)
    fragment_ids: dict[str, str] = field(default_factory=dict)

    async def run(self, key: str | None = None, value: float | str | tuple[str, ...] | None = None) -> Run:
        """Run the page once; with ``key`` and ``value``, as if the reader had just set that control.

        As the browser does, a control inside an ``st.fragment`` reruns only its fragment.
        """
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_name = self.page_name
        state.page_script_hash = self.page_script_hash
        if key is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.widget_ids[key]
            state.fragment_id = self.fragment_ids.get(key, "")
            if isinstance(value, str):
                widget.string_value = value
            elif isinstance(value, tuple):  # a segmented control or pills: the options' words, as shown
                widget.string_array_value.data.extend(value)
            else:
                widget.double_array_value.data.append(value)
        started = time.perf_counter()
        await self.connection.send(message.SerializeToString())
        return await self._until_finished(started)

    async def _until_finished(self, started: float) -> Run:
        exceptions = messages = 0
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await _receive(self.connection, started))
            messages += 1
            kind = reply.WhichOneof("type")
            if kind == "navigation" and reply.navigation.page_script_hash:
                self.page_script_hash = reply.navigation.page_script_hash
            elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                element_type = element.WhichOneof("type")
                exceptions += element_type == "exception"
                widget_id = getattr(getattr(element, element_type), "id", "") if element_type else ""
                if widget_id.startswith("$$ID-"):
                    key = widget_id.rsplit("-", 1)[-1]
                    self.widget_ids[key] = widget_id
                    self.fragment_ids[key] = reply.delta.fragment_id
            elif kind == "script_finished":
                status = reply.script_finished
                return Run(
                    time.perf_counter() - started,
                    status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY),
                    exceptions,
                    messages,
                )


async def _receive(connection: ClientConnection, started: float) -> bytes:
    remaining = RUN_TIMEOUT_S - (time.perf_counter() - started)
    return await asyncio.wait_for(connection.recv(), timeout=max(remaining, 0.001))


async def open_session(port: int, page_name: str = "", query: str = "") -> tuple[Session, Run]:
    """Connect as a new browser tab would and run the page once."""
    connection = await connect(
        f"ws://localhost:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None, open_timeout=60
    )
    session = Session(connection, page_name, query)
    return session, await session.run()
