function find_words(board, words) {
  // Trie nodes are Maps from character to child; the key "$" holds a completed word.
  const trie = new Map();
  for (const w of words) {
    let node = trie;
    for (const ch of w) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch);
    }
    node.set("$", w);
  }
  const rows = board.length;
  const grid = board.map((row) => Array.from(row));
  const cols = rows ? grid[0].length : 0;
  const found = [];

  function walk(r, c, parent) {
    const ch = grid[r][c];
    const node = parent.get(ch);
    if (node === undefined) return;
    if (node.has("$")) {
      found.push(node.get("$"));
      node.delete("$");
    }
    grid[r][c] = "#";
    const steps = [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]];
    for (const [nr, nc] of steps) {
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] !== "#") {
        walk(nr, nc, node);
      }
    }
    grid[r][c] = ch;
    if (node.size === 0) parent.delete(ch); // prune exhausted branches
  }

  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      walk(r, c, trie);
    }
  }
  return found;
}
