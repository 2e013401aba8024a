/// The page a browser sees for any error.
struct ErrorPage: Encodable {
    struct Field: Encodable {
        var name: String
        var problem: String
    }

    var title: String
    var status: Int
    var message: String
    var fields: [Field]
}
