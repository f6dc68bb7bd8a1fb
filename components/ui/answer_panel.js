const shown = new WeakMap();  // each answer's root: how to draw it with its latest data, and its slider observer

function leversOnScreen(data) {
  const levers = { ...data.levers };
  for (const key of Object.keys(levers)) {
    const value = sliderOnScreen(key);
    if (Number.isFinite(value)) levers[key] = value;
  }
  return levers;
}

function signedPercent(value, words) {
  return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + fill(words.percent, { number: String(Math.abs(value)) });
}

function draw(root, data) {
  const levers = leversOnScreen(data);
  const moved = Object.keys(levers).some((key) => levers[key] !== data.levers[key]);
  const texts = moved
    ? answerTexts(data.base, levers, data.goal, data.words)
    : {
        sentence: data.sentence,
        values: data.cards.map((c) => c.value),
        deltas: data.cards.map((c) => c.delta),
        directions: data.cards.map((c) => c.direction),
      };
  setText(root.querySelector(".sentence"), texts.sentence);
  const versus = root.querySelector(".versus");
  const heads = versus.querySelectorAll("thead th");
  ["year", "a", "b"].forEach((name, index) => setText(heads[index], data.labels[name]));
  versus.querySelectorAll("tbody th").forEach((head, index) => {
    setText(head, data.labels[["total", "balance", "growth"][index]]);
  });
  versus.hidden = !data.compare;  // scenario A pinned: A and B side by side, in place of B's cards
  root.querySelector(".cards").hidden = Boolean(data.compare) || data.compact;
  root.querySelector(".answer").classList.toggle("compact", Boolean(data.compact));
  if (data.compare) {
    const growth = (l) => signedPercent(l.export_growth, data.words) + " / " + signedPercent(l.import_growth, data.words);
    const rows = versus.querySelectorAll("tbody tr");
    [[data.compare.total, texts.values[0]], [data.compare.balance, texts.values[1]],
     [growth(data.compare.levers), growth(levers)]].forEach(([a, b], index) => {
      setText(rows[index].querySelector(".a"), a);
      setText(rows[index].querySelector(".b"), b);
    });
  }
  root.querySelectorAll(".card").forEach((card, index) => {
    const { label, help } = data.cards[index];
    labelCard(card, label, help, data.labels.about);
    setText(card.querySelector(".value"), texts.values[index]);
    const direction = texts.directions[index];
    const delta = card.querySelector(".delta");
    delta.className = "delta " + direction;
    setText(delta.querySelector(".arrow"), { down: "\u2193", up: "\u2191", none: "" }[direction]);
    setText(delta.querySelector(".delta-text"), texts.deltas[index]);
  });
}

export default function (component) {
  return followSliders(component.parentElement, shown, () => draw(component.parentElement, component.data));
}
