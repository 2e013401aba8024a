/// For "why X over Y here?": the plainer choice a named technology should be argued against.
enum TechnologyAlternatives {
    static let plain: [String: String] = [
        "kafka": "a plain queue", "rabbitmq": "a simple in-database job table", "sqs": "a database-backed queue",
        "kinesis": "a plain queue", "redis": "an in-process cache", "memcached": "an in-process cache",
        "postgres": "a key-value store", "postgresql": "a key-value store", "mysql": "a key-value store",
        "cassandra": "a sharded relational database", "dynamodb": "a relational database", "mongodb": "a relational database",
        "elasticsearch": "database indexes", "spark": "a batch job on one machine", "flink": "a batch job",
        "kubernetes": "a few plain VMs", "graphql": "plain REST", "grpc": "JSON over HTTP", "s3": "a database blob column",
        "zookeeper": "a database lease", "etcd": "a database lease", "bigtable": "a relational database",
        "spanner": "a single-region relational database", "hbase": "a relational database", "clickhouse": "the main database",
        "snowflake": "the main database", "lambda": "a long-running service", "nginx": "the app server alone",
    ]

    /// Display names ("Kafka", "PostgreSQL") for the interviewer's wording.
    static func display(_ name: String) -> String {
        let special = [
            "postgresql": "PostgreSQL", "mysql": "MySQL", "dynamodb": "DynamoDB", "mongodb": "MongoDB",
            "rabbitmq": "RabbitMQ", "sqs": "SQS", "graphql": "GraphQL", "grpc": "gRPC", "s3": "S3",
            "hbase": "HBase", "clickhouse": "ClickHouse", "bigtable": "Bigtable", "etcd": "etcd",
        ]
        return special[name] ?? name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The first technology named in a sentence that gives no reason for it.
    static func unjustified(in text: String) -> String? {
        let tokens = Tokenizer(text)
        for sentence in tokens.sentences {
            let words = tokens.words[sentence.firstWord..<(sentence.firstWord + sentence.wordCount)].map(\.text)
            guard let tech = words.first(where: { plain[$0] != nil }) else { continue }
            let lower = " " + PhraseMatcher.normalizeBare(sentence.text) + " "
            if !Lexicon.becauseCues.contains(where: { lower.contains(" \($0) ") }) { return tech }
        }
        return nil
    }
}
