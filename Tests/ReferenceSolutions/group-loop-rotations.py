def group_rotations(routes):
    groups = {}
    order = []
    for r in routes:
        key = min(r[i:] + r[:i] for i in range(len(r)))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(r)
    return [groups[k] for k in order]
