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
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + part;
}

function fmtBn(value) {
  const text = fixed1(value);
  return text.startsWith("-") ? "\u2212US$ " + text.slice(1) + " bn" : "US$ " + text + " bn";
}

function fmtChangeBn(change) {
  const size = fixed1(Math.abs(change));
  const sign = size === "0.0" ? "" : change < 0 ? "\u2212" : "+";
  return sign + "US$ " + size + " bn";
}

// The words come from Python (what_if.ANSWER_WORDS), sent with the answer's data: only the arithmetic is here.
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function verdict(total, goal, words) {
  const gap = total - goal.value;
  const parts = { total: fmtBn(total), gap: fmtBn(gap), shortfall: fmtBn(-gap), goal: goal.text };
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
    values: [fmtBn(end.total), fmtBn(end.balance)],
    deltas: words.deltas.map((template, index) =>
      fill(template, { change: fmtChangeBn(changes[index]), goal: goal.text, year: base.fiscal_year }),
    ),
  };
}
