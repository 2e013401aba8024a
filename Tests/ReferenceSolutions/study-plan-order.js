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

function study_order(n, prereqs) {
  const outEdges = [];
  for (let i = 0; i < n; i++) outEdges.push([]);
  const indegree = new Array(n).fill(0);
  for (const [before, after] of prereqs) {
    outEdges[before].push(after);
    indegree[after] += 1;
  }
  const ready = new Heap((a, b) => a < b);
  for (let c = 0; c < n; c++) {
    if (indegree[c] === 0) ready.push(c);
  }
  const order = [];
  while (ready.size > 0) {
    const c = ready.pop();
    order.push(c);
    for (const nxt of outEdges[c]) {
      indegree[nxt] -= 1;
      if (indegree[nxt] === 0) ready.push(nxt);
    }
  }
  return order.length === n ? order : [];
}
