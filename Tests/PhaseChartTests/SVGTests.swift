import Foundation
import Testing
import Sweep
@testable import PhaseChart

/// Figures of the realistic synthetic sweep (widths × epochs × seeds, optionally × lr).
private struct Figures {
    let analysis: PhaseAnalysis
    let selection: ChartSelection

    init(learningRates: [Double] = [0.01], facet: String? = nil) throws {
        analysis = try PhaseAnalysis(records: SyntheticMeasurements.realisticSweep(learningRates: learningRates),
                                     settings: PhaseSettings(), source: "synthetic")
        selection = try analysis.selection(x: "width", y: "epochs", facet: facet, fixes: [])
    }

    func phase(_ width: Double) -> String { analysis.phaseChart(selection, style: FigureStyle(widthInches: width)).svg() }
    func curves(_ width: Double) -> String { analysis.curves(selection, style: FigureStyle(widthInches: width)).svg() }
}

@Suite("SVG figures: well-formed, structured, readable, rendered")
struct SVGTests {
    /// The awkward sweep's figures: epoch 0 on a log axis, one seed, a string facet, holes.
    private func awkward(_ width: Double) throws -> (phase: String, curves: String, analysis: PhaseAnalysis) {
        let analysis = try PhaseAnalysis(records: SyntheticMeasurements.awkwardSweep(), settings: PhaseSettings(), source: "awkward")
        let selection = try analysis.selection(x: "width", y: "epochs", facet: "optimizer", fixes: [])
        let style = FigureStyle(widthInches: width)
        return (analysis.phaseChart(selection, style: style).svg(), analysis.curves(selection, style: style).svg(), analysis)
    }

    @Test("an awkward sweep draws a zero slot, unclassified cells and flags everywhere", arguments: [3.25, 6.75])
    func awkwardSweep(width: Double) throws {
        let (phase, curves, analysis) = try awkward(width)
        let inspector = SVGInspector(phase)
        #expect(inspector.parseError == nil && SVGInspector(curves).parseError == nil)
        #expect(inspector.all("line", class: "axis-break").count == 4)
        #expect(inspector.all("g", class: "cell").count == analysis.grid.cells.count)
        #expect(inspector.all("g", class: "cell").filter { $0.attributes["data-regime"] == "none" }.count == 2)
        #expect(inspector.inside("legend", "text").map(\.text).contains("not classified"))
        // One seed everywhere: every label is uncertain, so the caption says it once instead of a dot per cell.
        #expect(inspector.all("circle", class: "uncertain").isEmpty)
        #expect(inspector.inside("caption", "text").map(\.text).joined(separator: " ").contains("Every label is uncertain"))
        #expect(analysis.classifications.filter { $0.regime != nil }.allSatisfy { $0.isUncertain })
        if Rendering.rsvgConvert != nil {
            for (name, svg) in [("awkward-phase", phase), ("awkward-curves", curves)] {
                let png = try PNGImage(data: try Rendering.png(svg, name: "\(name)-\(width)in"))
                #expect(png.luminanceVariance > 200)
            }
        }
    }

    @Test("every figure parses with XMLParser at both paper widths", arguments: [3.25, 6.75])
    func parses(width: Double) throws {
        let plain = try Figures(), faceted = try Figures(learningRates: [0.01, 0.1], facet: "lr")
        for svg in [plain.phase(width), plain.curves(width), faceted.phase(width), faceted.curves(width)] {
            let inspector = SVGInspector(svg)
            #expect(inspector.parseError == nil)
            #expect(inspector.all("svg").first?.attributes["width"] == "\(width)in")
            #expect(!svg.contains("href") && !svg.contains("<script") && !svg.contains("@import"))
        }
    }

    @Test("degenerate sweeps still draw: a single cell, a string x axis")
    func degenerate() throws {
        let single = SyntheticMeasurements.records(axes: ["width": .int(32)], epoch: 5, values: [(0.1, 0.9), (0.12, 0.91)])
        let analysis = try PhaseAnalysis(records: single, settings: PhaseSettings(), source: "single")
        let selection = try analysis.selection(x: "width", y: "epochs", facet: nil, fixes: [])
        for svg in [analysis.phaseChart(selection, style: FigureStyle()).svg(), analysis.curves(selection, style: FigureStyle()).svg()] {
            #expect(SVGInspector(svg).parseError == nil)
        }
        #expect(SVGInspector(analysis.phaseChart(selection, style: FigureStyle()).svg()).all("g", class: "cell").count == 1)
        let strings = SyntheticMeasurements.awkwardSweep()
        let odd = try PhaseAnalysis(records: strings, settings: PhaseSettings(), source: "strings")
        let byOptimizer = try odd.selection(x: "optimizer", y: "width", facet: nil, fixes: ["epochs=10"])
        let inspector = SVGInspector(odd.phaseChart(byOptimizer, style: FigureStyle()).svg())
        #expect(inspector.parseError == nil && inspector.all("g", class: "cell").count == 19)
        #expect(inspector.inside("tick-labels", "text").map(\.text).contains("adam"))
    }

    @Test("the phase chart draws one cell per grid cell, coloured and marked by regime")
    func phaseStructure() throws {
        let figures = try Figures()
        let inspector = SVGInspector(figures.phase(3.25))
        let cells = inspector.all("g", class: "cell")
        #expect(cells.count == 36)
        let counts = Dictionary(grouping: figures.analysis.classifications, by: { $0.regime?.rawValue ?? "none" }).mapValues(\.count)
        let drawn = Dictionary(grouping: cells, by: { $0.attributes["data-regime"]! }).mapValues(\.count)
        #expect(drawn == counts)
        #expect(inspector.inside("boundaries", "line").count > 0)
        #expect(inspector.inside("legend", "rect").filter { $0.attributes["class"] == "legend-swatch" }.count == 3)
        #expect(inspector.all("pattern").count == 3)
        let titles = inspector.all("text", class: "axis-title").map(\.text)
        #expect(titles.joined(separator: " ") == "Hidden width (units per layer; log scale) Training time (epochs; log scale)")
        #expect(inspector.inside("caption", "text").map(\.text).joined(separator: " ").contains("R ≥ 0.2"))
    }

    @Test("small multiples: one panel per facet value, held axes in the caption")
    func facets() throws {
        let figures = try Figures(learningRates: [0.01, 0.1], facet: "lr")
        let inspector = SVGInspector(figures.phase(6.75))
        #expect(inspector.all("text", class: "facet-title").map(\.text) == ["lr = 0.01", "lr = 0.1"])
        #expect(inspector.all("g", class: "cell").count == 72)
        let curves = SVGInspector(figures.curves(3.25))
        #expect(curves.inside("caption", "text").map(\.text).joined(separator: " ").contains("lr = 0.01"))
    }

    @Test("curves: one panel per measured metric, a line and markers per series, CI bands")
    func curvesStructure() throws {
        let inspector = SVGInspector(try Figures().curves(6.75))
        let panels = inspector.all("g", class: "curves-panel").map { $0.attributes["data-metric"]! }
        #expect(panels == MetricNames.curvePanels)
        #expect(inspector.all("polyline", class: "mean").count == 6 * 6)
        #expect(inspector.all("polygon", class: "band").count == 6 * 6)
        #expect(inspector.inside("legend", "text").count == 7)
    }

    @Test("no two labels overlap or leave the figure", arguments: [3.25, 6.75])
    func noOverlap(width: Double) throws {
        let figures = try Figures(learningRates: [0.01, 0.1], facet: "lr")
        let odd = try awkward(width)
        for svg in [figures.phase(width), figures.curves(width), odd.phase, odd.curves] {
            let texts = SVGInspector(svg).all("text").filter { $0.attributes["transform"] == nil && !$0.ancestorsClasses.contains("cell") }
            let boxes = texts.map { element -> (x0: Double, x1: Double, y0: Double, y1: Double, text: String) in
                let size = Double(element.attributes["font-size"] ?? "") ?? Double(element.ancestorsClasses.isEmpty ? "8" : "7.2")!
                let w = TextMetrics.width(element.text, size: size)
                let x = Double(element.attributes["x"]!)!, y = Double(element.attributes["y"]!)!
                let x0 = switch element.attributes["text-anchor"] { case "middle": x - w / 2; case "end": x - w; default: x }
                return (x0, x0 + w, y - size * 0.75, y + size * 0.2, element.text)
            }
            let viewWidth = width * 72
            for (i, a) in boxes.enumerated() {
                #expect(a.x0 >= -0.5 && a.x1 <= viewWidth + 0.5, "label '\(a.text)' leaves the figure")
                for b in boxes[(i + 1)...] where a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
                    Issue.record("labels '\(a.text)' and '\(b.text)' overlap")
                }
            }
        }
    }

    @Test("golden structure files pin element counts, classes and texts (PHASECHART_UPDATE_SNAPSHOTS=1 rewrites them)",
          arguments: ["phase-3.25", "phase-6.75", "curves-3.25", "curves-6.75"])
    func golden(name: String) throws {
        let figures = try Figures(learningRates: [0.01, 0.1], facet: "lr")
        let width = Double(name.split(separator: "-")[1])!
        let svg = name.hasPrefix("phase") ? figures.phase(width) : figures.curves(width)
        let structure = SVGInspector(svg).structure
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["PHASECHART_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(structure.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(structure == expected, "structure of \(name) changed; if on purpose, rerun with PHASECHART_UPDATE_SNAPSHOTS=1")
    }

    @Test("each figure renders to a PNG that is not blank",
          .enabled(if: Rendering.rsvgConvert != nil, "rsvg-convert not found on PATH; install librsvg2-bin (scripts/install-deps --tests). Skipping the rendering test."),
          arguments: [3.25, 6.75])
    func renders(width: Double) throws {
        let figures = try Figures(learningRates: [0.01, 0.1], facet: "lr")
        for (name, svg) in [("phase-chart", figures.phase(width)), ("curves", figures.curves(width))] {
            let png = try PNGImage(data: try Rendering.png(svg, name: "\(name)-\(width)in"))
            #expect(abs(Double(png.width) - width * 150) <= 1)
            #expect(png.luminanceVariance > 200, "\(name) at \(width) in looks blank")
            #expect(png.distinctColours() >= 8)
        }
    }
}

@Suite("Curve bands of proportions")
struct CurveBandTests {
    @Test("redundancy ratios and accuracies are proportions, clipped to [0, 1]; other metrics are not")
    func proportions() {
        for name in ["redundancy_train", "knn_test_accuracy", "kmeans_test_majority", "kmeans_train_hungarian",
                     "kmeans_test_nmi", "shared_fraction_all"] {
            #expect(MetricNames.isProportion(name), "\(name)")
        }
        for name in ["network_test_loss", "distinct_codes_train", "kmeans_train_inertia", "knn_seconds"] {
            #expect(!MetricNames.isProportion(name), "\(name)")
        }
    }
}
