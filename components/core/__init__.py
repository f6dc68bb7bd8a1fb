"""Pure building blocks with no Streamlit and no file reading: the scenario model, the what-if's typed link state,
every link parameter's declaration and parser, the page registry, the data files' schemas, formatting, citations,
chart specifications and the images drawn from them."""
