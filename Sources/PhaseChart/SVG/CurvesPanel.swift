/// One panel of `curves.svg`: a metric's mean per series against the x axis, with CI bands.
struct CurvesPanel {
    /// Metric drawn (its short title heads the panel).
    let metric: String
    /// Per series, per x value: the summary, if measured.
    let series: [[MetricSummary?]]
    /// Horizontal scale, already placed.
    let xScale: AxisScale
    /// Top edge and height of the plotting area.
    let top: Double, height: Double
    let style: FigureStyle

    /// Frame, title, ticks, bands, lines and markers.
    func draw(into svg: inout SVGWriter, xLabels: [String]?, ordered: Bool) {
        let tick = style.tickSize, bottom = top + height
        let (left, right) = (xScale.start, xScale.end)
        let summaries = series.flatMap { $0.compactMap { $0 } }
        let lows = summaries.map { bandLow($0) }, highs = summaries.map { bandHigh($0) }
        var low = lows.min() ?? 0, high = highs.max() ?? 1
        if high - low < 0.02 { (low, high) = ((low + high) / 2 - 0.01, (low + high) / 2 + 0.01) }
        let pad = (high - low) * 0.06
        (low, high) = (low - pad, high + pad)
        let yTicks = Ticks.nice(low: low, high: high, maxCount: max(5, Int(height / (tick * 1.8))))
        (low, high) = (min(low, yTicks.first ?? low), max(high, yTicks.last ?? high))
        func y(_ value: Double) -> Double { bottom - (value - low) / (high - low) * height }

        svg.open("g", ["class": "curves-panel", "data-metric": metric])
        let title = MetricNames.shortTitle(metric)
        let titleSize = min(style.fontSize, style.fontSize * (right - left) / max(1, TextMetrics.width(title, size: style.fontSize)))
        svg.text(title, x: (left + right) / 2, y: top - style.fontSize * 0.45, anchor: "middle", size: titleSize, cssClass: "panel-title")

        svg.open("g", ["class": "axes", "stroke": "#000000", "stroke-width": "0.6", "fill": "none"])
        svg.element("rect", ["x": SVGWriter.number(left), "y": SVGWriter.number(top), "width": SVGWriter.number(right - left), "height": SVGWriter.number(height)])
        for value in yTicks {
            svg.element("line", ["x1": SVGWriter.number(left - 3), "y1": SVGWriter.number(y(value)), "x2": SVGWriter.number(left), "y2": SVGWriter.number(y(value))])
        }
        for index in xScale.values.indices {
            let x = xScale.position(ofIndex: index)
            svg.element("line", ["x1": SVGWriter.number(x), "y1": SVGWriter.number(bottom), "x2": SVGWriter.number(x), "y2": SVGWriter.number(bottom + 3)])
        }
        svg.close("g")
        svg.open("g", ["class": "tick-labels", "font-size": SVGWriter.number(tick)])
        for value in yTicks {
            svg.text(Ticks.label(value), x: left - 4.5, y: y(value) + tick * 0.35, anchor: "end")
        }
        if let xLabels {
            let extents = xScale.values.indices.map { (xScale.position(ofIndex: $0), TextMetrics.width(xLabels[$0], size: tick)) }
            for index in Ticks.thinned(extents, gap: tick * 0.4) {
                svg.text(xLabels[index], x: extents[index].0, y: bottom + 3 + tick, anchor: "middle")
            }
        }
        svg.close("g")

        for (index, points) in series.enumerated() {
            let colour = Palette.series(index, of: series.count, ordered: ordered)
            drawSeries(points, colour: colour, marker: Palette.marker(index), y: y, into: &svg)
        }
        svg.close("g")
    }

    /// The band's lower edge: the CI's, clipped at 0 for proportions (the mean where there is no CI).
    private func bandLow(_ summary: MetricSummary) -> Double {
        let low = summary.ciLow ?? summary.mean
        return MetricNames.isProportion(metric) ? max(0, low) : low
    }

    /// The band's upper edge: the CI's, clipped at 1 for proportions.
    private func bandHigh(_ summary: MetricSummary) -> Double {
        let high = summary.ciHigh ?? summary.mean
        return MetricNames.isProportion(metric) ? min(1, high) : high
    }

    private func drawSeries(_ points: [MetricSummary?], colour: String, marker: Palette.Marker,
                            y: (Double) -> Double, into svg: inout SVGWriter) {
        svg.open("g", ["class": "series"])
        // Consecutive measured points form one run; missing x values break the line and the band.
        var runs: [[(x: Double, summary: MetricSummary)]] = [[]]
        for (index, point) in points.enumerated() {
            if let point { runs[runs.count - 1].append((xScale.position(ofIndex: index), point)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        for run in runs where run.count > 1 {
            let banded = run.filter { $0.summary.ciLow != nil }
            if banded.count > 1 && banded.count == run.count {
                let upper = run.map { "\(SVGWriter.number($0.x)),\(SVGWriter.number(y(bandHigh($0.summary))))" }
                let lower = run.reversed().map { "\(SVGWriter.number($0.x)),\(SVGWriter.number(y(bandLow($0.summary))))" }
                svg.element("polygon", ["class": "band", "points": (upper + lower).joined(separator: " "),
                                        "fill": colour, "fill-opacity": "0.18", "stroke": "none"])
            }
            svg.element("polyline", ["class": "mean", "points": run.map { "\(SVGWriter.number($0.x)),\(SVGWriter.number(y($0.summary.mean)))" }.joined(separator: " "),
                                     "fill": "none", "stroke": colour, "stroke-width": "1.1", "stroke-linejoin": "round"])
        }
        for run in runs { for point in run { Self.marker(marker, x: point.x, y: y(point.summary.mean), colour: colour, into: &svg) } }
        svg.close("g")
    }

    /// A 2.2 pt marker of `shape` centred at (x, y).
    static func marker(_ shape: Palette.Marker, x: Double, y: Double, colour: String, into svg: inout SVGWriter) {
        let r = 1.6
        func point(_ dx: Double, _ dy: Double) -> String { "\(SVGWriter.number(x + dx)),\(SVGWriter.number(y + dy))" }
        let path: String
        switch shape {
        case .circle:
            svg.element("circle", ["class": "marker", "cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": SVGWriter.number(r), "fill": colour])
            return
        case .square: path = [point(-r, -r), point(r, -r), point(r, r), point(-r, r)].joined(separator: " ")
        case .triangle: path = [point(0, -r * 1.2), point(r * 1.1, r * 0.8), point(-r * 1.1, r * 0.8)].joined(separator: " ")
        case .diamond: path = [point(0, -r * 1.3), point(r * 1.1, 0), point(0, r * 1.3), point(-r * 1.1, 0)].joined(separator: " ")
        case .triangleDown: path = [point(0, r * 1.2), point(r * 1.1, -r * 0.8), point(-r * 1.1, -r * 0.8)].joined(separator: " ")
        case .plus:
            path = [point(-r * 0.4, -r * 1.2), point(r * 0.4, -r * 1.2), point(r * 0.4, -r * 0.4), point(r * 1.2, -r * 0.4),
                    point(r * 1.2, r * 0.4), point(r * 0.4, r * 0.4), point(r * 0.4, r * 1.2), point(-r * 0.4, r * 1.2),
                    point(-r * 0.4, r * 0.4), point(-r * 1.2, r * 0.4), point(-r * 1.2, -r * 0.4), point(-r * 0.4, -r * 0.4)].joined(separator: " ")
        }
        svg.element("polygon", ["class": "marker", "points": path, "fill": colour])
    }
}
