extension PhaseChartFigure {
    /// The legend: regime swatches, the boundary line and the uncertainty dot; returns its height.
    func drawLegend(into svg: inout SVGWriter, top: Double, left: Double, width: Double, hasUnclassified: Bool) -> Double {
        let size = style.tickSize, swatch = size * 1.8, rowHeight = size * 1.7
        let regimes: [Regime?] = Regime.allCases.map(Optional.some) + (hasUnclassified ? [nil] : [])
        var items = regimes.map { FlowLayout.Item(swatchWidth: swatch, label: Palette.legendLabel($0)) }
        items.append(FlowLayout.Item(swatchWidth: swatch, label: "regime boundary"))
        items.append(FlowLayout.Item(swatchWidth: size, label: "uncertain: < \(settings.minSeeds) seeds or 95% CI straddles a threshold"))
        let layout = FlowLayout(items, left: left, top: top, width: width, size: size, rowHeight: rowHeight)
        svg.open("g", ["class": "legend", "font-size": SVGWriter.number(size)])
        for (index, (item, place)) in zip(items, layout.placements).enumerated() {
            let y = place.rowCentre
            if index < regimes.count {
                let regime = regimes[index]
                let frame: [String: String] = ["x": SVGWriter.number(place.x), "y": SVGWriter.number(y - size * 0.55),
                                               "width": SVGWriter.number(swatch), "height": SVGWriter.number(size * 1.1)]
                svg.element("rect", ["class": "legend-swatch", "x": frame["x"]!, "y": frame["y"]!, "width": frame["width"]!,
                                     "height": frame["height"]!, "fill": Palette.fill(regime), "stroke": "#000000", "stroke-width": "0.4"])
                if let pattern = Palette.patternID(regime) {
                    svg.element("rect", ["x": frame["x"]!, "y": frame["y"]!, "width": frame["width"]!,
                                         "height": frame["height"]!, "fill": "url(#\(pattern))"])
                }
            } else if index == regimes.count {
                svg.element("line", ["x1": SVGWriter.number(place.x), "y1": SVGWriter.number(y), "x2": SVGWriter.number(place.x + swatch),
                                     "y2": SVGWriter.number(y), "stroke": "#000000", "stroke-width": "1.6"])
            } else {
                svg.element("circle", ["cx": SVGWriter.number(place.x + size / 2), "cy": SVGWriter.number(y), "r": "1.8",
                                       "fill": "#ffffff", "stroke": "#000000", "stroke-width": "0.6"])
            }
            svg.text(item.label, x: FlowLayout.labelX(place, item, size: size), y: y + size * 0.35)
        }
        svg.close("g")
        return layout.height
    }

    /// The caption: what the numbers are, the rule with its thresholds, and the held axes.
    var captionText: String {
        let s = settings
        let ceilingText = ceiling.map { Format.decimal($0, 3) } ?? "n/a"
        let source = s.accuracyCeiling == nil ? "best cell mean" : "set in spec"
        var text = "Numbers: mean \(s.redundancyMetric) (R) over seeds. A = \(s.categorizationMetric), ceiling C = \(ceilingText) (\(source)). "
        text += "Under: R ≥ \(s.redundancyHigh) or C − A ≥ \(s.accuracyGapHigh), improving by ≥ \(s.trendEffect) with p < \(s.alpha) (Welch, across seeds) toward larger \(s.trendAxes.joined(separator: "/")). "
        text += "Sufficient: R ≤ \(s.redundancyLow), C − A ≤ \(s.accuracyGapLow), no change ≥ \(s.trendEffect). Critical: otherwise."
        if !selection.fixed.isEmpty { text += " Held: \(selection.fixedText)." }
        return text
    }
}
