import bisect


def run_store(operations):
    times = {}   # key -> sorted list of timestamps
    values = {}  # key -> values, parallel to times[key]
    results = []
    for op in operations:
        if op[0] == "set":
            _, key, value, t = op
            ts = times.setdefault(key, [])
            vs = values.setdefault(key, [])
            i = bisect.bisect_left(ts, t)
            if i < len(ts) and ts[i] == t:
                vs[i] = value
            else:
                ts.insert(i, t)
                vs.insert(i, value)
        else:
            _, key, t = op
            ts = times.get(key)
            if not ts:
                results.append(None)
                continue
            i = bisect.bisect_right(ts, t)
            results.append(values[key][i - 1] if i else None)
    return results
