import Foundation

/// Number formatting shared by reasons, CSV and SVG text.
enum Format {
    /// Fixed decimals, e.g. 0.412; `inf` and `nan` spelled out.
    static func decimal(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(places)f", value)
        return text == "-" + String(format: "%.\(places)f", 0.0) ? String(format: "%.\(places)f", 0.0) : text
    }

    /// `note` as the caption's opening sentence ("partial: 6 of 8" -> "Partial: 6 of 8. "), or "".
    static func openingSentence(_ note: String?) -> String {
        note.map { $0.prefix(1).uppercased() + $0.dropFirst() + ". " } ?? ""
    }

    /// Signed fixed three decimals, e.g. +0.052.
    static func signed(_ value: Double) -> String {
        value >= 0 ? "+" + decimal(value, 3) : decimal(value, 3)
    }

    /// Two significant digits for p-values, e.g. 0.0012 or 3.1e-06.
    static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : decimal(value, 2) }
        return value >= 1e-4 ? String(format: "%.2g", value) : String(format: "%.1e", value)
    }

    /// Shortest round-trip text of a number (CSV cells).
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
