"""The minimal reference app every benchmark figure is divided by: one slider, one small Altair chart, one metric."""

import altair as alt
import pandas as pd
import streamlit as st

rate = st.slider("Growth (% a year)", -20, 60, 0, key="x", bind="query-params")
years = pd.DataFrame({"year": range(2025, 2031)})
years["value"] = 68.7 * (1 + rate / 100) ** (years["year"] - 2025)
st.metric("Value in 2030", f"{years['value'].iloc[-1]:.1f}")
st.altair_chart(
    alt.Chart(years).mark_line(point=True).encode(x="year:O", y="value:Q", tooltip=["year", "value"]),
    width="stretch",
)
