import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A user's whole path on a tiny synthetic sweep: `run`, `status`, `export --csv`, `chart`.
@Suite(.serialized)
struct EndToEndTests {
    /// 2 widths x 2 seeds = 4 trajectories, measured at 3 epochs each.
    static let spec = """
        name: cli-e2e
        dataset:
          name: synthetic
          holdout: 0.2
          synthetic: {classes: 3, dimension: 8, train_size: 150, test_size: 60, clusters_per_class: 2, latent_dimension: 4}
        model: {depth: 1, batchnorm: true}
        train: {optimizer: adam, lr: 0.01, batch_size: 32}
        metrics: {kmeans_n_init: 2}
        grid:
          epochs: [0, 1, 3]
          width: [2, 16]
          seed: 2
        phase: {x: width, y: epochs, min_seeds: 2}

        """

    @Test func runStatusExportChart() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.spec, to: "cli-e2e.yaml")
        let results = folder.url.appendingPathComponent("results/cli-e2e")

        let run = try HashSweepCLI.run(["run", "cli-e2e.yaml", "-j", "2"], in: folder.url)
        try #require(run.status == 0, "\(run)")
        #expect(run.output.contains("4/4 trajectories done, 0 failed, 12/12 measurements"), "\(run)")
        #expect(FileManager.default.fileExists(atPath: results.appendingPathComponent("sweep.sqlite").path))

        let status = try HashSweepCLI.run(["status", "cli-e2e.yaml"], in: folder.url)
        #expect(status.status == 0, "\(status)")
        #expect(status.output.contains("trajectories: 4 ("), "\(status)")
        #expect(status.output.contains("4 done"), "\(status)")
        #expect(status.output.contains("measurements: 12/12"), "\(status)")

        let export = try HashSweepCLI.run(["export", "cli-e2e.yaml", "--csv"], in: folder.url)
        #expect(export.status == 0, "\(export)")
        let csvNames = ["measurements.csv", "cells.csv"]
        #expect(Self.printedNames(export.output) == Set(csvNames), "\(export)")
        let measurements = try Self.table(results.appendingPathComponent("measurements.csv"))
        #expect(measurements.rows.count == 12, "one row per trajectory and epoch")
        for column in ["width", "seed", "epochs", "redundancy_train", "knn_test_accuracy", "network_test_accuracy"] {
            #expect(measurements.header.contains(column), "measurements.csv lacks \(column): \(measurements.header)")
        }
        let cells = try Self.table(results.appendingPathComponent("cells.csv"))
        #expect(cells.rows.count == 6, "one row per width and epoch (the seeds aggregated)")
        #expect(cells.header.contains("regime"), "cells.csv lacks the regime: \(cells.header)")
        if let regime = cells.header.firstIndex(of: "regime") {
            let regimes = Set(cells.rows.map { $0[regime] })
            #expect(regimes.isSubset(of: ["under-expressive", "critically-expressive", "sufficiently-expressive"]),
                    "unexpected regime labels \(regimes)")
        }

        let chart = try HashSweepCLI.run(["chart", "cli-e2e.yaml"], in: folder.url)
        try #require(chart.status == 0, "\(chart)")
        #expect(Self.printedNames(chart.output) == Set(csvNames + ["phase-chart.svg", "curves.svg"]), "\(chart)")
        for name in ["phase-chart.svg", "curves.svg"] {
            let data = try Data(contentsOf: results.appendingPathComponent(name))
            let parser = XMLParser(data: data)
            let root = RootElement()
            parser.delegate = root
            #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
            #expect(root.name == "svg", "\(name)'s root element is \(root.name ?? "missing")")
        }
    }

    @Test func rerunningAFinishedSweepAddsNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.spec.replacingOccurrences(of: "width: [2, 16]", with: "width: [4]")
            .replacingOccurrences(of: "seed: 2", with: "seed: 1"), to: "cli-e2e.yaml")
        let first = try HashSweepCLI.run(["run", "cli-e2e.yaml", "-j", "1"], in: folder.url)
        #expect(first.status == 0, "\(first)")
        let second = try HashSweepCLI.run(["run", "cli-e2e.yaml", "-j", "1"], in: folder.url)
        #expect(second.status == 0, "\(second)")
        #expect(second.output.contains("1 trajectories (0 new, 0 extended, 0 to re-measure, 0 retired)"), "\(second)")
        #expect(second.output.contains("1/1 trajectories done, 0 failed, 3/3 measurements"), "\(second)")
    }

    /// The file names among the paths a command printed, one per line.
    static func printedNames(_ output: String) -> Set<String> {
        Set(output.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent })
    }

    static func table(_ file: URL) throws -> (header: [String], rows: [[String]]) {
        let rows = CSVReader.rows(try String(contentsOf: file, encoding: .utf8))
        guard let header = rows.first else { return ([], []) }
        let body = Array(rows.dropFirst())
        #expect(body.allSatisfy { $0.count == header.count }, "\(file.lastPathComponent): a row's field count differs from the header's")
        return (header, body)
    }
}

/// Records the name of an XML document's root element.
private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == nil { name = elementName }
    }
}
