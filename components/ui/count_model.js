function grownFigure(grows, rate, number) {
  // Mobility's starting figure grown to its end year at ``rate`` % a year, as mobility.count_cards writes it.
  return fixed(grows.start * (1 + rate / 100) ** (grows.end_year - grows.start_year), 0, number);
}
