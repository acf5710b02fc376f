/// A JSON value with the byte offset where it starts in its file.
struct JSONNode: Sendable {
    enum Value: Sendable {
        case null
        case boolean(Bool)
        case integer(Int)
        case double(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order (a repeated key keeps both; look-ups take the last).
        case object([JSONMember])
    }
    var value: Value
    var offset: Int

    /// The last member named `key` of an object, nil otherwise.
    func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }
    }

    /// What the value is, for messages: "a string", "an object" …
    var typeName: String {
        switch value {
        case .null: "null"
        case .boolean: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Sendable {
    var key: String
    var keyOffset: Int
    var node: JSONNode
}
