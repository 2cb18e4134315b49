/// One `exclude:` entry: a conjunction of comparisons; a point matching all of them is left out.
public struct GridExclusion: Sendable, CustomStringConvertible {
    /// The comparisons, all of which must hold.
    public var conditions: [GridCondition]

    /// An exclusion of the points where every condition holds.
    public init(conditions: [GridCondition]) {
        self.conditions = conditions
    }

    /// Whether `point` (axis name to value) satisfies every condition.
    public func matches(_ point: [String: AxisValue]) -> Bool {
        conditions.allSatisfy { condition in
            point[condition.axis].map(condition.holds(for:)) ?? false
        }
    }

    /// The entry as the spec spells it: `width > 64 and depth == 3`.
    public var description: String {
        conditions.map(\.description).joined(separator: " and ")
    }
}

/// A comparison of one swept axis with a literal: `width > 64`, `optimizer == adam`.
public struct GridCondition: Sendable, Hashable, CustomStringConvertible {
    /// The comparison operators of `exclude:` entries.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"

        /// Whether the operator orders values (and so needs numbers).
        public var isOrdering: Bool { self != .equal && self != .notEqual }
    }

    /// The axis compared.
    public var axis: String
    /// The comparison.
    public var comparison: Operator
    /// The literal; numbers compare numerically whatever their spelling (`1` equals `1.0`).
    public var value: AxisValue

    /// A condition `axis comparison value`.
    public init(axis: String, comparison: Operator, value: AxisValue) {
        self.axis = axis
        self.comparison = comparison
        self.value = value
    }

    /// Whether the axis value `actual` satisfies the condition.
    public func holds(for actual: AxisValue) -> Bool {
        if let left = actual.number, let right = value.number, !isString(actual), !isString(value) {
            switch comparison {
            case .equal: return left == right
            case .notEqual: return left != right
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            case .greaterOrEqual: return left >= right
            }
        }
        switch comparison {
        case .equal: return actual == value
        case .notEqual: return actual != value
        default: return false
        }
    }

    private func isString(_ value: AxisValue) -> Bool {
        if case .string = value { return true }
        return false
    }

    /// `axis op value`.
    public var description: String {
        "\(axis) \(comparison.rawValue) \(value)"
    }
}
