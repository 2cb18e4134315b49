/// The one spelling of a number used in content hashes and messages.
///
/// Integral values below 2^53 print as exact integers (`1`, not `1.0`), so a
/// YAML `1` and `1.0` given to a real field spell the same; other values print
/// in Swift's shortest round-trip form with a plain exponent (`0.1`, `1e-8`,
/// `2.5e20`), so `0.1` and `1e-1` (the same Double) spell the same too.
enum CanonicalNumber {
    /// The canonical text of a finite Double; `-0` prints as `0`.
    static func text(_ value: Double) -> String {
        precondition(value.isFinite, "CanonicalNumber: \(value) is not finite")
        if value == value.rounded(), abs(value) < 0x1p53 {
            return String(Int64(value))
        }
        let text = value.description
        // Only Swift's exponent form needs rewriting ("1e-08" -> "1e-8", "2.5e+20" -> "2.5e20").
        guard let e = text.utf8.firstIndex(of: UInt8(ascii: "e")) else { return text }
        var exponent = text[text.utf8.index(after: e)...]
        let negative = exponent.hasPrefix("-")
        exponent = exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" }
        return String(text[..<e]) + "e" + (negative ? "-" : "") + exponent
    }

    /// The canonical text of an integer.
    static func text(_ value: Int) -> String {
        String(value)
    }
}
