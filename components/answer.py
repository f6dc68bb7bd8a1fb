"""The what-if's answer on the first screen: its sentence and the 2030 cards, redrawn the moment a slider moves.

The server computes the answer (``what_if.verdict`` and ``what_if.result_cards``) and sends it to this small
``st.components.v2`` component together with the model's inputs. While a slider is being moved, and until the
rerun it starts comes back, the browser redraws the answer from the slider's position with the same model written
in JavaScript (``MODEL_JS``); ``tests/test_answer.py`` checks that it gives the server's words and figures for
every slider position. Text is only ever set as text, never as markup.
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from components import what_if
from components.formatting import fmt_bn
from components.scenario import TARGET_TOTAL_BN, Base, project
from components.what_if_state import WhatIfState

MODEL_JS = """
function yearValues(base, levers, t) {
  const ramp = base.horizon ? t / base.horizon : 0;
  const extraExports = levers.pharma_capture / 100 * base.pharma_market_bn
    + levers.engineering_capture / 100 * base.engineering_demand_bn;
  const energy = base.energy_share * levers.energy_change / 100;
  const exports = base.exports_bn * (1 + levers.export_growth / 100) ** t + ramp * extraExports;
  const imports = base.imports_bn * (1 + levers.import_growth / 100) ** t * (1 + ramp * energy);
  return { total: exports + imports, balance: exports - imports };
}

function fixed1(value) {
  // Python's format with one decimal. Both round the exact binary value; an exact tie (x.25, x.75) goes to the
  // even digit in Python, away from zero in toFixed.
  const quarters = value * 4;
  const tie = Number.isInteger(quarters) && quarters % 2 !== 0;
  const [whole, part] = (tie ? (2 * Math.round(value * 5)) / 10 : value).toFixed(1).split(".");
  return whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",") + "." + part;
}

function fmtBn(value) {
  const text = fixed1(value);
  return text.startsWith("-") ? "\\u2212US$ " + text.slice(1) + " bn" : "US$ " + text + " bn";
}

function fmtChangeBn(change) {
  const size = fixed1(Math.abs(change));
  const sign = size === "0.0" ? "" : change < 0 ? "\\u2212" : "+";
  return sign + "US$ " + size + " bn";
}

function verdict(total, goal) {
  const reaches = "In this scenario India\\u2013Russia trade reaches " + fmtBn(total) + " in FY2029-30";
  const gap = total - goal;
  const target = "the US$ " + goal + " bn target";
  if (gap >= 0.05) return reaches + ", " + fmtBn(gap) + " above " + target + ": the target is met.";
  if (gap >= 0) return reaches + ": it meets " + target + ".";
  if (gap > -0.05) return reaches + ", less than US$ 0.1 bn short of " + target + ".";
  return reaches + ", " + fmtBn(-gap) + " short of " + target + ".";
}

function answerTexts(base, levers, goal) {
  const start = yearValues(base, levers, 0);
  const end = yearValues(base, levers, base.horizon);
  return {
    sentence: verdict(end.total, goal),
    values: [fmtBn(end.total), fmtBn(end.balance)],
    deltas: [
      fmtChangeBn(end.total - goal) + " vs the US$ " + goal + " bn target",
      fmtChangeBn(end.balance - start.balance) + " vs FY" + base.fiscal_year,
    ],
  };
}
"""
"""The scenario model and the answer's wording in JavaScript, as ``components.scenario`` and ``what_if`` have them."""

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
.value { margin: 0; font-size: 2.25rem; line-height: 1.3; white-space: nowrap; }
.delta { display: inline-flex; gap: 0.25rem; margin: 0.25rem 0 0; padding: 0.1rem 0.5rem; border-radius: 1rem;
         font-size: 0.875rem; }
.delta.up { color: #177233; background: rgba(33, 195, 84, 0.1); }
.delta.down { color: #b42318; background: rgba(255, 43, 43, 0.09); }
.delta.none { color: #3d3d3d; background: rgba(49, 51, 63, 0.08); }
"""

_JS = (
    MODEL_JS
    + """
const shown = new WeakMap();  // each answer's root: its latest data, and its slider observer

function leversOnScreen(data) {
  const levers = { ...data.levers };
  for (const key of Object.keys(levers)) {
    const input = document.querySelector(".st-key-" + key + " input[type=range]");
    const value = input ? Number(input.value) : NaN;
    if (Number.isFinite(value)) levers[key] = value;
  }
  return levers;
}

function signedPercent(value) {
  return (value > 0 ? "+" : value < 0 ? "\\u2212" : "") + Math.abs(value) + "%";
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function draw(root, data) {
  const levers = leversOnScreen(data);
  const moved = Object.keys(levers).some((key) => levers[key] !== data.levers[key]);
  const texts = moved
    ? answerTexts(data.base, levers, data.goal_bn)
    : { sentence: data.sentence, values: data.cards.map((c) => c.value), deltas: data.cards.map((c) => c.delta) };
  setText(root.querySelector(".sentence"), texts.sentence);
  const versus = root.querySelector(".versus");
  versus.hidden = !data.compare;  // scenario A pinned: A and B side by side, in place of B's cards
  root.querySelector(".cards").hidden = Boolean(data.compare) || data.compact;
  root.querySelector(".answer").classList.toggle("compact", Boolean(data.compact));
  if (data.compare) {
    const growth = (l) => signedPercent(l.export_growth) + " / " + signedPercent(l.import_growth);
    const rows = versus.querySelectorAll("tbody tr");
    [[data.compare.total, texts.values[0]], [data.compare.balance, texts.values[1]],
     [growth(data.compare.levers), growth(levers)]].forEach(([a, b], index) => {
      setText(rows[index].querySelector(".a"), a);
      setText(rows[index].querySelector(".b"), b);
    });
  }
  root.querySelectorAll(".card").forEach((card, index) => {
    const { label, help } = data.cards[index];
    setText(card.querySelector(".label-text"), label);
    card.querySelector(".help").setAttribute("aria-label", "About " + label);
    setText(card.querySelector(".help-text"), help);
    setText(card.querySelector(".value"), texts.values[index]);
    const text = texts.deltas[index];
    const direction = text.startsWith("\\u2212") ? "down" : text.startsWith("+") ? "up" : "none";
    const delta = card.querySelector(".delta");
    delta.className = "delta " + direction;
    setText(delta.querySelector(".arrow"), { down: "\\u2193", up: "\\u2191", none: "" }[direction]);
    setText(delta.querySelector(".delta-text"), texts.deltas[index]);
  });
}

function placeHelpBelowItsButton(root) {
  root.querySelectorAll(".card").forEach((card) => {
    const button = card.querySelector(".help");
    const help = card.querySelector(".help-text");
    if (help.dataset.placed) return;  // once per card, however often the component is drawn
    help.dataset.placed = "yes";
    help.addEventListener("toggle", (event) => {
      if (event.newState !== "open") return;
      const spot = button.getBoundingClientRect();
      help.style.left = Math.max(8, Math.min(spot.left, window.innerWidth - help.offsetWidth - 8)) + "px";
      help.style.top = spot.bottom + 6 + "px";
    });
  });
}

export default function (component) {
  const root = component.parentElement;
  const state = shown.get(root) ?? {};
  state.data = component.data;
  draw(root, state.data);
  if (!state.observer) {
    placeHelpBelowItsButton(root);
    state.observer = new MutationObserver((changes) => {
      if (changes.some((change) => change.target.type === "range")) draw(root, state.data);
    });
    state.observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["value"] });
    shown.set(root, state);
  }
  return () => {
    state.observer.disconnect();
    shown.delete(root);
  };
}
"""
)

COMPONENT_NAME = "india_russia_what_if_answer"
_answer = st.components.v2.component(COMPONENT_NAME, html=_HTML, css=_CSS, js=_JS)


def answer_data(base: Base, state: WhatIfState, goal_bn: float = TARGET_TOTAL_BN, compact: bool = False) -> dict:
    """What the answer shows for a scenario (and scenario A beside it, when pinned), and what the browser needs to
    redraw it for other slider positions; ``compact``, the sentence without the cards (in another site's frame)."""
    path = project(base, state.levers)
    compare = None
    if state.pinned is not None:
        final = project(base, state.pinned).iloc[-1]
        compare = {
            "total": fmt_bn(final["total_bn"], 1),
            "balance": fmt_bn(final["balance_bn"], 1),
            "levers": asdict(state.pinned),
        }
    return {
        "sentence": what_if.verdict(path["total_bn"].iloc[-1], goal_bn),
        "cards": [asdict(card) for card in what_if.result_cards(base, path, goal_bn)],
        "levers": asdict(state.levers),
        "base": asdict(base) | {"horizon": base.horizon},
        "goal_bn": goal_bn,
        "compare": compare,
        "compact": compact,
    }


def answer_panel(base: Base, state: WhatIfState, key: str, compact: bool = False) -> None:
    """The answer's sentence and its two 2030 cards for the sliders' scenario; with scenario A pinned, A's and the
    sliders' 2030 figures side by side; ``compact``, the sentence alone (or with A beside it)."""
    _answer(data=answer_data(base, state, compact=compact), key=key)
