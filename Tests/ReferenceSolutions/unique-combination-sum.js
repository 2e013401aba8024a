function combination_sum_unique(candidates, target) {
  const nums = candidates.slice().sort((a, b) => a - b);
  const result = [];
  const path = [];

  function walk(start, remaining) {
    if (remaining === 0) {
      result.push(path.slice());
      return;
    }
    for (let i = start; i < nums.length; i++) {
      if (i > start && nums[i] === nums[i - 1]) continue;
      if (nums[i] > remaining) break;
      path.push(nums[i]);
      walk(i + 1, remaining - nums[i]);
      path.pop();
    }
  }

  walk(0, target);
  return result;
}
