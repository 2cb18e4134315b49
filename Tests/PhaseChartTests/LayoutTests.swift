import Testing
import Sweep
@testable import PhaseChart

@Suite("Axis scales, ticks, text measurement and escaping")
struct LayoutTests {
    @Test("values spanning 10x or more get a log axis; a zero gets its own slot")
    func scaleKinds() {
        #expect(AxisScale.cells([.int(8), .int(16), .int(32), .int(64), .int(128)]).kind == .log)
        // A geometric grid is read on a log axis even when it spans less than 10x.
        #expect(AxisScale.cells([.int(8), .int(16), .int(32)]).kind == .log)
        #expect(AxisScale.cells([.int(1), .int(2), .int(3), .int(5)]).kind == .linear)
        #expect(AxisScale.cells([.int(1), .int(2), .int(5)]).kind == .log)
        #expect(AxisScale.cells([.int(1), .int(2), .int(3)]).kind == .linear)
        #expect(AxisScale.cells([.string("adam"), .string("sgd")]).kind == .categorical)
        #expect(AxisScale.cells([.int(3)]).kind == .categorical)
        #expect(AxisScale.cells([.double(-1), .double(10)]).kind == .linear)
        let withZero = AxisScale.cells([.int(0), .int(1), .int(10), .int(100)])
        #expect(withZero.kind == .log && withZero.hasZeroSlot)
        // The zero sits one median decade below 1: equal spacing in log space.
        #expect(withZero.coordinates == [-1, 0, 1, 2])
    }

    @Test("cells tile the axis between neighbouring centres")
    func cellEdges() {
        var scale = AxisScale.cells([.int(8), .int(16), .int(32)])
        (scale.start, scale.end) = (0, 300)
        let edges = (0..<3).map(scale.cellEdges)
        #expect(edges.map(\.low).first == 0 && edges.map(\.high).last == 300)
        for (a, b) in zip(edges, edges.dropFirst()) { #expect(abs(a.high - b.low) < 1e-9) }
        // Doubling values on a log axis give equal cells.
        #expect(abs((edges[0].high - edges[0].low) - (edges[2].high - edges[2].low)) < 1e-9)
    }

    @Test("nice ticks use 1, 2, 2.5 and 5 steps and cover the range")
    func niceTicks() {
        #expect(Ticks.nice(low: 0, high: 1, maxCount: 6).map(Ticks.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(Ticks.nice(low: 0, high: 1, maxCount: 4).map(Ticks.label) == ["0", "0.5", "1"])
        #expect(Ticks.nice(low: 0.47, high: 0.97, maxCount: 5).map(Ticks.label) == ["0.5", "0.6", "0.7", "0.8", "0.9"])
        #expect(Ticks.label(0.25) == "0.25" && Ticks.label(1024) == "1024" && Ticks.label(1e-5) == "1e-05")
    }

    @Test("crowded labels are thinned to every k-th so none overlap")
    func thinning() {
        let extents = (0..<10).map { (centre: Double($0) * 10, width: 15.0) }
        #expect(Ticks.thinned(extents, gap: 2) == [0, 2, 4, 6, 8])
        #expect(Ticks.thinned(extents.map { ($0.centre, 5.0) }, gap: 2) == Array(0..<10))
    }

    @Test("text widths follow the character table; wrapping respects the width")
    func textMetrics() {
        #expect(TextMetrics.width("iiii", size: 10) < TextMetrics.width("MMMM", size: 10))
        #expect(abs(TextMetrics.width("0", size: 10) - 0.556 * 10 * 1.15) < 1e-9)
        let lines = TextMetrics.wrap("the quick brown fox jumps over the lazy dog", size: 8, maxWidth: 60)
        #expect(lines.count > 1 && lines.allSatisfy { TextMetrics.width($0, size: 8) <= 60 })
        #expect(lines.joined(separator: " ") == "the quick brown fox jumps over the lazy dog")
    }

    @Test("XML escaping of text and attributes")
    func escaping() {
        #expect(SVGWriter.escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(SVGWriter.number(1.005, places: 2) == "1" || SVGWriter.number(1.005, places: 2) == "1.01")
        #expect(SVGWriter.number(-0.001) == "0" && SVGWriter.number(12.50) == "12.5")
    }
}
