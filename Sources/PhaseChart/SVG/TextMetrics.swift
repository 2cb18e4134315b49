/// Approximate text widths from a per-character table (Helvetica advance widths, widened by 15%
/// so that wider fallback fonts such as DejaVu Sans still fit).
enum TextMetrics {
    /// Width of `text` at `size` points.
    static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars { em += advance(scalar) }
        return em * size * 1.15
    }

    /// Advance width in ems.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value >= 32 && value < 127 { return Double(helvetica[Int(value) - 32]) / 1000 }
        switch scalar {
        case "—", "…": return 1.0
        case "α", "Δ", "≥", "≤", "±", "×", "−", "–": return 0.6
        case "·", "•": return 0.35
        default: return 0.6
        }
    }

    /// Helvetica AFM widths for U+0020 ... U+007E.
    private static let helvetica: [Int16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    /// Splits `text` at spaces into lines no wider than `maxWidth`.
    static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if width(candidate, size: size) <= maxWidth || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
