/// A cell's regime label with everything that produced it.
public struct RegimeClassification: Sendable, Equatable {
    /// The label; `nil` when the redundancy or categorization metric was not measured.
    public var regime: Regime?
    /// The rule that fired and its numbers, in one line.
    public var reason: String
    /// Caveats, in ``RegimeFlag`` declaration order.
    public var flags: [RegimeFlag]
    /// Trend axes that vary in the grid but have no larger value for this cell.
    public var edgeAxes: [String]
    /// Every trend compared (redundancy and accuracy along each trend axis with a neighbour).
    public var trends: [TrendEvidence]
    /// Categorization ceiling minus the cell's mean accuracy.
    public var accuracyGap: Double?

    /// Whether a flag makes the label uncertain (drawn as a marker in the chart).
    public var isUncertain: Bool { flags.contains { $0.marksUncertainty } }

    /// Flags as written to CSV: `;`-separated, `edge_of_grid` followed by its axes in parentheses.
    public var flagsText: String {
        flags.map { flag in
            flag == .edgeOfGrid ? "\(flag.rawValue)(\(edgeAxes.joined(separator: ",")))" : flag.rawValue
        }.joined(separator: ";")
    }
}
