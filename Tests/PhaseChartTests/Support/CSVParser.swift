/// A small RFC 4180 parser for the round-trip tests: quoted fields, doubled quotes, CRLF or LF.
enum CSVParser {
    enum ParseError: Error { case unterminatedQuote, textAfterClosingQuote }

    /// Rows of fields.
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var characters = Array(text)[...]
        var quoted = false, wasQuoted = false
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false; wasQuoted = true }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true
            case "\"": throw ParseError.textAfterClosingQuote
            case ",": row.append(field); field = ""; wasQuoted = false
            case "\r\n", "\n", "\r":
                row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
            default:
                if wasQuoted { throw ParseError.textAfterClosingQuote }
                field.append(c)
            }
        }
        if quoted { throw ParseError.unterminatedQuote }
        if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field); rows.append(row) }
        return rows
    }
}
