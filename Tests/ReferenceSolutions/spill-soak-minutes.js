function minutes_to_soak(plan) {
  const rows = plan.length;
  const cols = rows ? plan[0].length : 0;
  const minute = [];
  for (let r = 0; r < rows; r++) minute.push(new Array(cols).fill(-1));
  const queue = [];
  let dry = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (plan[r][c] === "W") {
        minute[r][c] = 0;
        queue.push([r, c]);
      } else if (plan[r][c] === ".") {
        dry += 1;
      }
    }
  }
  let last = 0;
  let head = 0;
  while (head < queue.length) {
    const [r, c] = queue[head++];
    for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && plan[nr][nc] === "." && minute[nr][nc] === -1) {
        minute[nr][nc] = minute[r][c] + 1;
        last = minute[nr][nc];
        dry -= 1;
        queue.push([nr, nc]);
      }
    }
  }
  return dry === 0 ? last : -1;
}
