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

function window_medians(nums, k) {
  if (!nums || nums.length === 0 || k <= 0 || k > nums.length) return [];
  // low: max-heap, high: min-heap; removals are delayed until a value reaches a root.
  const low = new Heap((a, b) => a > b);
  const high = new Heap((a, b) => a < b);
  const delayed = new Map();
  let lowSize = 0;
  let highSize = 0;

  function prune(heap) {
    while (heap.size > 0 && (delayed.get(heap.peek()) || 0) > 0) {
      delayed.set(heap.peek(), delayed.get(heap.peek()) - 1);
      heap.pop();
    }
  }

  function rebalance() {
    if (lowSize > highSize + 1) {
      high.push(low.pop());
      lowSize -= 1;
      highSize += 1;
      prune(low);
    } else if (lowSize < highSize) {
      low.push(high.pop());
      highSize -= 1;
      lowSize += 1;
      prune(high);
    }
  }

  function add(x) {
    if (low.size === 0 || x <= low.peek()) {
      low.push(x);
      lowSize += 1;
    } else {
      high.push(x);
      highSize += 1;
    }
    rebalance();
  }

  function remove(x) {
    delayed.set(x, (delayed.get(x) || 0) + 1);
    if (x <= low.peek()) {
      lowSize -= 1;
      if (x === low.peek()) prune(low);
    } else {
      highSize -= 1;
      if (high.size > 0 && x === high.peek()) prune(high);
    }
    rebalance();
  }

  function median() {
    if (k % 2) return low.peek();
    return (low.peek() + high.peek()) / 2;
  }

  for (let i = 0; i < k; i++) add(nums[i]);
  const result = [median()];
  for (let i = k; i < nums.length; i++) {
    add(nums[i]);
    remove(nums[i - k]);
    result.push(median());
  }
  return result;
}
