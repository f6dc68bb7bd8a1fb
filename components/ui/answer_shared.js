// What every answer drawn in the browser shares: numbers and words as the server writes them, help placed below its
// button, and redrawing whenever a slider on the page moves.

function fixed(value, digits, number) {
  // Python's format with 0 or 1 decimals, grouped as the reader's language groups digits (number: its separators
  // and group sizes, from Babel). Both round the exact binary value; an exact tie (x.5 for whole numbers, x.25 or
  // x.75 for one decimal) goes to the even digit in Python, away from zero in toFixed.
  const scaled = value * (digits === 0 ? 2 : 4);
  const tie = Number.isInteger(scaled) && scaled % 2 !== 0;
  const even = (2 * Math.round((value * 10 ** digits) / 2)) / 10 ** digits;
  const [whole, part] = (tie ? even : value).toFixed(digits).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  let rest = whole.replace("-", "");
  let grouped = "";
  let size = number.primary;
  while (rest.length > size) {
    grouped = number.group + rest.slice(-size) + grouped;
    rest = rest.slice(0, -size);
    size = number.secondary;
  }
  return sign + rest + grouped + (digits ? number.decimal + part : "");
}

function fill(template, values) {
  // A template's {names} filled in, as Python's str.format fills them; the words come from Python.
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function labelCard(card, label, help, about) {
  // A card's label and its help behind a "?" button named after it (no button without help).
  setText(card.querySelector(".label-text"), label);
  const button = card.querySelector(".help");
  button.hidden = !help;
  button.setAttribute("aria-label", fill(about, { label }));
  setText(card.querySelector(".help-text"), help);
}

function sliderOnScreen(key) {
  // The position of the slider keyed ``key`` as the reader has left it, or NaN when there is none.
  const input = document.querySelector(".st-key-" + key + " input[type=range]");
  return input ? Number(input.value) : NaN;
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

function followSliders(root, shown, draw, cleanup) {
  // Draw now, and again whenever a slider on the page moves, until the component goes.
  const state = shown.get(root) ?? {};
  state.draw = draw;
  draw();
  if (!state.observer) {
    placeHelpBelowItsButton(root);
    state.observer = new MutationObserver((changes) => {
      if (changes.some((change) => change.target.type === "range")) state.draw();
    });
    state.observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["value"] });
    shown.set(root, state);
  }
  return () => {
    state.observer.disconnect();
    shown.delete(root);
    if (cleanup) cleanup();
  };
}
