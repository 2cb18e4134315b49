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
    /// A note that opens the caption (e.g. "partial: 40 of 72 measurements").
    public var note: String?

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
        let f = style.fontSize, tick = style.tickSize, margin = PhaseChartLayout.margin
        var svg = SVGWriter()
        let marks = Marks(panels)
        let xLabels = baseX.values.map(Self.tickText), yLabels = baseY.values.map(Self.tickText)
        let layout = PhaseChartLayout(
            panelCount: panels.count, xCount: baseX.values.count, yCount: baseY.values.count,
            yTitle: AxisTitles.title(selection.y, note: baseY.kindNote),
            yLabelWidth: yLabels.map { TextMetrics.width($0, size: tick) }.max() ?? 0,
            lastXLabelWidth: xLabels.last.map { TextMetrics.width($0, size: tick) } ?? 0,
            hasFacet: selection.facet != nil, style: style)

        svg.open("g", ["class": "panels"])
        for (index, panel) in panels.enumerated() {
            let (px, py) = layout.origin(ofPanel: index)
            var xScale = baseX, yScale = baseY
            (xScale.start, xScale.end) = (px, px + layout.panelWidth)
            (yScale.start, yScale.end) = (py + layout.panelHeight, py)
            if let facet = selection.facet, let value = panel.facetValue {
                svg.text("\(facet) = \(value)", x: px + layout.panelWidth / 2, y: py - f * 0.45, anchor: "middle",
                         weight: "bold", cssClass: "facet-title")
            }
            drawPanel(panel, into: &svg, xScale: xScale, yScale: yScale, dotsUncertain: marks.dotsUncertain)
            drawAxes(into: &svg, xScale: xScale, yScale: yScale, xLabels: xLabels,
                     yLabels: index % layout.columns == 0 ? yLabels : nil)
        }
        svg.close("g")

        svg.text(AxisTitles.title(selection.x, note: baseX.kindNote), x: layout.left + layout.gridWidth / 2,
                 y: layout.bottom + f * 0.5, anchor: "middle", cssClass: "axis-title")
        let (spanTop, spanBottom) = layout.plotSpan
        let titleSize = min(f, layout.yTitleLines.map { f * (spanBottom - spanTop) / TextMetrics.width($0, size: f) }.min() ?? f)
        for (index, line) in layout.yTitleLines.enumerated() {
            svg.text(line, x: margin + f * 0.9 + Double(index) * f * 1.15, y: (spanTop + spanBottom) / 2, anchor: "middle",
                     size: titleSize < f ? titleSize : nil, rotate: -90, cssClass: "axis-title")
        }

        var y = layout.bottom + f * 1.4
        y += drawLegend(into: &svg, top: y, left: margin, width: style.width - 2 * margin, marks: marks)
        y += f * 0.3
        y += svg.caption(captionText(marks), left: margin, top: y, width: style.width - 2 * margin, size: tick)
        return svg.document(width: style.width, height: y + margin, widthInches: style.widthInches, style: style,
                            title: "Activation hash phase chart: \(selection.y) against \(selection.x)",
                            defs: Palette.patternDefinitions)
    }

    /// A tick label for an axis value.
    static func tickText(_ value: AxisValue) -> String {
        if case .double(let number) = value { return Ticks.label(number) }
        return value.description
    }
}
