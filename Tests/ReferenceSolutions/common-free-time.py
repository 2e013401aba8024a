def common_free_time(calendars, day_start, day_end, min_length):
    busy = sorted((s, e) for cal in calendars for s, e in cal if e > day_start and s < day_end)
    gaps = []
    free_from = day_start
    for s, e in busy:
        if s > free_from and s - free_from >= min_length:
            gaps.append([free_from, s])
        free_from = max(free_from, e)
        if free_from >= day_end:
            break
    if free_from < day_end and day_end - free_from >= min_length:
        gaps.append([free_from, day_end])
    return gaps
