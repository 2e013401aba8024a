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

// Lexicographic comparison of number arrays, like Python's list ordering.
function compareLists(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

function min_rooms(meetings) {
  const ends = new Heap((a, b) => a < b);
  let best = 0;
  const sorted = meetings.slice().sort(compareLists);
  for (const [start, end] of sorted) {
    while (ends.size > 0 && ends.peek() <= start) {
      ends.pop();
    }
    ends.push(end);
    best = Math.max(best, ends.size);
  }
  return best;
}
