function allow_requests(requests, limit, window) {
  // client -> { times: allowed timestamps, head: index of the oldest one still in the window }
  const logs = new Map();
  const decisions = [];
  for (const [t, client] of requests) {
    let log = logs.get(client);
    if (!log) {
      log = { times: [], head: 0 };
      logs.set(client, log);
    }
    while (log.head < log.times.length && log.times[log.head] <= t - window) log.head++;
    if (log.times.length - log.head < limit) {
      log.times.push(t);
      decisions.push(true);
    } else {
      decisions.push(false);
    }
    if (log.head > 1024 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
  }
  return decisions;
}
