extension PhaseChartFigure {
    /// What the legend and caption must explain, from the cells actually drawn.
    struct Marks {
        /// Some drawn cell is not classified.
        var hasUnclassified: Bool
        /// Uncertain cells get a dot; off when every drawn label is uncertain (the caption says so instead).
        var dotsUncertain: Bool
        /// Every drawn, classified label is uncertain.
        var allUncertain: Bool

        init(_ panels: [Panel]) {
            let labels = panels.flatMap { $0.cells.map(\.label) }
            hasUnclassified = labels.contains { $0.regime == nil }
            let classified = labels.filter { $0.regime != nil }
            allUncertain = !classified.isEmpty && classified.allSatisfy(\.isUncertain)
            dotsUncertain = !allUncertain && classified.contains(where: \.isUncertain)
        }
    }

    /// The legend: regime swatches, the boundary line and the uncertainty dot; returns its height.
    func drawLegend(into svg: inout SVGWriter, top: Double, left: Double, width: Double, marks: Marks) -> Double {
        let size = style.tickSize, swatch = size * 1.8, rowHeight = size * 1.7
        let regimes: [Regime?] = Regime.allCases.map(Optional.some) + (marks.hasUnclassified ? [nil] : [])
        var items = regimes.map { FlowLayout.Item(swatchWidth: swatch, label: Palette.legendLabel($0)) }
        items.append(FlowLayout.Item(swatchWidth: swatch, label: "regime boundary"))
        if marks.dotsUncertain {
            items.append(FlowLayout.Item(swatchWidth: size, label: "uncertain: < \(settings.minSeeds) seeds or 95% CI straddles a threshold"))
        }
        let layout = FlowLayout(items, left: left, top: top, width: width, size: size, rowHeight: rowHeight)
        svg.open("g", ["class": "legend", "font-size": SVGWriter.number(size)])
        for (index, (item, place)) in zip(items, layout.placements).enumerated() {
            let (x, y) = (place.x, place.rowCentre)
            if index < regimes.count {
                let regime = regimes[index]
                let (top, w, h) = (SVGWriter.number(y - size * 0.55), SVGWriter.number(swatch), SVGWriter.number(size * 1.1))
                svg.element("rect", ["class": "legend-swatch", "x": SVGWriter.number(x), "y": top, "width": w, "height": h,
                                     "fill": Palette.fill(regime), "stroke": "#000000", "stroke-width": "0.4"])
                if let pattern = Palette.patternID(regime) {
                    svg.element("rect", ["x": SVGWriter.number(x), "y": top, "width": w, "height": h, "fill": "url(#\(pattern))"])
                }
            } else if index == regimes.count {
                svg.element("line", ["x1": SVGWriter.number(x), "y1": SVGWriter.number(y), "x2": SVGWriter.number(x + swatch),
                                     "y2": SVGWriter.number(y), "stroke": "#000000", "stroke-width": "1.6"])
            } else {
                svg.element("circle", ["cx": SVGWriter.number(x + size / 2), "cy": SVGWriter.number(y), "r": "1.8",
                                       "fill": "#ffffff", "stroke": "#000000", "stroke-width": "0.6"])
            }
            svg.text(item.label, x: FlowLayout.labelX(place, item, size: size), y: y + size * 0.35)
        }
        svg.close("g")
        return layout.height
    }

    /// The caption: what the numbers are, the rule with its thresholds, and the held axes.
    func captionText(_ marks: Marks) -> String {
        let s = settings
        let ceilingText = ceiling.map { Format.decimal($0, 3) } ?? "n/a"
        let source = s.accuracyCeiling == nil ? "best cell mean" : "set in spec"
        var text = Format.openingSentence(note)
        text += "Numbers: mean \(s.redundancyMetric) (R) over seeds. A = \(s.categorizationMetric), ceiling C = \(ceilingText) (\(source)). "
        text += "Under: R ≥ \(s.redundancyHigh) or C − A ≥ \(s.accuracyGapHigh), improving by ≥ \(s.trendEffect) with p < \(s.alpha) (Welch, across seeds) toward larger \(s.trendAxes.joined(separator: "/")). "
        text += "Sufficient: R ≤ \(s.redundancyLow), C − A ≤ \(s.accuracyGapLow), no change ≥ \(s.trendEffect). Critical: otherwise."
        if marks.allUncertain {
            text += " Every label is uncertain (fewer than \(s.minSeeds) seeds, or a 95% CI across a threshold; see flags in cells.csv)."
        }
        if !selection.fixed.isEmpty { text += " Held: \(selection.fixedText)." }
        return text
    }
}
