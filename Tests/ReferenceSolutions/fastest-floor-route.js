function fastest_route(floor) {
  const rows = floor.length;
  const cols = floor[0].length;
  if (floor[0][0] < 0 || floor[rows - 1][cols - 1] < 0) return -1;
  // Binary min-heap of [time, row, col].
  const heap = [];
  const push = (item) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const best = [];
  for (let r = 0; r < rows; r++) best.push(new Array(cols).fill(Infinity));
  best[0][0] = floor[0][0];
  push([floor[0][0], 0, 0]);
  while (heap.length > 0) {
    const [t, r, c] = pop();
    if (t > best[r][c]) continue;
    if (r === rows - 1 && c === cols - 1) return t;
    for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && floor[nr][nc] >= 0) {
        const nt = t + floor[nr][nc];
        if (nt < best[nr][nc]) {
          best[nr][nc] = nt;
          push([nt, nr, nc]);
        }
      }
    }
  }
  return -1;
}
