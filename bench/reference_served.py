"""The reference app served as ``serve.py`` serves the app: through ``st.App``, with the same start (every message
a run writes goes out as soon as it is written: ``components/server/sockets.py``). Without it, Streamlit holds
each response's second write until the browser acknowledges the first, which made the reference open about
200 ms later than the same app served with it: a ratio would then measure a server setting, not the pages."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the app's components, as serve.py finds them
from components.server import sockets

app = st.App("reference_app.py", lifespan=sockets.sending_without_delay)
