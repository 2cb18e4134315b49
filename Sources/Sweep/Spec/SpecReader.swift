import Yams

/// Walks a composed YAML tree, reading typed values and collecting a
/// ``SpecDiagnostic`` for every problem instead of stopping at the first.
///
/// Each reading method returns `nil` after reporting when the node is not
/// what is asked for; callers skip checks that depend on a value that failed.
final class SpecReader {
    /// One key of a mapping, with its nodes and its key path.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
        let path: String
    }

    let file: String
    private(set) var diagnostics: [SpecDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Records a problem at `node`'s place (or of the whole file if `node` is nil).
    func report(_ node: Node?, _ path: String, _ message: String) {
        report(at: node?.mark, path, message)
    }

    /// Records a problem at `mark`, optionally shifted right by `columnOffset` scalars.
    func report(at mark: Mark?, _ path: String, _ message: String, columnOffset: Int = 0) {
        diagnostics.append(SpecDiagnostic(file: file, line: mark?.line, column: mark.map { $0.column + columnOffset },
                                          path: path, message: message))
    }

    /// The keys of a mapping node, in file order; reports a non-mapping, non-string
    /// keys and keys outside `allowed` (with a did-you-mean).
    func entries(_ node: Node, path: String, allowed: [String]? = nil, what: String = "a mapping") -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            report(node, path, "found \(Self.describe(node)), expected \(what)")
            return nil
        }
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report(keyNode, path, "found \(Self.describe(keyNode)) as a key, expected a plain name")
                continue
            }
            let key = scalar.string
            let entryPath = path.isEmpty ? key : "\(path).\(key)"
            if let allowed, !allowed.contains(key) {
                report(keyNode, entryPath, "unknown key \"\(key)\"" + Self.suggestion(for: key, among: allowed)
                       + "; allowed here: " + allowed.joined(separator: ", "))
                continue
            }
            result.append(Entry(key: key, keyNode: keyNode, value: value, path: entryPath))
        }
        return result
    }

    /// The items of a sequence node; reports anything else.
    func items(_ node: Node, path: String, what: String = "a list") -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "found \(Self.describe(node)), expected \(what)")
            return nil
        }
        return Array(sequence)
    }

    /// A value of `kind` from a scalar node; reports wrong types and values out of range.
    func value(_ node: Node, path: String, kind: FieldKind) -> AxisValue? {
        switch kind {
        case .integer(let minimum):
            guard let number = Self.integer(node), number >= minimum else {
                report(node, path, "found \(Self.describe(node)), expected \(kind.expectation)")
                return nil
            }
            return .int(number)
        case .real(let range):
            guard let number = Self.real(node), range.contains(number) else {
                report(node, path, "found \(Self.describe(node)), expected \(kind.expectation)")
                return nil
            }
            return .double(number)
        case .flag:
            guard case .scalar(let scalar) = node, Self.tagName(node) == .bool, let flag = Bool.construct(from: scalar) else {
                report(node, path, "found \(Self.describe(node)), expected \(kind.expectation)")
                return nil
            }
            return .bool(flag)
        case .choice(let words):
            guard let word = Self.word(node), words.contains(word) else {
                let hint = Self.word(node).map { Self.suggestion(for: $0, among: words) } ?? ""
                report(node, path, "found \(Self.describe(node))\(hint), expected \(kind.expectation)")
                return nil
            }
            return .string(word)
        }
    }

    /// A non-empty string from a scalar node; reports anything else.
    func text(_ node: Node, path: String, what: String = "a string") -> String? {
        guard let word = Self.word(node) else {
            report(node, path, "found \(Self.describe(node)), expected \(what)")
            return nil
        }
        return word
    }

    // MARK: - Scalars

    /// The integer a scalar spells (integral floats such as `1e4` included).
    static func integer(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node else { return nil }
        switch Self.tagName(node) {
        case .int:
            return Int.construct(from: scalar)
        case .float:
            guard let value = Double.construct(from: scalar), value.isFinite, value == value.rounded(),
                  abs(value) < 9.0e15 else { return nil }
            return Int(value)
        default:
            return nil
        }
    }

    /// The finite real number a scalar spells (integers included).
    static func real(_ node: Node) -> Double? {
        guard case .scalar(let scalar) = node else { return nil }
        switch Self.tagName(node) {
        case .int:
            return Int.construct(from: scalar).map(Double.init)
        case .float:
            return Double.construct(from: scalar).flatMap { $0.isFinite ? $0 : nil }
        default:
            return nil
        }
    }

    /// The text of a non-empty, non-null scalar.
    static func word(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node), !scalar.string.isEmpty else { return nil }
        return scalar.string
    }

    /// The resolved YAML tag of a node (`int`, `float`, `bool`, `null`, `str`, ...).
    static func tagName(_ node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    /// Whether a node is an explicit or empty null (`~`, `null`, or nothing after the colon).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return tagName(node) == .null }
        return false
    }

    /// How a node reads in a message: the scalar as written, or "a list" / "a mapping".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            switch scalar.style {
            case .singleQuoted, .doubleQuoted: return "\"\(scalar.string)\""
            default: return scalar.string
            }
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// " (did you mean X?)" for the closest of `candidates`, or "" if none is close.
    static func suggestion(for word: String, among candidates: [String]) -> String {
        EditDistance.closest(to: word, among: candidates).map { " (did you mean \($0)?)" } ?? ""
    }
}
