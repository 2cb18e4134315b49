/// Where the panels of `phase-chart.svg` go: columns of small multiples wrapped into rows, a
/// y title on one line or two, room for tick labels.
struct PhaseChartLayout {
    /// Outer margin in points.
    static let margin = 4.0

    /// Left edge of the first panel column.
    let left: Double
    let columns: Int, rows: Int
    let panelWidth: Double, panelHeight: Double
    /// Horizontal gap between panels.
    let gap: Double
    /// Height of a facet title above each panel (0 without a facet axis).
    let facetTitle: Double
    /// Height of one row: facet title, panel, tick labels and spacing.
    let rowHeight: Double
    /// The y title's lines (wrapped at its parenthesis when one line is longer than the panels).
    let yTitleLines: [String]

    /// A layout for `panelCount` panels of `xCount` × `yCount` cells.
    init(panelCount: Int, xCount: Int, yCount: Int, yTitle: String, yLabelWidth: Double, lastXLabelWidth: Double,
         hasFacet: Bool, style: FigureStyle) {
        let f = style.fontSize, margin = Self.margin
        let right = margin + lastXLabelWidth / 2
        let gap = f * 0.9, facetTitle = hasFacet ? f * 1.4 : 0
        func geometry(titleLines: Int) -> (left: Double, columns: Int, rows: Int, width: Double, height: Double, row: Double) {
            let left = margin + f * 1.2 * Double(titleLines) + yLabelWidth + 5
            let available = style.width - left - right
            let minPanel = max(f * 9, Double(xCount) * f * 2.2)
            let columns = max(1, min(panelCount, Int((available + gap) / (minPanel + gap))))
            let rows = max(1, (panelCount + columns - 1) / columns)
            let width = (available - gap * Double(columns - 1)) / Double(columns)
            let height = max(Double(yCount) * f * 2.0, min(width * 0.62, Double(yCount) * f * 3.5))
            return (left, columns, rows, width, height, facetTitle + height + 3 + style.tickSize * 1.3 + f * 0.5)
        }
        var lines = [yTitle]
        var chosen = geometry(titleLines: 1)
        let span = Double(chosen.rows - 1) * chosen.row + chosen.height
        if TextMetrics.width(yTitle, size: f) > span, let split = yTitle.range(of: " (") {
            lines = [String(yTitle[..<split.lowerBound]), String(yTitle[yTitle.index(after: split.lowerBound)...])]
            chosen = geometry(titleLines: 2)
        }
        (left, columns, rows, panelWidth, panelHeight, rowHeight) = (chosen.left, chosen.columns, chosen.rows, chosen.width, chosen.height, chosen.row)
        yTitleLines = lines
        self.gap = gap
        self.facetTitle = facetTitle
    }

    /// Top-left corner of panel `index`'s plotting area.
    func origin(ofPanel index: Int) -> (x: Double, y: Double) {
        let (row, column) = (index / columns, index % columns)
        return (left + Double(column) * (panelWidth + gap), Self.margin + Double(row) * rowHeight + facetTitle)
    }

    /// Width of the panel columns with their gaps.
    var gridWidth: Double { Double(columns) * panelWidth + Double(columns - 1) * gap }
    /// Bottom of the last row (below its tick labels).
    var bottom: Double { Self.margin + Double(rows) * rowHeight }
    /// Vertical extent of the plotting areas, from the first panel's top to the last panel's bottom.
    var plotSpan: (top: Double, bottom: Double) {
        (Self.margin + facetTitle, Self.margin + Double(rows - 1) * rowHeight + facetTitle + panelHeight)
    }
}
