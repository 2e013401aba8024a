function merge_feeds(feeds, limit) {
  // Binary min-heap of [-timestamp, postId, feedIndex, position]: newest first, smaller id on ties.
  const heap = [];
  const less = (a, b) => (a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]);
  const push = (item) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
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
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  feeds.forEach((feed, i) => {
    if (feed.length > 0) push([-feed[0][0], feed[0][1], i, 0]);
  });
  const shown = [];
  const seen = new Set();
  while (heap.length > 0 && shown.length < limit) {
    const [, post, i, j] = pop();
    if (!seen.has(post)) {
      seen.add(post);
      shown.push(post);
    }
    if (j + 1 < feeds[i].length) {
      const [t, p] = feeds[i][j + 1];
      push([-t, p, i, j + 1]);
    }
  }
  return shown;
}
