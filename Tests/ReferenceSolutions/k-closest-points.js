// Binary min-heap ordered by `less(a, b)`.
class Heap {
  constructor(less) {
    this.less = less;
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item) {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      this._down(0);
    }
    return top;
  }
  replace(item) {
    const top = this.items[0];
    this.items[0] = item;
    this._down(0);
    return top;
  }
  _down(i) {
    const a = this.items;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(a[l], a[m])) m = l;
      if (r < n && this.less(a[r], a[m])) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m], a[i]];
      i = m;
    }
  }
}

function k_closest(points, k) {
  if (k <= 0) return [];
  // Min-heap of (negated distance, index): the root is the worst of the k best seen so far.
  const less = (p, q) => (p[0] !== q[0] ? p[0] < q[0] : p[1] < q[1]);
  const heap = new Heap(less);
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i];
    const item = [-(x * x + y * y), i];
    if (heap.size < k) {
      heap.push(item);
    } else if (less(heap.peek(), item)) {
      heap.replace(item);
    }
  }
  return heap.items.map(([, i]) => Array.from(points[i]));
}
