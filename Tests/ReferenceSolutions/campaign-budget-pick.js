function best_campaigns(budget, costs, gains) {
  const best = new Array(budget + 1).fill(0);
  for (let i = 0; i < costs.length; i++) {
    const cost = costs[i];
    const gain = gains[i];
    for (let b = budget; b >= cost; b--) {
      const candidate = best[b - cost] + gain;
      if (candidate > best[b]) best[b] = candidate;
    }
  }
  return best[budget];
}
