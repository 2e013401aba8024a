function largest_rectangle(heights) {
  const stack = []; // indices with increasing heights
  let best = 0;
  const extended = Array.from(heights);
  extended.push(0);
  for (let i = 0; i < extended.length; i++) {
    const h = extended[i];
    while (stack.length > 0 && heights[stack[stack.length - 1]] >= h) {
      const j = stack.pop();
      const left = stack.length > 0 ? stack[stack.length - 1] + 1 : 0;
      best = Math.max(best, heights[j] * (i - left));
    }
    stack.push(i);
  }
  return best;
}
