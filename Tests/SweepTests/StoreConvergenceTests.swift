import Foundation
import Testing
@testable import Sweep

@Suite("Logistic regression convergence in the store")
struct StoreConvergenceTests {
    @Test("measurements whose logistic regression did not converge are counted, retired ones left out")
    func countsUnconverged() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        let trajectories = StoreFixtures.trajectories(count: 3, epochs: [0, 1])
        try store.synchronize(with: StoreFixtures.definition(trajectories))
        #expect(try store.logisticConvergence() == (0, 0))
        var converged = [1.0, 0.0, 1.0, 1.0, 0.0, 0.0].makeIterator()
        while let claim = try store.claimNext(for: StoreFixtures.worker("w")) {
            for epoch in claim.epochsToMeasure {
                let metrics = [("logistic_test_accuracy", 0.5), ("logistic_converged", converged.next()!)]
                try store.record(MeasurementInput(epoch: epoch, metrics: metrics, trainSeconds: 0, measureSeconds: 0),
                                 checkpoint: Data([1]), for: claim)
            }
            try store.finish(claim)
        }
        let (measured, unconverged) = try store.logisticConvergence()
        #expect(measured == 6 && unconverged == 3)
        try store.synchronize(with: StoreFixtures.definition(Array(trajectories.prefix(1)), hash: "spec-2"))
        let retiredLeftOut = try store.logisticConvergence()
        #expect(retiredLeftOut.measured == 2)
    }
}
