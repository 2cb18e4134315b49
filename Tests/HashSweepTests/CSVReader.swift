/// A minimal RFC 4180 reader for checking the exported tables: quoted fields may hold
/// commas, doubled quotes and line breaks.
enum CSVReader {
    /// The rows of `text`, each a list of fields; a final line break ends the last row.
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }   // a doubled quote inside a quoted field
                quoted = true
            case ",":
                row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); field = ""
                rows.append(row); row = []
            default:
                field.append(character)
            }
            afterQuote = false
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
