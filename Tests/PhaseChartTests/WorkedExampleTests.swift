import Testing
import Sweep
@testable import PhaseChart

/// The worked example of docs/phase-chart.md, checked word for word.
@Suite("The worked example in docs/phase-chart.md")
struct WorkedExampleTests {
    static let records: [ChartMeasurement] = [
        (32, [(0.31, 0.81), (0.28, 0.84), (0.34, 0.83)]),
        (64, [(0.06, 0.93), (0.09, 0.91), (0.07, 0.92)]),
        (128, [(0.02, 0.94), (0.03, 0.93), (0.01, 0.95)]),
    ].flatMap { width, values in SyntheticMeasurements.records(axes: ["width": .int(width)], epoch: 10, values: values) }

    @Test("labels, reasons and flags are the documented ones")
    func documented() throws {
        let analysis = try PhaseAnalysis(records: Self.records, settings: PhaseSettings(), source: "example")
        let labels = analysis.classifications
        #expect(abs(analysis.ceiling! - 0.94) < 1e-12)
        #expect(labels.map(\.regime) == [.underExpressive, .criticallyExpressive, .sufficientlyExpressive])
        #expect(labels[0].reason == "under-expressive: poor level (redundancy_train 0.310 >= 0.2; knn_test_accuracy gap 0.113 below ceiling 0.940 >= 0.1) and significant improvement: width 32->64: redundancy_train -0.237 (Welch t=-12.18, df=3.0, p=0.0012)")
        #expect(labels[0].flagsText == "ci_straddles_threshold")
        #expect(labels[1].reason == "critically-expressive: between thresholds (redundancy_train 0.073 between 0.05 and 0.2; knn_test_accuracy gap 0.020 below ceiling 0.940 <= 0.03); largest change width 64->128: redundancy_train -0.053 (Welch t=-5.06, df=3.4, p=0.011)")
        #expect(labels[1].flagsText == "ci_straddles_threshold")
        #expect(labels[2].reason == "sufficiently-expressive by level alone (redundancy_train 0.020 <= 0.05; knn_test_accuracy gap 0.000 below ceiling 0.940 <= 0.03); no larger neighbour along width")
        #expect(labels[2].flagsText == "edge_of_grid(width)")
    }
}
