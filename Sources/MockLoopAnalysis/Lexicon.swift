/// The words and phrases the detectors look for, in one place so they can be tuned together.
enum Lexicon {
    static let alwaysFillers: Set<String> = ["um", "umm", "ummm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hmmm", "mm"]
    /// Words that are fillers only in filler position ("I like Kafka" is not one).
    static let positionalFillers: [[String]] = [
        ["you", "know"], ["i", "mean"], ["kind", "of"], ["sort", "of"],
        ["like"], ["so"], ["well"], ["basically"], ["actually"], ["literally"],
    ]

    static let situation = Phrases([
        "when i was", "at my last", "at my previous", "at my current", "our team", "the team was", "we had a",
        "there was a", "back in", "last year", "a few years ago", "the situation", "the context", "i was working",
        "i joined", "i was on", "i was the", "i led a team", "in my role", "we were", "last spring", "last summer",
        "last fall", "last winter", "last quarter", "last month", "this year", "earlier this year", "years ago",
        "at my current", "at my old", "before that",
    ])
    static let task = Phrases([
        "my job was", "i was responsible", "i was asked", "i was tasked", "the goal was", "my goal", "my task",
        "i needed to", "we needed to", "the challenge was", "i had to", "our goal", "the problem was",
        "i owned", "i was accountable", "the task was", "needed to",
    ])
    static let actionVerbs: Set<String> = [
        "built", "decided", "wrote", "proposed", "led", "set", "talked", "met", "convinced", "designed",
        "implemented", "created", "ran", "started", "organized", "organised", "drove", "reached",
        "negotiated", "mentored", "paired", "reviewed", "rewrote", "migrated", "prototyped", "measured",
        "analyzed", "analysed", "escalated", "scheduled", "presented", "pitched", "shipped", "fixed",
        "introduced", "changed", "added", "removed", "replaced", "investigated", "debugged", "coached",
        "documented", "asked", "gathered", "pushed", "split", "moved", "sat", "took", "made", "gave",
        "reached", "brought", "used", "chose", "picked", "worked", "spent", "focused", "rolled", "profiled",
    ]
    static let result = Phrases([
        "as a result", "in the end", "resulted in", "the result", "the outcome", "we ended up", "it ended up",
        "which meant", "this meant", "that meant", "reduced", "increased", "improved", "saved", "cut ", "grew",
        "dropped", "went from", "went down", "went up", "launched", "delivered", "got promoted", "adopted",
        "faster", "fewer", "lowered", "raised", "doubled", "halved", "eliminated", "on time", "shipped",
    ])
    static let reflection = Phrases([
        "differently", "in hindsight", "next time", "looking back", "if i did it again", "if i could do it again",
        "i learned", "i've learned", "lesson", "i would have", "should have", "what i'd change",
        "i'd change", "i would change", "in retrospect",
    ])
    static let complexity = Phrases([
        "o(", "big o", "big-o", "o of n", "o of log", "o of 1", "o of one", "linear time", "log n", "n log n", "constant-time",
        "linear-time",
        "logarithmic", "quadratic", "constant time", "constant space", "linear space", "time complexity",
        "space complexity", "n squared", "exponential", "amortized", "amortised",
    ])
    static let edgeCases = Phrases([
        "empty", "null", "nil", "none", "overflow", "duplicate", "duplicates", "negative", "edge case", "edge cases",
        "corner case", "single element", "zero", "out of bounds", "off by one", "off-by-one", "boundary",
        "invalid input", "very large", "max int", "underflow", "cycle", "disconnected",
    ])
    static let tradeOffs = Phrases([
        "trade-off", "tradeoff", "trade off", "at the cost of", "the downside", "downside", "instead of",
        "versus", " vs ", "on the other hand", "pros and cons", "the cost is", "in exchange", "but it costs",
        "rather than", "the catch is", "compromise",
    ])
    static let clarifying = Phrases([
        "can i assume", "may i assume", "should i assume", "can we assume", "what's the input size", "what is the input size",
        "how large", "how big", "how many", "is the input", "is the graph", "is the array", "is it sorted",
        "are there duplicates", "can there be", "could there be", "do we need", "should i", "do you want",
        "what should happen", "what happens if", "is it okay", "are the", "what's the expected", "what is the expected",
        "clarify", "to confirm", "just to check",
    ])
    static let defensive = Phrases([
        "that's not what i said", "that is not what i said", "it doesn't matter", "it does not matter",
        "i already said", "as i already said", "like i said", "that's irrelevant", "that's not important",
        "you're wrong", "that's wrong", "i don't think that matters", "that won't happen", "that never happens",
    ])
    static let flawPointers = Phrases([
        "what about", "does that handle", "are you sure", "i'm not sure that", "what happens if", "that would fail",
        "won't that", "wouldn't that", "doesn't that", "is there a problem", "that breaks", "consider the case",
        "what if", "hmm, but", "but what", "isn't that", "won't", "doesn't", "how would you fix", "risk",
        "exponential", "won't scale", "not scale", "fail", "break", "bug", "problem", "too slow",
    ])
    static let concession = Phrases([
        "you're right", "good point", "fair point", "instead", "let me change", "let me rethink", "i'd switch",
        "i missed", "that's a bug", "i'll fix", "let me fix", "oh,", "ah,", "so then i'd", "rather",
    ])
    static let technologies: [String] = [
        "kafka", "redis", "postgres", "postgresql", "mysql", "cassandra", "dynamodb", "mongodb", "elasticsearch",
        "rabbitmq", "sqs", "kinesis", "spark", "flink", "kubernetes", "graphql", "grpc", "memcached", "s3",
        "zookeeper", "etcd", "bigtable", "spanner", "hbase", "clickhouse", "snowflake", "lambda", "nginx",
    ]
    static let becauseCues: [String] = [
        "because", "since", "so that", "the reason", "which gives", "gives us", "over a", "over the", "instead of", "rather than",
    ]

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "million", "billion", "half", "double", "twice", "triple", "dozen", "quarter",
    ]
    static let units: Set<String> = [
        "percent", "%", "ms", "milliseconds", "seconds", "minutes", "hours", "days", "weeks", "months",
        "x", "times", "users", "customers", "requests", "qps", "rps", "dollars", "k", "m", "gb", "tb",
        "mb", "engineers", "people", "teams", "points", "percentage", "fold", "incidents", "tickets", "bugs",
    ]
}

extension Lexicon {
    static let over = Phrases(["over"])
    static let because = Phrases(["because"])
}
