const shown = new WeakMap();  // each panel's root: how to draw it with its latest data, and its slider observer

function drawCounts(root, data) {
  root.querySelectorAll(".card").forEach((card, index) => {
    const figure = data.cards[index];
    card.hidden = !figure;
    if (!figure) return;
    const { label, value, help, grows } = figure;
    labelCard(card, label, help, data.about);
    const rate = grows ? sliderOnScreen(grows.key) : NaN;
    const moved = Number.isFinite(rate) && rate !== grows.rate;  // the rerun it starts has not come back yet
    setText(card.querySelector(".value"), moved ? grownFigure(grows, rate, data.number) : value);
    card.querySelector(".delta").hidden = true;
  });
}

export default function (component) {
  return followSliders(component.parentElement, shown, () => drawCounts(component.parentElement, component.data));
}
