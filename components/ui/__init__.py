"""Streamlit rendering shared by the pages: controls bound to the link, citations under figures, charts with
their table and downloads, the what-if's answer and share panel, and compact embeds."""
