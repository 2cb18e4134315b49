import Foundation

/// JSON forms of the store's structured columns.
///
/// Keys are sorted so that equal values give equal text. Doubles are written
/// in their shortest round-trip form, so numbers come back bit for bit;
/// non-finite numbers are written as the strings `"nan"`, `"inf"` and `"-inf"`.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding plain value types cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, column: String, row: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptColumn(table: table, column: column, row: row, reason: "\(error)")
        }
    }

    /// Axis values as `{"int": 16}`, `{"double": 0.01}`, `{"string": "adam"}`, `{"bool": true}`.
    static func encodeAxes(_ axes: [String: AxisValue]) -> String {
        encode(axes.mapValues(TaggedAxisValue.init))
    }

    static func decodeAxes(_ text: String, row: String) throws -> [String: AxisValue] {
        try decode([String: TaggedAxisValue].self, from: text, table: "trajectory", column: "axes", row: row).mapValues(\.value)
    }
}

/// An ``AxisValue`` with its kind as the only key, so SQL can read it with
/// `json_extract(axes, '$.width.int')` and integers stay distinct from reals.
private struct TaggedAxisValue: Codable {
    var value: AxisValue

    init(_ value: AxisValue) { self.value = value }

    private enum Kind: String, CodingKey { case int, double, string, bool }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        if let v = try container.decodeIfPresent(Int.self, forKey: .int) { value = .int(v) }
        else if let v = try container.decodeIfPresent(Double.self, forKey: .double) { value = .double(v) }
        else if let v = try container.decodeIfPresent(String.self, forKey: .string) { value = .string(v) }
        else if let v = try container.decodeIfPresent(Bool.self, forKey: .bool) { value = .bool(v) }
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected one of the keys int, double, string, bool"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        switch value {
        case .int(let v): try container.encode(v, forKey: .int)
        case .double(let v): try container.encode(v, forKey: .double)
        case .string(let v): try container.encode(v, forKey: .string)
        case .bool(let v): try container.encode(v, forKey: .bool)
        }
    }
}
