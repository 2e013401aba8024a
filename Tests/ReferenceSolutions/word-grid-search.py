def find_words(board, words):
    trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node["$"] = w
    rows = len(board)
    cols = len(board[0]) if rows else 0
    grid = [list(row) for row in board]
    found = []

    def walk(r, c, parent):
        ch = grid[r][c]
        node = parent.get(ch)
        if node is None:
            return
        word = node.pop("$", None)
        if word is not None:
            found.append(word)
        grid[r][c] = "#"
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#":
                walk(nr, nc, node)
        grid[r][c] = ch
        if not node:
            parent.pop(ch)  # prune exhausted branches

    for r in range(rows):
        for c in range(cols):
            walk(r, c, trie)
    return found
