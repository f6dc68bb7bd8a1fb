"""What each page works out — trade, defence, mobility, connectivity, the overview, the what-if, the status of
each tracked item and where each figure came from — as pure functions of loaded tables (no Streamlit)."""
