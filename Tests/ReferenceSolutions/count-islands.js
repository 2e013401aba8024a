function count_islands(grid) {
  const rows = grid.length;
  const cols = rows ? grid[0].length : 0;
  const seen = [];
  for (let r = 0; r < rows; r++) seen.push(new Array(cols).fill(false));
  let islands = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== "#" || seen[r][c]) continue;
      islands += 1;
      seen[r][c] = true;
      const queue = [[r, c]];
      let head = 0;
      while (head < queue.length) {
        const [y, x] = queue[head++];
        const steps = [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]];
        for (const [ny, nx] of steps) {
          if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] === "#" && !seen[ny][nx]) {
            seen[ny][nx] = true;
            queue.push([ny, nx]);
          }
        }
      }
    }
  }
  return islands;
}
