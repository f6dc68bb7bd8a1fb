"""What the server answers before Streamlit does: page addresses and their head tags, link previews and their
images (drawn in separate processes), the open data API and the news feed."""
