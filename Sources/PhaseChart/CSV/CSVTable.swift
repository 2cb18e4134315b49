/// A table written as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they contain
/// a comma, a double quote, CR or LF (quotes doubled inside).
public struct CSVTable: Sendable, Equatable {
    /// Column names.
    public var header: [String]
    /// Rows, each as long as ``header``.
    public var rows: [[String]]

    /// A table; every row must have one field per column.
    public init(header: [String], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == header.count }, "CSVTable: every row needs \(header.count) fields")
        self.header = header
        self.rows = rows
    }

    /// The CSV text.
    public var text: String {
        var output = ""
        for row in [header] + rows {
            output += row.map(Self.escape).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// One field, quoted if needed.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
