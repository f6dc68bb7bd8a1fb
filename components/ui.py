"""Small Streamlit helpers shared by every page: citations, notices, chart blocks, formatting."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from components import images, status, url_state
from components.charts import Spec
from components.data import DataError, load_sources, load_table, source_ids
from components.formatting import column_label, figure_phrase, is_key_column, md, number_text
from components.pages import PageInfo
from components.params import (
    ChoiceParam,
    MultiChoiceParam,
    NumberParam,
    Param,
    Parsed,
    RangeParam,
    TextParam,
    parse_param,
    query_of,
    url_help,
)

Prepared = TypeVar("Prepared")


@st.cache_resource(show_spinner=False)
def _citations() -> dict[str, tuple[str, str, str]]:
    """For each source id: its short name, short Markdown citation and full Markdown citation, built once.

    A seed article is named by its publisher like any other source; where its publisher is unknown, the
    name says so. Internal file names never reach the reader.
    """
    citations = {}
    for sid, s in load_sources().iterrows():
        name = s["publisher"].split(";")[0]
        if s["kind"] == "seed article":  # the outlet, without where its copy was found
            name = name.split(" (")[0] if s["url"] else "Unattributed explainer (publisher unknown)"
        short = f"[{md(name)}]({s['url']})" if s["url"] else md(name)
        title, dated = md(s["title"]), f", {md(s['date'])}" if s["date"] else ""
        if s["url"]:
            full = f"[{title}]({s['url']}) ({md(s['publisher'])}{dated})"
        else:
            full = f"*{title}* ({md(s['publisher'])}; original publication not found)"
        citations[sid] = (name, short, full)
    return citations


def source_name(source_id: str) -> str:
    """A short name for a source: its publisher."""
    return _citations()[source_id][0]


def source_names(cell: str) -> str:
    """Short names for every source in a ``source_id`` cell, each once."""
    return "; ".join(dict.fromkeys(source_name(s) for s in source_ids(cell)))


def source_markdown(cell: str, short: bool = False) -> str:
    """A Markdown citation for every source in a ``source_id`` cell, strongest first, linked where possible; a
    statement only weak sources make says it is 'reported only by' them, and weak sources beside strong ones are
    named as weaker sources.

    ``short`` gives the source's short name only, linked to its address where it has one.
    """
    citations, sources = _citations(), load_sources()
    ids = source_ids(status.strongest_first(cell, sources))
    strong = [citations[s][1 if short else 2] for s in ids if not status.weak(s, sources)]
    weak = [citations[s][1 if short else 2] for s in ids if status.weak(s, sources)]
    if not strong:
        return "reported only by " + "; ".join(weak)
    return "; ".join(strong) + (f"; weaker sources: {'; '.join(weak)}" if weak else "")


def figure_markdown(figure: pd.Series | tuple, with_note: bool = True) -> str:
    """A reported figure as its source words it, followed by the citation (and its note)."""
    row = figure._asdict() if hasattr(figure, "_asdict") else figure
    phrase = figure_phrase(row["value"], row["unit"], row["qualifier"], row["value_high"])
    note = f" — {md(row['note'])}" if with_note and row["note"] else ""
    return f"**{md(phrase)}** ({source_markdown(row['source_id'], short=True)}){note}"


@st.cache_resource(show_spinner=False)
def _fact_markdown() -> dict[str, str]:
    """Every item's facts as Markdown bullets, built once per server from facts.csv (read-only)."""
    facts = load_table("facts.csv")
    bullets = {}
    for item_id, rows in facts.groupby("item_id", sort=False):
        disputed = set(rows.loc[rows.groupby("fact")["value"].transform("nunique") > 1, "fact"])
        bullets[item_id] = "\n".join(
            f"- **{md(row.fact)}:** {md(row.value)}{' *(sources differ)*' if row.fact in disputed else ''} "
            f"({source_markdown(row.source_id, short=True)}){f' — {md(row.note)}' if row.note else ''}"
            for row in rows.itertuples()
        )
    return bullets


def fact_lines(*item_ids: str) -> str:
    """Items' facts as Markdown bullets, each with its source and note; a fact sources give differently is marked.

    The page must have loaded facts.csv first (inside its ``try``), so a damaged file stops it with a message.
    """
    bullets = _fact_markdown()
    return "\n".join(bullets[item_id] for item_id in item_ids if item_id in bullets)


def sourced(cell: str) -> str:
    """' (short citation)' for a statement, or nothing when the cell names no source."""
    return f" ({source_markdown(cell, short=True)})" if cell else ""


def cite(cell: str, prefix: str = "Source", short: bool = False) -> None:
    """Show the sources of a figure right under it."""
    st.caption(f"{prefix}: {source_markdown(cell, short)}")


def with_sources(table: pd.DataFrame) -> pd.DataFrame:
    """The table with a readable ``source`` column beside its ``source_id`` column."""
    names = {cell: source_names(cell) for cell in table["source_id"].unique()}
    return table.assign(source=table["source_id"].map(names))


def draw(chart: Spec) -> None:
    """Draw a chart full width, under its key if it has one apart; its spec was validated once, when it was built."""
    if chart.key is not None:
        draw(chart.key)
    st.vega_lite_chart(chart.for_streamlit(), width="stretch")


def csv_download(table: pd.DataFrame, file_stem: str) -> None:
    """A CSV download of ``table``, written only when the reader clicks."""
    st.download_button(
        "Download CSV",
        lambda: table.to_csv(index=False).encode("utf-8"),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"download-{file_stem}",
        on_click="ignore",
        icon=":material/download:",
    )


MISSING = "—"


def readable(table: pd.DataFrame, column_config: dict | None = None) -> tuple[pd.DataFrame, list[str], dict]:
    """A table as a reader reads it: the rows with '—' where a value is missing, the columns to show (no
    identifiers, none left empty) and each one's settings (``column_config``'s, else a readable name with its unit).
    """
    config = {c: column_label(c) for c in table.columns} | (column_config or {})
    blank = table.isna() | table.eq("")
    order = [c for c in table.columns if not is_key_column(c) and config[c] is not None and not blank[c].all()]
    gaps = {}
    for column in (c for c in order if blank[c].any() and not _is_link(config[c])):
        if pd.api.types.is_numeric_dtype(table[column]):  # shown as text, so its gaps can read '—'
            gaps[column] = [MISSING if pd.isna(v) else number_text(v) for v in table[column]]
            config[column] = _label(config[column])
        else:
            gaps[column] = table[column].mask(blank[column], MISSING)
    return table.assign(**gaps), order, {c: config[c] for c in order}


def _label(setting: str | dict) -> str:
    return setting if isinstance(setting, str) else setting["label"]


def _is_link(setting: str | dict) -> bool:
    """A link column: a missing address leaves its cell empty rather than linking to '—'."""
    return isinstance(setting, dict) and setting.get("type_config", {}).get("type") == "link"


def show_table(table: pd.DataFrame, column_config: dict | None = None) -> None:
    """A table full width under readable column names with units; the CSV download keeps the file's columns."""
    shown, order, config = readable(table, column_config)
    st.dataframe(shown, hide_index=True, width="stretch", column_order=order, column_config=config)


def table_with_download(table: pd.DataFrame, file_stem: str, column_config: dict | None = None) -> None:
    """A readable table full width, with a CSV download of the same rows under it."""
    show_table(table, column_config)
    csv_download(table, file_stem)


def number_columns(labels: dict[str, str], number_format: str = "%,.1f") -> dict:
    """Table column settings showing each numeric column under a readable label, in one number format."""
    return {column: st.column_config.NumberColumn(label, format=number_format) for column, label in labels.items()}


def show_chart(chart: Spec, table: pd.DataFrame | Callable[[], pd.DataFrame], file_stem: str, caption: str) -> None:
    """A chart, its caption, and a table view with a CSV download of the same data (built when opened)."""
    draw(chart)
    st.caption(caption)
    table_view("Table and CSV download; chart as PNG or SVG", table, file_stem, (chart, caption))


@st.fragment
def lazy_section(label: str, key: str, render: Callable[[], None]) -> None:
    """An expander whose content is built only when the reader opens it; opening it reruns this section alone.

    A closed section costs the page nothing: no table is serialised, and the browser loads no table code.
    """
    with st.expander(label, key=key, on_change="rerun") as section:
        if section.open:
            render()


def table_view(
    label: str,
    table: pd.DataFrame | Callable[[], pd.DataFrame],
    file_stem: str,
    chart: tuple[Spec, str] | None = None,
) -> None:
    """A closed section holding ``table`` (or what it builds) with its sources named and a CSV download of it, and,
    given a chart and its caption, the chart as PNG and SVG with its title, source line and link drawn in."""

    def render() -> None:
        table_with_download(with_sources(table() if callable(table) else table), file_stem)
        if chart is not None:
            chart_downloads(*chart, file_stem)

    lazy_section(label, f"table-{file_stem}", render)


def chart_downloads(chart: Spec, caption: str, file_stem: str) -> None:
    """PNG and SVG downloads of a chart, drawn on the server only when the reader clicks."""
    query = urlencode(query_of(st.query_params), doseq=True)
    link = f"{st.context.url or ''}{'?' + query if query else ''}"
    framed = images.framed_chart(chart.standalone(), caption, link, chart.standalone_key())
    for kind, draw_image in (("PNG", lambda: images.png(framed, scale=2)), ("SVG", lambda: images.svg(framed))):
        st.download_button(
            f"Download chart ({kind})",
            draw_image,
            file_name=f"{file_stem}.{kind.lower()}",
            mime="image/png" if kind == "PNG" else "image/svg+xml",
            key=f"download-{file_stem}-{kind}",
            on_click="ignore",
            icon=":material/image:",
        )


def url_widget(param: Param, **extra):
    """The control for a URL parameter, kept in the address bar: every page's controls are drawn here, from the
    parameter's one declaration. Returns the value the control shows.

    Controls are bound to the URL (``bind="query-params"``), except choices whose options show as words: Streamlit
    1.67 writes a bound control's *displayed* text into the URL, so those keep their codes in the link themselves
    (``_choice_in_words``). A segmented control is never left empty (Streamlit leaves it empty for ``?key=``).
    """
    if isinstance(param, ChoiceParam) and param.words:
        return _choice_in_words(param, **extra)
    bound = {"key": param.key, "bind": "query-params", "help": url_help(param), **extra}
    if isinstance(param, NumberParam):
        return st.slider(f"{param.label} ({param.unit})", param.low, param.high, param.default, **bound)
    if isinstance(param, RangeParam):
        return st.slider(param.label, param.low, param.high, param.default, **bound)
    if isinstance(param, MultiChoiceParam):
        if param.widget == "pills":
            return st.pills(param.label, param.options, selection_mode="multi", default=param.default, **bound)
        return st.multiselect(param.label, param.options, default=param.default, **bound)
    if isinstance(param, TextParam):
        return st.text_input(param.label, placeholder=param.placeholder, max_chars=param.max_length, **bound)
    return _choice(param, param.options.index(param.default), bound)


def _choice(param: ChoiceParam, index: int, options: dict) -> str:
    """A select box, radio or segmented control for a choice, showing ``index`` until the reader picks."""
    if param.widget == "segmented":
        default = param.options[index]
        chosen = st.segmented_control(param.label, param.options, default=default, required=True, **options)
        return chosen if chosen is not None else param.default
    if param.widget == "radio":
        return st.radio(param.label, param.options, index=index, **options)
    return st.selectbox(param.label, param.options, index=index, **options)


def _choice_in_words(param: ChoiceParam, **extra) -> str:
    """A choice that shows words while the link keeps the short codes: it starts from the link's value and then
    writes each pick back into the address bar, leaving the default out as bound controls do."""
    linked = parse_param(param, st.query_params.get_all(param.key)).value
    options = {"key": param.key, "help": url_help(param), "format_func": param.word, **extra}
    chosen = _choice(param, param.options.index(linked), options)
    wanted = [] if chosen == param.default else [chosen]
    if st.query_params.get_all(param.key) != wanted:
        if wanted:
            st.query_params[param.key] = chosen
        else:
            del st.query_params[param.key]
    return chosen


def set_widgets_from_choice(choice_key: str, values_by_choice: dict[str, dict[str, int]]) -> None:
    """A callback: give each widget the value the chosen option names for it (a preset setting sliders)."""
    chosen = st.session_state[choice_key]
    if chosen:
        st.session_state.update(values_by_choice[chosen])


def show_notices(parsed: Iterable[Parsed]) -> None:
    """One visible notice for each URL parameter that was ignored or adjusted."""
    for p in parsed:
        if p.status in ("invalid", "adjusted"):
            st.warning(f"Link parameter: {md(p.message)}", icon=":material/link_off:")


def show_data_error(error: DataError) -> None:
    """Tell the reader which data file is broken and how."""
    st.error(f"This page cannot be shown because a data file is damaged. {md(str(error))}", icon=":material/error:")


def stop_on_data_error(error: DataError) -> None:
    """Tell the reader which data file is broken, then stop this page only."""
    show_data_error(error)
    st.stop()


class Contents:
    """A page's contents line: a link to each of its sections, shown where the page creates it (near its top) and
    filled as the page draws its section headings, so every section is one tap from the first screen."""

    def __init__(self) -> None:
        self._slot = st.empty()
        self._sections: list[tuple[str, str]] = []

    def header(self, title: str, short: str) -> None:
        """A section heading with a stable anchor (``short`` as a slug), listed in the contents as ``short``."""
        anchor = re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-")
        st.header(title, anchor=anchor)
        self._sections.append((short, anchor))

    def show(self) -> None:
        """Fill the contents line with the sections drawn so far."""
        self._slot.markdown("**On this page:** " + " · ".join(f"[{md(s)}](#{a})" for s, a in self._sections))


def open_page(page: PageInfo, prepare: Callable[[], Prepared]) -> tuple[Prepared, dict[str, Param], dict[str, Parsed]]:
    """What a page starts from: what ``prepare`` builds from the data files (a damaged file stops the page with
    its message), the page's declared URL parameters, and what the link says for each."""
    try:
        prepared = prepare()
    except DataError as error:
        stop_on_data_error(error)
    params, parsed = url_state.read(page, query_of(st.query_params))
    return prepared, params, parsed
