function days_until_warmer(temps) {
  const answer = new Array(temps.length).fill(0);
  const stack = []; // indices of days still waiting, temperatures non-increasing
  for (let i = 0; i < temps.length; i++) {
    const t = temps[i];
    while (stack.length > 0 && temps[stack[stack.length - 1]] < t) {
      const j = stack.pop();
      answer[j] = i - j;
    }
    stack.push(i);
  }
  return answer;
}
