import ArgumentParser

/// Comma-separated values on the command line, read strictly: an empty or malformed item
/// is an error that names it, never skipped (`8,,16` is not `[8, 16]`).
enum CommaList {
    /// The positive integers in `text`, the value of `option`; `example` shows a good value.
    static func positiveIntegers(_ text: String, option: String, example: String) throws -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var values: [Int] = []
        for (index, item) in items.enumerated() {
            guard let value = Int(item), value > 0 else {
                let what = item.isEmpty ? "is empty" : "is \"\(item)\", not a positive integer"
                throw ValidationError("\(option): item \(index + 1) of \"\(text)\" \(what); "
                                      + "give positive integers separated by commas, e.g. \(example).")
            }
            values.append(value)
        }
        return values
    }
}
