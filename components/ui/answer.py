"""Answers redrawn the moment a slider moves: the what-if's sentence and 2030 cards on its first screen, and
Mobility's counts grown to 2030.

The server computes the answer (``what_if.answer``: its verdict and cards) and sends it to this small
``st.components.v2`` component together with the model's inputs. While a slider is being moved, and until the
rerun it starts comes back, the browser redraws the answer from the slider's position with the same model written
in JavaScript (``MODEL_JS``); ``tests/test_answer.py`` checks that it gives the server's words and figures for
every slider position. Mobility's cards work the same way (``count_cards``: one figure grown at the slider's rate,
``count_panel.js``). Text is only ever set as text, never as markup.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.core.scenario import Base
from components.core.what_if_state import WhatIfState
from components.topics import what_if

HERE = Path(__file__).parent
SHARED_JS = (HERE / "answer_shared.js").read_text(encoding="utf-8")
"""What every answer drawn in the browser shares: numbers and words as the server writes them, and following the
page's sliders."""
MODEL_JS = SHARED_JS + (HERE / "answer_model.js").read_text(encoding="utf-8")
"""The scenario model's arithmetic and the filling of the answer's words in JavaScript, as ``components.scenario``
and ``what_if`` have them (the words themselves come with the data: ``what_if.answer_words``)."""

_CARD_HTML = """
    <section class="card" data-testid="answer-card">
      <div class="label"><span class="label-text"></span>
        <button type="button" class="help" popovertarget="help-{index}" aria-label="About this figure">?</button></div>
      <p class="value" data-testid="answer-value"></p>
      <p class="delta"><span class="arrow" aria-hidden="true"></span><span class="delta-text"></span></p>
      <p class="help-text" id="help-{index}" popover></p>
    </section>"""

_HTML = f"""
<div class="answer">
  <p class="sentence" data-testid="answer-sentence" aria-live="polite"></p>
  <table class="versus" data-testid="answer-versus" hidden>
    <thead>
      <tr><th scope="col">FY2029-30</th><th scope="col">A (pinned)</th><th scope="col">B (sliders)</th></tr>
    </thead>
    <tbody>
      <tr><th scope="row">Total trade</th><td class="a"></td><td class="b"></td></tr>
      <tr><th scope="row">Trade balance</th><td class="a"></td><td class="b"></td></tr>
      <tr class="growth"><th scope="row">Exports / imports a year</th><td class="a"></td><td class="b"></td></tr>
    </tbody>
  </table>
  <div class="cards">{"".join(_CARD_HTML.format(index=index) for index in range(2))}
  </div>
</div>
"""

_CSS = """
.answer { font-family: inherit; color: #31333f; }
.sentence { margin: 0 0 1rem; font-weight: 600; line-height: 1.6; min-height: 1.6em; }
.cards { display: flex; flex-wrap: wrap; gap: 1rem; }
.cards[hidden] { display: none; }
.versus { border-collapse: collapse; width: 100%; max-width: 36rem; margin: 0 0 0.5rem; font-size: 1rem; }
.versus th, .versus td { padding: 0.3rem 0.6rem; border-bottom: 1px solid rgba(49, 51, 63, 0.2); text-align: right; }
.versus th[scope=row], .versus thead th:first-child { text-align: left; font-weight: 400; }
.versus td { font-size: 1.25rem; font-weight: 600; white-space: nowrap; }
.versus td.a { color: #882255; }
.answer.compact .sentence { margin-bottom: 0.5rem; }
.answer.compact .versus th, .answer.compact .versus td { padding: 0.1rem 0.5rem; }
.answer.compact .versus td { font-size: 1.05rem; }
.answer.compact .versus .growth { display: none; }
.card { flex: 1 1 15rem; margin: 0; padding: 0.75rem 1rem; border: 1px solid rgba(49, 51, 63, 0.2);
        border-radius: 0.5rem; }
.label { display: flex; align-items: center; gap: 0.35rem; font-size: 0.875rem; min-height: 1.5rem; }
.help { font: inherit; font-size: 0.75rem; width: 1.5rem; height: 1.5rem; padding: 0; border-radius: 50%;
        border: 1px solid rgba(49, 51, 63, 0.4); background: #fff; color: #31333f; cursor: pointer; }
.help:hover, .help:focus-visible { border-color: #0072b2; color: #0072b2; }
.help-text { position: fixed; inset: auto; margin: 0; max-width: min(18rem, calc(100vw - 2rem));
             padding: 0.5rem 0.75rem; border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 0.5rem;
             font-size: 0.875rem; line-height: 1.4; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15); }
.value { margin: 0; font-size: 2.25rem; line-height: 1.3; text-wrap: balance; }
.delta { display: inline-flex; gap: 0.25rem; margin: 0.25rem 0 0; padding: 0.1rem 0.5rem; border-radius: 1rem;
         font-size: 0.875rem; }
.delta.up { color: #177233; background: rgba(33, 195, 84, 0.1); }
.delta.down { color: #b42318; background: rgba(255, 43, 43, 0.09); }
.delta.none { color: #3d3d3d; background: rgba(49, 51, 63, 0.08); }
.card[hidden], .delta[hidden], .help[hidden] { display: none; }
.counts .cards { flex-direction: column; }
.counts .card { flex: none; }
"""

COUNT_MODEL_JS = SHARED_JS + (HERE / "count_model.js").read_text(encoding="utf-8")
"""Mobility's count grown to 2030 in JavaScript, as ``mobility.count_cards`` has it."""

_JS = MODEL_JS + (HERE / "answer_panel.js").read_text(encoding="utf-8")


COMPONENT_NAME = "india_russia_what_if_answer"
_answer = st.components.v2.component(COMPONENT_NAME, html=_HTML, css=_CSS, js=_JS)


COUNTS_COMPONENT_NAME = "india_russia_count_cards"
_COUNTS_HTML = f"""
<div class="answer counts">
  <div class="cards">{"".join(_CARD_HTML.format(index=index) for index in range(2))}
  </div>
</div>
"""
_counts = st.components.v2.component(
    COUNTS_COMPONENT_NAME,
    html=_COUNTS_HTML,
    css=_CSS,
    js=COUNT_MODEL_JS + (HERE / "count_panel.js").read_text(encoding="utf-8"),
)


def count_cards(cards: dict, key: str) -> None:
    """A count what-if's cards (``mobility.count_cards``), one above the other; the grown figure follows its
    slider in the browser until the rerun comes back."""
    _counts(data=cards, key=key)


def answer_panel(base: Base, state: WhatIfState, key: str, compact: bool = False) -> None:
    """The answer's sentence and its two 2030 cards for the sliders' scenario; with scenario A pinned, A's and the
    sliders' 2030 figures side by side; ``compact``, the sentence alone (or with A beside it)."""
    _answer(data=what_if.answer(base, state, compact=compact), key=key)
