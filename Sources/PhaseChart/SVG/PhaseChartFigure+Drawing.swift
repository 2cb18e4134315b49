import Sweep

extension PhaseChartFigure {
    /// Cells, numbers, uncertainty dots (when `dotsUncertain`) and regime boundaries of one panel.
    func drawPanel(_ panel: Panel, into svg: inout SVGWriter, xScale: AxisScale, yScale: AxisScale, dotsUncertain: Bool) {
        let numberSize = style.cellNumberSize
        var regimes: [[Int]: Regime?] = [:]
        svg.open("g", ["class": "cells"])
        for (cell, label) in panel.cells {
            guard let xi = xScale.index(of: cell.coordinates[selection.x]!),
                  let yi = yScale.index(of: cell.coordinates[selection.y]!) else { continue }
            regimes[[xi, yi]] = label.regime
            let (x0, x1) = xScale.cellEdges(xi), (y0, y1) = yScale.cellEdges(yi)
            let (x, y, w, h) = (x0, y1, x1 - x0, y0 - y1)
            svg.open("g", ["class": "cell", "data-regime": label.regime?.rawValue ?? "none"])
            svg.element("title", [:], text: "\(selection.x)=\(cell.coordinates[selection.x]!), \(selection.y)=\(cell.coordinates[selection.y]!), n=\(cell.n): \(label.reason)")
            svg.element("rect", ["x": SVGWriter.number(x), "y": SVGWriter.number(y), "width": SVGWriter.number(w),
                                 "height": SVGWriter.number(h), "fill": Palette.fill(label.regime),
                                 "stroke": "#ffffff", "stroke-width": "0.5"])
            if let pattern = Palette.patternID(label.regime) {
                svg.element("rect", ["x": SVGWriter.number(x), "y": SVGWriter.number(y), "width": SVGWriter.number(w),
                                     "height": SVGWriter.number(h), "fill": "url(#\(pattern))"])
            }
            // An uncertain cell carries a dot in its top-right corner; its number sits in the band below the dot.
            let dotted = dotsUncertain && label.isUncertain
            let radius = min(1.6, min(w, h) * 0.14)
            let dotBand = dotted ? 2 * radius + 1.5 : 0
            if let redundancy = cell.metrics[settings.redundancyMetric]?.mean {
                let full = redundancy == 0 ? "0" : Format.decimal(redundancy, 2)
                let short = full.hasPrefix("0.") ? String(full.dropFirst()) : full
                if let text = [full, short].first(where: { TextMetrics.width($0, size: numberSize) + 2 <= w }),
                   h - 2 * dotBand >= numberSize * 1.25 {
                    let textWidth = TextMetrics.width(text, size: numberSize), centre = y + h / 2
                    svg.element("rect", ["class": "number-backing", "x": SVGWriter.number(x + w / 2 - textWidth / 2 - 0.8),
                                         "y": SVGWriter.number(centre - numberSize * 0.6), "width": SVGWriter.number(textWidth + 1.6),
                                         "height": SVGWriter.number(numberSize * 1.2), "rx": "1", "fill": "#ffffff", "fill-opacity": "0.85"])
                    svg.text(text, x: x + w / 2, y: centre + numberSize * 0.35, anchor: "middle", size: numberSize, cssClass: "cell-number")
                }
            }
            if dotted {
                svg.element("circle", ["class": "uncertain", "cx": SVGWriter.number(x + w - radius - 1), "cy": SVGWriter.number(y + radius + 1),
                                       "r": SVGWriter.number(radius), "fill": "#ffffff", "stroke": "#000000", "stroke-width": "0.6"])
            }
            svg.close("g")
        }
        svg.close("g")

        svg.open("g", ["class": "boundaries", "stroke": "#000000", "stroke-width": "1.6", "stroke-linecap": "square"])
        // Sorted so that the document is the same on every run (dictionary order is randomised).
        for key in regimes.keys.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
            let (xi, yi, regime) = (key[0], key[1], regimes[key]!)
            if let right = regimes[[xi + 1, yi]], right != regime {
                let edge = xScale.cellEdges(xi).high, (y0, y1) = yScale.cellEdges(yi)
                svg.element("line", ["x1": SVGWriter.number(edge), "y1": SVGWriter.number(y0), "x2": SVGWriter.number(edge), "y2": SVGWriter.number(y1)])
            }
            if let above = regimes[[xi, yi + 1]], above != regime {
                let edge = yScale.cellEdges(yi).high, (x0, x1) = xScale.cellEdges(xi)
                svg.element("line", ["x1": SVGWriter.number(x0), "y1": SVGWriter.number(edge), "x2": SVGWriter.number(x1), "y2": SVGWriter.number(edge)])
            }
        }
        svg.close("g")
    }

    /// Frame, ticks and tick labels of a panel; y labels only where `yLabels` is given.
    func drawAxes(into svg: inout SVGWriter, xScale: AxisScale, yScale: AxisScale, xLabels: [String], yLabels: [String]?) {
        let tick = style.tickSize
        let (left, right, bottom, top) = (xScale.start, xScale.end, yScale.start, yScale.end)
        svg.open("g", ["class": "axes", "stroke": "#000000", "stroke-width": "0.6", "fill": "none"])
        svg.element("rect", ["x": SVGWriter.number(left), "y": SVGWriter.number(top),
                             "width": SVGWriter.number(right - left), "height": SVGWriter.number(bottom - top)])
        for index in xScale.values.indices {
            let x = xScale.position(ofIndex: index)
            svg.element("line", ["x1": SVGWriter.number(x), "y1": SVGWriter.number(bottom), "x2": SVGWriter.number(x), "y2": SVGWriter.number(bottom + 3)])
        }
        for index in yScale.values.indices {
            let y = yScale.position(ofIndex: index)
            svg.element("line", ["x1": SVGWriter.number(left - 3), "y1": SVGWriter.number(y), "x2": SVGWriter.number(left), "y2": SVGWriter.number(y)])
        }
        if xScale.hasZeroSlot { drawBreak(into: &svg, at: xScale.cellEdges(0).high, y: bottom, vertical: false) }
        if yScale.hasZeroSlot { drawBreak(into: &svg, at: yScale.cellEdges(0).high, y: left, vertical: true) }
        svg.close("g")

        svg.open("g", ["class": "tick-labels", "font-size": SVGWriter.number(tick)])
        let xExtents = xScale.values.indices.map { (xScale.position(ofIndex: $0), TextMetrics.width(xLabels[$0], size: tick)) }
        for index in Ticks.thinned(xExtents, gap: tick * 0.4) {
            svg.text(xLabels[index], x: xExtents[index].0, y: bottom + 3 + tick * 1.0, anchor: "middle")
        }
        if let yLabels {
            let yExtents = yScale.values.indices.map { (yScale.position(ofIndex: $0), tick) }
            for index in Ticks.thinned(yExtents, gap: tick * 0.2) {
                svg.text(yLabels[index], x: left - 4.5, y: yExtents[index].0 + tick * 0.35, anchor: "end")
            }
        }
        svg.close("g")
    }

    /// A `//` mark where a log axis jumps from its zero slot to the positive values.
    private func drawBreak(into svg: inout SVGWriter, at position: Double, y offset: Double, vertical: Bool) {
        for shift in [-1.2, 1.2] {
            let (x1, y1, x2, y2) = vertical
                ? (offset - 2.5, position + shift + 1.2, offset + 2.5, position + shift - 1.2)
                : (position + shift - 1.2, offset + 2.5, position + shift + 1.2, offset - 2.5)
            svg.element("line", ["class": "axis-break", "x1": SVGWriter.number(x1), "y1": SVGWriter.number(y1),
                                 "x2": SVGWriter.number(x2), "y2": SVGWriter.number(y2)])
        }
    }
}
