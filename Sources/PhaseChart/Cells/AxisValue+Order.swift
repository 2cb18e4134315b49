import Sweep

extension AxisValue {
    /// The chart's order of axis values: numbers (and flags) by value, then strings lexically.
    static func chartOrder(_ lhs: AxisValue, _ rhs: AxisValue) -> Bool {
        switch (lhs.number, rhs.number) {
        case let (l?, r?): return l < r
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.description < rhs.description
        }
    }

    /// Whether `text` names this value: the same text, or the same number.
    func matches(_ text: String) -> Bool {
        if description == text { return true }
        if let number, let parsed = Double(text) { return number == parsed }
        if case .bool(let flag) = self { return text.lowercased() == String(flag) }
        return false
    }
}
