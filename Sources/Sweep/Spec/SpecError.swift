/// One problem found in a spec file: where it is, which key, and what is wrong.
public struct SpecDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The spec file as the user named it.
    public var file: String
    /// 1-based line of the offending node, if the problem has a place in the file.
    public var line: Int?
    /// 1-based column (in Unicode scalars) of the offending node.
    public var column: Int?
    /// The key path, e.g. `grid.width[2]`; empty for problems of the whole file.
    public var path: String
    /// What was found and what is allowed, as a sentence fragment.
    public var message: String

    /// A diagnostic; `line` and `column` are 1-based.
    public init(file: String, line: Int?, column: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out the parts that are unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !path.isEmpty { text += path + ": " }
        return text + message
    }
}

/// Why a spec could not be used. Nothing on disk is changed by a spec that fails.
public enum SpecError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file was read but is not a valid spec; every problem found, in file order.
    case invalid([SpecDiagnostic])

    /// The problems, in file order (one for an unreadable file).
    public var diagnostics: [SpecDiagnostic] {
        switch self {
        case .unreadable(let file, let reason):
            [SpecDiagnostic(file: file, line: nil, column: nil, path: "", message: "cannot read the spec: \(reason)")]
        case .invalid(let diagnostics):
            diagnostics
        }
    }

    /// One line per problem, each `file:line:column: path: message`.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
