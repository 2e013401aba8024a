from collections import deque


def allow_requests(requests, limit, window):
    logs = {}  # client -> deque of timestamps of its allowed requests still in the window
    decisions = []
    for t, client in requests:
        log = logs.get(client)
        if log is None:
            log = logs[client] = deque()
        while log and log[0] <= t - window:
            log.popleft()
        if len(log) < limit:
            log.append(t)
            decisions.append(True)
        else:
            decisions.append(False)
    return decisions
