/// Lays out legend items left to right, wrapping to new rows within a width.
struct FlowLayout {
    /// One legend entry: a swatch of `swatchWidth` points, then its label.
    struct Item {
        var swatchWidth: Double
        var label: String
    }

    /// Where each item goes: the swatch's left edge and the row's baseline centre.
    struct Placement {
        var x: Double
        var rowCentre: Double
    }

    let placements: [Placement]
    /// Total height used.
    let height: Double

    /// Places `items` from (`left`, `top`) within `width`, rows `rowHeight` tall.
    init(_ items: [Item], left: Double, top: Double, width: Double, size: Double, rowHeight: Double) {
        var placements: [Placement] = []
        var x = left, row = 0
        let spacing = size * 1.2, gap = size * 0.35
        for item in items {
            let itemWidth = item.swatchWidth + gap + TextMetrics.width(item.label, size: size)
            if x > left && x + itemWidth > left + width { row += 1; x = left }
            placements.append(Placement(x: x, rowCentre: top + (Double(row) + 0.5) * rowHeight))
            x += itemWidth + spacing
        }
        self.placements = placements
        height = items.isEmpty ? 0 : Double(row + 1) * rowHeight
    }

    /// The label's x for item `index`.
    static func labelX(_ placement: Placement, _ item: Item, size: Double) -> Double {
        placement.x + item.swatchWidth + size * 0.35
    }
}

extension SVGWriter {
    /// Wrapped caption lines from `top`; returns the height used.
    mutating func caption(_ text: String, left: Double, top: Double, width: Double, size: Double) -> Double {
        let lines = TextMetrics.wrap(text, size: size, maxWidth: width)
        open("g", ["class": "caption"])
        for (index, line) in lines.enumerated() {
            self.text(line, x: left, y: top + Double(index) * size * 1.25 + size, size: size)
        }
        close("g")
        return Double(lines.count) * size * 1.25
    }
}
