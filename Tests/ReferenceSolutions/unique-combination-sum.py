def combination_sum_unique(candidates, target):
    nums = sorted(candidates)
    result = []
    path = []

    def walk(start, remaining):
        if remaining == 0:
            result.append(list(path))
            return
        for i in range(start, len(nums)):
            if i > start and nums[i] == nums[i - 1]:
                continue
            if nums[i] > remaining:
                break
            path.append(nums[i])
            walk(i + 1, remaining - nums[i])
            path.pop()

    walk(0, target)
    return result
