/// Serialises an `Encodable` value to canonical JSON: object keys sorted by
/// their UTF-8 bytes, no whitespace, numbers in ``CanonicalNumber`` form, strings
/// escaped minimally (`"`, `\`, control characters as `\u00XX`), and absent
/// optionals left out (the synthesised `Codable` skips `nil`).
///
/// Used for content hashes: the same value always yields the same bytes, on
/// every platform and Swift version, independent of Foundation's JSON writer.
enum CanonicalJSON {
    /// The canonical JSON text of `value`.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = TreeEncoder(codingPath: [])
        do {
            try value.encode(to: encoder)
        } catch {
            preconditionFailure("CanonicalJSON: \(T.self) failed to encode: \(error)")
        }
        var output = ""
        output.reserveCapacity(1024)
        encoder.slot.value.write(to: &output)
        return output
    }

    /// `string` as a JSON string: quoted, with `"`, `\` and control characters escaped.
    static func quoted(_ string: String) -> String {
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + string + "\""
        }
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

/// A JSON value under construction; containers are shared boxes so that nested
/// containers can keep filling them after they are handed out.
private indirect enum JSONValue {
    case null
    case literal(String)
    case array(ArrayBox)
    case object(ObjectBox)

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .literal(let text): output += text
        case .array(let box):
            output += "["
            for (index, element) in box.elements.enumerated() {
                if index > 0 { output += "," }
                element.value.write(to: &output)
            }
            output += "]"
        case .object(let box):
            output += "{"
            // Stable sort, so that of a key written twice the later write (last of its run) wins.
            let members = box.members.map { (bytes: Array($0.key.utf8), key: $0.key, slot: $0.slot) }
                .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            var first = true
            for (index, member) in members.enumerated() where index + 1 == members.count || members[index + 1].key != member.key {
                if !first { output += "," }
                first = false
                output += CanonicalJSON.quoted(member.key)
                output += ":"
                member.slot.value.write(to: &output)
            }
            output += "}"
        }
    }
}

private final class Slot {
    var value: JSONValue = .null
}

private final class ArrayBox {
    var elements: [Slot] = []
}

private final class ObjectBox {
    /// Members in the order written; sorted (and deduplicated) when written out.
    var members: [(key: String, slot: Slot)] = []
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private final class TreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot = Slot()

    init(codingPath: [CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = slot.value { box = existing } else { box = ObjectBox(); slot.value = .object(box) }
        return KeyedEncodingContainer(KeyedWriter(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = slot.value { box = existing } else { box = ArrayBox(); slot.value = .array(box) }
        return UnkeyedWriter(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleWriter(slot: slot, codingPath: codingPath)
    }

    /// The JSON of a primitive, or nil when `value` must encode itself.
    static func literal<T: Encodable>(_ value: T) -> JSONValue? {
        switch value {
        case let v as Bool: .literal(v ? "true" : "false")
        case let v as String: .literal(CanonicalJSON.quoted(v))
        case let v as Double: .literal(CanonicalNumber.text(v))
        case let v as Float: .literal(CanonicalNumber.text(Double(v)))
        case let v as Int: .literal(CanonicalNumber.text(v))
        case let v as Int64: .literal(String(v))
        case let v as UInt64: .literal(String(v))
        case let v as Int32: .literal(String(v))
        case let v as UInt32: .literal(String(v))
        default: nil
        }
    }

    /// Encodes `value` into `slot`, through its own `encode(to:)` unless it is a primitive.
    static func fill<T: Encodable>(_ slot: Slot, with value: T, codingPath: [CodingKey]) throws {
        if let literal = literal(value) {
            slot.value = literal
            return
        }
        let nested = TreeEncoder(codingPath: codingPath)
        try value.encode(to: nested)
        slot.value = nested.slot.value
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [CodingKey]

    private func slot(for key: Key) -> Slot {
        let slot = Slot()
        box.members.append((key.stringValue, slot))
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(for: key).value = .null }

    // The primitives a configuration is made of, written without dynamic casts.
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(for: key).value = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(for: key).value = .literal(CanonicalJSON.quoted(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(for: key).value = .literal(CanonicalNumber.text(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(for: key).value = .literal(CanonicalNumber.text(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TreeEncoder.fill(slot(for: key), with: value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        slot(for: key).value = .object(nested)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ArrayBox()
        slot(for: key).value = .array(nested)
        return UnkeyedWriter(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        let encoder = TreeEncoder(codingPath: codingPath + [key])
        box.members.append((key.stringValue, encoder.slot))
        return encoder
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.elements.count }

    private func append() -> Slot {
        let slot = Slot()
        box.elements.append(slot)
        return slot
    }

    mutating func encodeNil() throws { append().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        try TreeEncoder.fill(append(), with: value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        let key = IndexKey(count)
        append().value = .object(nested)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let key = IndexKey(count)
        append().value = .array(nested)
        return UnkeyedWriter(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder {
        let encoder = TreeEncoder(codingPath: codingPath + [IndexKey(count)])
        box.elements.append(encoder.slot)
        return encoder
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try TreeEncoder.fill(slot, with: value, codingPath: codingPath)
    }
}
