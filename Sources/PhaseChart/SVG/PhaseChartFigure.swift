import Sweep

/// `phase-chart.svg`: cells over two axes coloured by regime, one panel per facet value.
///
/// Each cell is filled with its regime's colour plus a pattern (hatched, dotted, plain), carries
/// the mean redundancy ratio where it fits, and a white dot when its label is uncertain. Thick
/// lines separate cells of different regimes. A legend and a caption with the thresholds and the
/// held axes follow the panels.
public struct PhaseChartFigure: Sendable {
    /// All cells of the sweep.
    public let grid: CellGrid
    /// Labels aligned with `grid.cells`.
    public let classifications: [RegimeClassification]
    /// Axes drawn and held.
    public let selection: ChartSelection
    /// Thresholds, for the caption.
    public let settings: PhaseSettings
    /// The accuracy ceiling used.
    public let ceiling: Double?
    /// Size and fonts.
    public let style: FigureStyle

    /// A figure of `grid` labelled by `classifications`.
    public init(grid: CellGrid, classifications: [RegimeClassification], selection: ChartSelection,
                settings: PhaseSettings, ceiling: Double?, style: FigureStyle) {
        precondition(grid.cells.count == classifications.count, "PhaseChartFigure: one classification per cell")
        self.grid = grid
        self.classifications = classifications
        self.selection = selection
        self.settings = settings
        self.ceiling = ceiling
        self.style = style
    }

    /// One panel: a facet value and its cells with their labels.
    struct Panel {
        var facetValue: AxisValue?
        var cells: [(cell: Cell, label: RegimeClassification)]
    }

    /// The SVG document.
    public func svg() -> String {
        let labelOf = Dictionary(uniqueKeysWithValues: zip(grid.cells.map(\.coordinates), classifications))
        let facetValues: [AxisValue?] = selection.facet.flatMap { grid.values[$0]?.map(Optional.some) } ?? [nil]
        let panels = facetValues.map { value in
            Panel(facetValue: value, cells: selection.cells(of: grid, facetValue: value).map { ($0, labelOf[$0.coordinates]!) })
        }.filter { !$0.cells.isEmpty }
        let used = panels.flatMap { $0.cells.map(\.cell) }
        func values(_ axis: String) -> [AxisValue] {
            (grid.values[axis] ?? []).filter { value in used.contains { $0.coordinates[axis] == value } }
        }
        return draw(panels: panels, xScale: .cells(values(selection.x)), yScale: .cells(values(selection.y)))
    }

    private func draw(panels: [Panel], xScale baseX: AxisScale, yScale baseY: AxisScale) -> String {
        let f = style.fontSize, tick = style.tickSize, width = style.width, margin = 4.0
        var svg = SVGWriter()
        let marks = Marks(panels)
        let xLabels = baseX.values.map(Self.tickText), yLabels = baseY.values.map(Self.tickText)
        let yLabelWidth = yLabels.map { TextMetrics.width($0, size: tick) }.max() ?? 0
        let yTitle = AxisTitles.title(selection.y, note: baseY.kindNote)
        let right = margin + (xLabels.last.map { TextMetrics.width($0, size: tick) / 2 } ?? 0)
        let gap = f * 0.9
        let facetTitle = selection.facet == nil ? 0 : f * 1.4
        // The y title wraps onto a second line (at its parenthesis) when one line is longer than the panels.
        func geometry(titleLines: Int) -> (left: Double, columns: Int, rows: Int, panelWidth: Double, panelHeight: Double, rowHeight: Double) {
            let left = margin + f * 1.2 * Double(titleLines) + yLabelWidth + 5
            let available = width - left - right
            let minPanel = max(f * 9, Double(baseX.values.count) * f * 1.2)
            let columns = max(1, min(panels.count, Int((available + gap) / (minPanel + gap))))
            let rows = max(1, (panels.count + columns - 1) / columns)
            let panelWidth = (available - gap * Double(columns - 1)) / Double(columns)
            let panelHeight = max(Double(baseY.values.count) * f * 1.6, panelWidth * 0.62)
            return (left, columns, rows, panelWidth, panelHeight, facetTitle + panelHeight + 3 + tick * 1.3 + f * 0.5)
        }
        var titleLines = [yTitle]
        var layout = geometry(titleLines: 1)
        let titleSpan = Double(layout.rows) * layout.rowHeight - (layout.rowHeight - layout.panelHeight)
        if TextMetrics.width(yTitle, size: f) > titleSpan, let split = yTitle.range(of: " (") {
            titleLines = [String(yTitle[..<split.lowerBound]), String(yTitle[yTitle.index(after: split.lowerBound)...])]
            layout = geometry(titleLines: 2)
        }
        let (left, columns, rows, panelWidth, panelHeight, rowHeight) = layout
        let top = margin

        svg.open("g", ["class": "panels"])
        for (index, panel) in panels.enumerated() {
            let (row, column) = (index / columns, index % columns)
            let px = left + Double(column) * (panelWidth + gap)
            let py = top + Double(row) * rowHeight + facetTitle
            var xScale = baseX, yScale = baseY
            (xScale.start, xScale.end) = (px, px + panelWidth)
            (yScale.start, yScale.end) = (py + panelHeight, py)
            if let facet = selection.facet, let value = panel.facetValue {
                svg.text("\(facet) = \(value)", x: px + panelWidth / 2, y: py - f * 0.45, anchor: "middle", weight: "bold", cssClass: "facet-title")
            }
            drawPanel(panel, into: &svg, xScale: xScale, yScale: yScale, dotsUncertain: marks.dotsUncertain)
            drawAxes(into: &svg, xScale: xScale, yScale: yScale, xLabels: xLabels, yLabels: column == 0 ? yLabels : nil)
        }
        svg.close("g")

        let panelsBottom = top + Double(rows) * rowHeight
        let gridWidth = Double(columns) * panelWidth + Double(columns - 1) * gap
        svg.text(AxisTitles.title(selection.x, note: baseX.kindNote), x: left + gridWidth / 2, y: panelsBottom + f * 0.5,
                 anchor: "middle", cssClass: "axis-title")
        let lastPanelBottom = panelsBottom - (rowHeight - facetTitle - panelHeight)
        let yMiddle = (top + facetTitle + lastPanelBottom) / 2
        let span = lastPanelBottom - top - facetTitle
        let titleSize = min(f, titleLines.map { f * span / TextMetrics.width($0, size: f) }.min() ?? f)
        for (index, line) in titleLines.enumerated() {
            svg.text(line, x: margin + f * 0.9 + Double(index) * f * 1.15, y: yMiddle, anchor: "middle",
                     size: titleSize < f ? titleSize : nil, rotate: -90, cssClass: "axis-title")
        }

        var y = panelsBottom + f * 1.4
        y += drawLegend(into: &svg, top: y, left: margin, width: width - 2 * margin, marks: marks)
        y += f * 0.3
        y += svg.caption(captionText(marks), left: margin, top: y, width: width - 2 * margin, size: tick)
        return svg.document(width: width, height: y + margin, widthInches: style.widthInches, style: style,
                            title: "Activation hash phase chart: \(selection.y) against \(selection.x)",
                            defs: Palette.patternDefinitions)
    }

    /// A tick label for an axis value.
    static func tickText(_ value: AxisValue) -> String {
        if case .double(let number) = value { return Ticks.label(number) }
        return value.description
    }
}
