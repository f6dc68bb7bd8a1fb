"""Small Streamlit helpers shared by every page: citations, notices, chart blocks, formatting."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from components.core import i18n
from components.core.charts import Spec
from components.core.citing import LICENCE, LICENCE_NOTE, SITE_NAME, Citation
from components.core.formatting import (
    DATE_COLUMNS,
    anchor,
    card_label,
    cell_text,
    column_digits,
    column_label,
    fit_small_cards,
    is_key_column,
    is_year_column,
    md,
    plain_text,
)
from components.core.i18n import link_pairs, tr
from components.core.pages import PageInfo
from components.core.params import (
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
from components.core.schemas import DataError
from components.server import web
from components.store import url_state
from components.store.data import data_version
from components.store.sourcing import source_markdown

if TYPE_CHECKING:
    from components.store.exhibits import Exhibit
    from components.topics.overview import FirstScreen

Prepared = TypeVar("Prepared")


def cite(cell: str, prefix: str = "Source", short: bool = False) -> None:
    """Show the sources of a figure right under it."""
    st.caption(f"{tr(prefix)}: {source_markdown(cell, short)}")


CHART_CONFIG = {
    "axis": {"labelColor": "#444444", "titleColor": "#444444", "labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelColor": "#333333", "titleColor": "#333333", "labelFontSize": 12},
    "mark": {"aria": False},
}
"""Every chart's text in a grey that reads at 9:1 at 12 px, and its marks left out of the accessibility tree: a
screen reader reads the chart's description, which says what it shows, instead of one mark after another."""


def draw(chart: Spec, description: str = "", height: int | None = None) -> None:
    """Draw a chart full width, under its key if it has one apart, described for screen readers by ``description``
    (Markdown, read as plain text), at its own height or ``height`` px; its spec was validated once, when it was
    built."""
    if chart.key is not None:
        draw(chart.key, f"{tr('The key to the chart below.')} {description}")
    if not chart.sent:
        chart.sent.update({name: convert_anything_to_arrow_bytes(rows) for name, rows in chart.tables().items()})
    spec = chart.for_streamlit()
    if height:  # a map sets its height from its width (a parameter named height): capped too
        capped = [
            p | {"expr": f"min({height}, {p['expr']})"} if p.get("name") == "height" else p
            for p in spec.get("params", [])
        ]
        spec = spec | {"height": height} | ({"params": capped} if capped else {})
    config = {**CHART_CONFIG, **spec.get("config", {})} | ({"locale": locale} if (locale := i18n.vega_locale()) else {})
    st.vega_lite_chart({**spec, "description": plain_text(description), "config": config}, width="stretch")


def downloads(exhibit: Exhibit) -> None:
    """Links to the exhibit's CSV and, for a chart, its PNG and SVG: each a route that rebuilds the file from the
    link alone (the image with the exhibit's title, source line and link drawn in), so any server answers it."""
    with st.container(horizontal=True, gap="small"):
        st.link_button(tr("Download CSV"), exhibit.address("csv"), icon=":material/download:")
        if exhibit.chart is not None:
            for kind in ("PNG", "SVG"):
                label = tr("Download chart ({kind})").format(kind=kind)
                st.link_button(label, exhibit.address(kind.lower()), icon=":material/image:")


MISSING = "—"
NUMBER_CELL = re.compile(rf"[−+-]?\d[\d,.\s]*%?|{MISSING}")
"""A cell that holds a number as the house style writes it ('47,824.9', '−16%', '47 824,9'), or nothing ('—')."""


def readable(table: pd.DataFrame, column_config: dict | None = None) -> tuple[pd.DataFrame, list[str], dict]:
    """A table as a reader reads it, in the house style: the rows with '—' where a value is missing, dates as
    '5 Dec 2025', numbers with their unit's decimals and a true minus; the columns to show (no identifiers, none left
    empty; ``column_config``'s first, in its order, so a phone shows what a reader needs first) and each one's
    settings (``column_config``'s, else a readable name with its unit, in the reader's language).

    A column of positive numbers stays a number column (it sorts by value) in the same style; one with a negative or
    a gap is shown as text, since a number column would print a hyphen for a minus and nothing for a gap.
    """
    config = {c: column_label(c) for c in table.columns} | (column_config or {})
    blank = table.isna() | table.eq("")
    columns = [c for c in dict.fromkeys([*(column_config or {}), *table.columns]) if c in table.columns]
    order = [c for c in columns if not is_key_column(c) and config[c] is not None and not blank[c].all()]
    config |= {c: tr(config[c]) for c in order if c not in (column_config or {})}  # the caller's are given in it
    styled = {}
    for column in (c for c in order if not _is_link(config[c])):
        values = table[column]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        digits, year = column_digits(column), is_year_column(column)
        own_format = isinstance(config[column], dict)  # the caller's own number format stands
        if numeric and not blank[column].any() and (values >= 0).all() and (digits is not None or year or own_format):
            if not own_format:
                number_format = "%d" if year else f"%,.{digits}f"
                config[column] = st.column_config.NumberColumn(config[column], format=number_format)
            # the values sent are the values shown: no float noise reaches the page
            whole = year or digits == 0
            styled[column] = values.round().astype("Int64") if whole else values.round(6 if digits is None else digits)
        elif numeric or column in DATE_COLUMNS or blank[column].any():
            styled[column] = [cell_text(v, column, MISSING) for v in values]
            config[column] = _label(config[column])
    return table.assign(**styled), order, {c: config[c] for c in order}


def reading_table(table: pd.DataFrame, columns: dict[str, str], words: tuple[str, ...] = ()) -> None:
    """The few columns a reader needs first (column → header; an empty one is left out), as a plain table that wraps
    its words on a phone: every cell in the house style, shown literally, the cells of the ``words`` columns (names
    and statuses) in the reader's language; the full table is in a table view.

    A Markdown table: the page's text code draws it, so a page opens without loading table code."""
    given = [c for c in columns if not (table[c].isna() | table[c].eq("")).all()]  # no column left empty
    cells = {
        c: [tr(cell) if c in words else cell for cell in (cell_text(v, c, MISSING) for v in table[c])] for c in given
    }
    numbers = {c: all(NUMBER_CELL.fullmatch(v) for v in cells[c]) for c in given}
    lines = [[md(columns[c]) for c in given], ["---:" if numbers[c] else "---" for c in given]]  # numbers right
    lines += [[md(cells[c][i]) for c in given] for i in range(len(table))]
    st.markdown("\n".join(f"| {' | '.join(row)} |" for row in lines))


def _label(setting: str | dict) -> str:
    return setting if isinstance(setting, str) else setting["label"]


def _is_link(setting: str | dict) -> bool:
    """A link column: a missing address leaves its cell empty rather than linking to '—'."""
    return isinstance(setting, dict) and setting.get("type_config", {}).get("type") == "link"


def show_table(table: pd.DataFrame, column_config: dict | None = None) -> None:
    """A table full width under readable column names with units; the CSV download keeps the file's columns."""
    shown, order, config = readable(table, column_config)
    st.dataframe(shown[order], hide_index=True, width="stretch", column_config=config)  # only what is shown is sent


def table_with_download(exhibit: Exhibit, column_config: dict | None = None) -> None:
    """An exhibit's table, readable and full width, with its downloads under it."""
    show_table(exhibit.rows(), column_config)
    downloads(exhibit)


def number_columns(labels: dict[str, str], number_format: str = "%,.1f") -> dict:
    """Table column settings showing each numeric column under a readable label, in one number format."""
    return {column: st.column_config.NumberColumn(label, format=number_format) for column, label in labels.items()}


def show_chart(exhibit: Exhibit) -> None:
    """An exhibit's chart, its caption, and a table view with its downloads (built when opened)."""
    draw(exhibit.chart, exhibit.text_alternative)
    st.caption(exhibit.caption)
    table_view(tr("Table and CSV download; chart as PNG or SVG"), exhibit)


@st.fragment
def more(label: str, key: str, render: Callable[[], None], opened: bool = False) -> None:
    """Detail a reader opens: an expander whose content is built only when opened (or, with ``opened``, from the
    start: a link that sets its controls); opening it reruns this section alone.

    A closed section costs the page nothing: no table is serialised, and the browser loads no table code.
    """
    with st.expander(label, expanded=opened, key=key, on_change="rerun") as section:
        if section.open:
            render()


def table_view(label: str, exhibit: Exhibit) -> None:
    """A closed section holding an exhibit's table with its sources named, and its downloads."""
    more(label, f"table-{exhibit.file_stem}", lambda: table_with_download(exhibit))


def url_widget(param: Param, **extra):
    """The control for a URL parameter, kept in the address bar: every page's controls are drawn here, from the
    parameter's one declaration. Returns the value the control shows.

    Controls are bound to the URL (``bind="query-params"``), except choices whose options show as words (Streamlit
    1.67 writes a bound control's *displayed* text into the URL) and choices every link names (a bound control
    leaves its default out): those keep their codes in the link themselves (``_choice_in_words``). A segmented
    control is never left empty (Streamlit leaves it empty for ``?key=``).
    """
    if isinstance(param, ChoiceParam) and (param.words or param.in_every_link):
        return _choice_in_words(param, **extra)
    bound = {"key": param.key, "bind": "query-params", "help": url_help(param), **extra}
    label = tr(param.label)
    if isinstance(param, NumberParam):
        return st.slider(f"{label} ({tr(param.unit)})", param.low, param.high, param.default, **bound)
    if isinstance(param, RangeParam):
        return st.slider(label, param.low, param.high, param.default, **bound)
    if isinstance(param, MultiChoiceParam):
        bound.setdefault("format_func", tr if param.translated else str)
        if param.widget == "pills":
            return st.pills(label, param.options, selection_mode="multi", default=param.default, **bound)
        return st.multiselect(label, param.options, default=param.default, **bound)
    if isinstance(param, TextParam):
        return st.text_input(label, placeholder=tr(param.placeholder), max_chars=param.max_length, **bound)
    return _choice(param, param.options.index(param.default), bound)


def _choice(param: ChoiceParam, index: int, options: dict) -> str:
    """A select box, radio or segmented control for a choice, showing ``index`` until the reader picks."""
    if param.widget == "segmented":
        default = param.options[index]
        chosen = st.segmented_control(tr(param.label), param.options, default=default, required=True, **options)
        return chosen if chosen is not None else param.default
    if param.widget == "radio":
        return st.radio(tr(param.label), param.options, index=index, **options)
    return st.selectbox(tr(param.label), param.options, index=index, **options)


def _choice_in_words(param: ChoiceParam, **extra) -> str:
    """A choice that shows words while the link keeps the short codes, or one every link names: it starts from the
    link's value and then writes each pick back into the address bar, leaving the default out as bound controls do
    unless every link names it (a base year)."""
    linked = parse_param(param, st.query_params.get_all(param.key)).value
    words = (lambda option: tr(param.word(option))) if param.translated else param.word
    options = {"key": param.key, "help": url_help(param), "format_func": words, **extra}
    chosen = _choice(param, param.options.index(linked), options)
    wanted = [] if chosen == param.default and not param.in_every_link else [chosen]
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
            st.warning(f"{tr('Link parameter:')} {md(p.message)}", icon=":material/link_off:")


def show_data_error(error: DataError) -> None:
    """Tell the reader which data file is broken and how."""
    message = tr("This page cannot be shown because a data file is damaged.")
    st.error(f"{message} {md(str(error))}", icon=":material/error:")


def stop_on_data_error(error: DataError) -> None:
    """Tell the reader which data file is broken, then stop this page only."""
    show_data_error(error)
    st.stop()


class Contents:
    """A page's contents line: a link to each of its sections (as its first screen declares them), shown where the
    page creates it, near its top, so every section is one tap from the first screen."""

    def __init__(self, shorts: tuple[str, ...]) -> None:
        self._shorts = shorts
        if shorts:
            links = " · ".join(f"[{md(tr(s))}](#{anchor(s)})" for s in shorts)
            st.markdown(f"**{tr('On this page:')}** {links}")

    def header(self, title: str, short: str) -> None:
        """A section heading with a stable anchor (``short`` as a slug); ``short`` is one the contents line lists."""
        if short not in self._shorts:
            raise ValueError(f"section '{short}' is not in the page's contents line {self._shorts}")
        st.header(tr(title), anchor=anchor(short))

    def section(self, title: str, short: str, lead: str) -> None:
        """A section as the house style has it: its heading (``title``, English, translated here), then one sentence
        (Markdown, already in the reader's language: it often holds figures) saying what it shows."""
        self.header(title, short)
        st.markdown(lead)


def page_title(title: str) -> None:
    """Name the browser tab, bookmarks and history entry after the page: 'Trade: … · India–Russia Partnership
    Explorer' (WCAG 2.4.2: pages can be told apart)."""
    st.set_page_config(page_title=f"{title} · {tr(SITE_NAME)}")


def intro(screen: FirstScreen) -> Contents:
    """A page's first screen: its short title, its contents line, its finding in a sentence or two (Markdown) and
    the finding's sources in short form; the browser tab is named after it. Returns the contents line, which the
    page's sections fill."""
    page_title(screen.title)
    st.title(screen.title)
    contents = Contents(screen.contents)
    st.markdown(screen.finding)
    if screen.sources:
        cite(screen.sources, "Sources" if ";" in screen.sources else "Source", short=True)
    if note := screen.sections_note():
        st.caption(note)
    return contents


def first_screen(screen: FirstScreen, parsed: dict[str, Parsed]) -> Contents:
    """A story page's first screen: its title, finding and sources (``intro``), its key-number cards, and a notice
    for each link value it could not use. Returns the contents line the page's sections fill."""
    contents = intro(screen)
    key_number_cards(screen.cards)
    show_notices(parsed.values())
    return contents


CARD_PX = 168
"""A small card's width: two fit side by side on a 390 px phone; a longer label wraps onto more lines."""


def change_metric(
    label: str, value: str, change: float, change_text: str, versus: str, good: str | None = "up"
) -> None:
    """A small card with its change in the house style ('−8.83', a true minus sign; its help says what it is
    measured against): the arrow follows the change's sign, the colour says whether that is good (``good`` = 'up' or
    'down'; None: neither), and no change shows neither arrow nor sign."""
    if round(change, 9) == 0:
        arrow, colour = "off", "gray"
    else:
        arrow = "up" if change > 0 else "down"
        colour = "gray" if good is None else "green" if arrow == good else "red"
    st.metric(
        label,
        value,
        delta=change_text,
        delta_color=colour,
        delta_arrow=arrow,
        border=True,
        width=CARD_PX,
        help=tr("The change is against {versus}.").format(versus=versus),
    )


def key_number_cards(numbers: Iterable, links: bool = False) -> None:
    """Headline figures as cards side by side (one under another on a phone), each with its figure as its source
    words it (the card's help), a short line of their sources, and a link to each card's page."""
    numbers = tuple(numbers)
    if fit_small_cards([n.value for n in numbers]):  # short values: small cards, two to a phone row
        with st.container(horizontal=True, gap="small"):
            for number in numbers:
                label = card_label(number.label)
                st.metric(label, number.value, help=number.said, border=True, width=CARD_PX)
    else:  # two to a row at most on a laptop; one under another on a phone
        for row in range(0, len(numbers), 2):
            for column, number in zip(st.columns(2), numbers[row : row + 2], strict=False):
                column.metric(number.label, number.value, help=number.said, border=True)
    cited = " · ".join(source_markdown(n.source_id, short=True) for n in numbers)
    st.caption(f"{tr('Sources, card by card:')} {cited}")
    if links:
        with st.container(horizontal=True, gap="small"):
            for page in dict.fromkeys(n.page for n in numbers):
                arrow = ":material/arrow_forward:"
                st.page_link(page.script, label=page.name, icon=arrow, width="content", query_params=link_pairs())


def open_page(page: PageInfo, prepare: Callable[[], Prepared]) -> tuple[Prepared, dict[str, Param], dict[str, Parsed]]:
    """What a page starts from: what ``prepare`` builds from the data files (a damaged file stops the page with
    its message), the page's declared URL parameters, and what the link says for each; from here on the run
    speaks the reader's language (a fragment's rerun too)."""
    use_readers_language()
    try:
        prepared = prepare()
    except DataError as error:
        stop_on_data_error(error)
    params, parsed = url_state.read(page, query_of(st.query_params))
    return prepared, params, parsed


def language_from_link() -> Parsed:
    """What the link says of the reader's language (for its notice, when it names none the app has)."""
    return url_state.language(query_of(st.query_params))


def language_switcher() -> None:
    """The reader's language, each named in its own script; a pick is kept in the link."""
    url_widget(url_state.LANGUAGE, format_func=i18n.LANGUAGES.get, label_visibility="collapsed")


def use_readers_language() -> None:
    """Word and format this run in the reader's language: the switcher's, else the link's."""
    i18n.set_language(st.session_state.get(url_state.LANGUAGE.key) or language_from_link().value)


def site_address() -> str:
    """The site's public address: the configured one, else the one this reader's browser uses."""
    parts = urlsplit(st.context.url or "http://localhost")
    return web.public_base() or f"{parts.scheme}://{parts.netloc}"


def cite_this_page(page: PageInfo) -> None:
    """A closed section at a page's foot: how to cite this view (APA and BibTeX, with its link, the day and the data
    version) and what the licence lets a reader do with it."""

    def render() -> None:
        query = url_state.validated_query(page, query_of(st.query_params))
        link = f"{site_address()}/{page.url_path}" + (f"?{query}" if query else "")
        citation = Citation(page.title, link, datetime.now(UTC).date(), data_version())  # cited in English
        st.markdown("**APA**")
        st.code(citation.apa(), language=None, wrap_lines=True)
        st.markdown("**BibTeX**")
        st.code(citation.bibtex(), language=None, wrap_lines=True)
        st.caption(tr(LICENCE_NOTE))

    more(tr("Cite this page; reuse under {licence}").format(licence=LICENCE), "cite-this", render)
