function yearValues(base, levers, t) {
  const ramp = base.horizon ? t / base.horizon : 0;
  const extraExports = levers.pharma_capture / 100 * base.pharma_market_bn
    + levers.engineering_capture / 100 * base.engineering_demand_bn;
  const energy = base.energy_share * levers.energy_change / 100;
  const exports = base.exports_bn * (1 + levers.export_growth / 100) ** t + ramp * extraExports;
  const imports = base.imports_bn * (1 + levers.import_growth / 100) ** t * (1 + ramp * energy);
  return { total: exports + imports, balance: exports - imports };
}

function money(text, words) {
  // words.money: the language's money format, e.g. "{sign}US$ {number} bn"
  const negative = text.startsWith("-");
  return fill(words.money, { sign: negative ? "\u2212" : "", number: negative ? text.slice(1) : text });
}

function fmtBn(value, words) {
  return money(fixed(value, 1, words.number), words);
}

function direction(change, words) {
  // which way a change goes as its delta shows it, to one decimal: "up", "down" or "none"
  const size = fixed(Math.abs(change), 1, words.number);
  return !/[1-9]/.test(size) ? "none" : change < 0 ? "down" : "up";
}

function fmtChangeBn(change, words) {
  const sign = { up: "+", down: "\u2212", none: "" }[direction(change, words)];
  return fill(words.money, { sign, number: fixed(Math.abs(change), 1, words.number) });
}

// The words come from Python (what_if.answer_words), sent with the answer's data: only the arithmetic is here.
function verdict(total, goal, words) {
  const gap = total - goal.value;
  const parts = { total: fmtBn(total, words), gap: fmtBn(gap, words), shortfall: fmtBn(-gap, words), goal: goal.text };
  parts.target = fill(words.target, parts);
  parts.reaches = fill(words.reaches, parts);
  const [, , template] = words.verdicts.find(
    ([bound, inclusive]) => bound === null || (inclusive ? gap >= bound : gap > bound),
  );
  return fill(template, parts);
}

function answerTexts(base, levers, goal, words) {
  const start = yearValues(base, levers, 0);
  const end = yearValues(base, levers, base.horizon);
  const changes = [end.total - goal.value, end.balance - start.balance];
  return {
    sentence: verdict(end.total, goal, words),
    values: [fmtBn(end.total, words), fmtBn(end.balance, words)],
    directions: changes.map((change) => direction(change, words)),
    deltas: words.deltas.map((template, index) =>
      fill(template, { change: fmtChangeBn(changes[index], words), goal: goal.text, year: base.fiscal_year }),
    ),
  };
}
