function common_free_time(calendars, day_start, day_end, min_length) {
  const busy = [];
  for (const cal of calendars) {
    for (const [s, e] of cal) {
      if (e > day_start && s < day_end) busy.push([s, e]);
    }
  }
  busy.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const gaps = [];
  let freeFrom = day_start;
  for (const [s, e] of busy) {
    if (s > freeFrom && s - freeFrom >= min_length) gaps.push([freeFrom, s]);
    freeFrom = Math.max(freeFrom, e);
    if (freeFrom >= day_end) break;
  }
  if (freeFrom < day_end && day_end - freeFrom >= min_length) gaps.push([freeFrom, day_end]);
  return gaps;
}
