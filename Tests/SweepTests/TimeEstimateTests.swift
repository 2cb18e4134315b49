import Foundation
import Testing
@testable import Sweep

/// One time estimate for plan, status and the progress bar: the compute left over a cost model
/// fitted to stored measurements, or calibrated on this machine before there are any.
@Suite("Time left: one cost model for plan, status and the progress bar", .serialized)
struct TimeEstimateTests {
    static let specText = """
        name: estimate
        dataset:
          name: synthetic
          synthetic: {train_size: 300, test_size: 100}
        metrics: {run: none}
        grid:
          epochs: [1, 3]
          width: [8, 16]

        """

    @Test("the stored model is the estimated FLOPs behind the measurements over their seconds, training and measuring apart")
    func fittedModel() throws {
        let trajectories = Array(try validSpec(Self.specText).trajectories)
        let first = trajectories[0]
        let stored = [first.id: [MeasurementTime(epoch: 1, trainSeconds: 2, measureSeconds: 0.5)]]
        let estimate = try #require(SweepTimeEstimate.make(trajectories: trajectories, stored: stored, workers: 2) { nil })
        let done = ComputeEstimate(configuration: first.configuration, epochs: [1], after: nil)
        #expect(estimate.model == CostModel(trainingRate: done.trainingFLOPs / 2, measuringRate: done.measurementFLOPs / 0.5,
                                            source: .stored(measurements: 1)))
        let left = ComputeEstimate(configuration: first.configuration, epochs: [1, 3], after: 1) + ComputeEstimate(trajectory: trajectories[1])
        #expect(estimate.left == left)
        let oneWorker = left.trainingFLOPs / estimate.model.trainingRate + left.measurementFLOPs / estimate.model.measuringRate
        #expect(abs(estimate.seconds - oneWorker / 2) <= 1e-9 * oneWorker)
        #expect(estimate.description.hasSuffix("at 2 workers (cost model fitted to 1 stored measurement)"))
        // Nothing stored and no calibration: no estimate rather than a guess.
        #expect(SweepTimeEstimate.make(trajectories: trajectories, stored: [:], workers: 2) { nil } == nil)
    }

    /// A database of the spec with epoch 1 of one trajectory measured (2 s training, 0.5 s measuring).
    static func partialDatabase(spec: SweepSpec, path: String) throws {
        let store = try SweepStore.openOrCreate(path: path)
        try store.synchronize(with: SweepDefinition(spec: spec, toolVersion: "test"))
        let claim = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        try store.record(MeasurementInput(epoch: 1, metrics: [("accuracy", 0.5)], trainSeconds: 2, measureSeconds: 0.5),
                         checkpoint: Data("cp".utf8), for: claim)
    }

    @Test("plan and status print the same time left for the same database and -j")
    func planAndStatusAgree() throws {
        let folder = try TemporaryFolder()
        let specPath = folder.file("estimate.yaml")
        try Self.specText.write(toFile: specPath, atomically: true, encoding: .utf8)
        let database = folder.file("results/estimate/sweep.sqlite")
        try FileManager.default.createDirectory(atPath: folder.file("results/estimate"), withIntermediateDirectories: true)
        try Self.partialDatabase(spec: try SweepSpec.load(path: specPath), path: database)
        let plan = try HashSweepProcess.run(["plan", specPath, "-j", "3"], in: folder)
        let status = try HashSweepProcess.run(["status", database, "-j", "3"], in: folder)
        let planLine = plan.output.split(separator: "\n").first { $0.hasPrefix("time left: ") }
        let statusLine = status.output.split(separator: "\n").first { $0.hasPrefix("time left: ") }
        #expect(planLine != nil && planLine == statusLine, "plan:\n\(plan.output)\nstatus:\n\(status.output)")
        #expect(planLine?.hasSuffix("at 3 workers (cost model fitted to 1 stored measurement)") == true)
    }

    @Test("before the first run, plan calibrates (cached for the machine) and status on the new database agrees")
    func calibratedBeforeFirstRun() throws {
        let folder = try TemporaryFolder()
        let cache = ["XDG_CACHE_HOME": folder.file("cache")]
        let specPath = folder.file("estimate.yaml")
        try Self.specText.write(toFile: specPath, atomically: true, encoding: .utf8)
        let plan = try HashSweepProcess.run(["plan", specPath, "-j", "2"], in: folder, environment: cache)
        let planLine = plan.output.split(separator: "\n").first { $0.hasPrefix("time left: ") }
        #expect(planLine?.hasSuffix("at 2 workers (cost model calibrated on this machine; no measurement stored yet)") == true,
                "\(plan.output)\n\(plan.error)")
        let cached = try FileManager.default.contentsOfDirectory(atPath: folder.file("cache/hashsweep"))
        #expect(cached.count == 1 && cached[0].hasPrefix("calibration-"))

        let database = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: database)
        try store.synchronize(with: SweepDefinition(spec: try SweepSpec.load(path: specPath), toolVersion: "test"))
        let status = try HashSweepProcess.run(["status", database, "-j", "2"], in: folder, environment: cache)
        let statusLine = status.output.split(separator: "\n").first { $0.hasPrefix("time left: ") }
        #expect(statusLine == planLine, "\(status.output)")
    }

    @Test("the progress bar shows the estimate it is given, as plan and status print it")
    func progressBarShowsTheEstimate() throws {
        let trajectories = Array(try validSpec(Self.specText).trajectories)
        let model = CostModel(trainingRate: 1e9, measuringRate: 1e8, source: .calibration)
        let estimate = try #require(SweepTimeEstimate.make(trajectories: trajectories, stored: [:], workers: 2) { model })
        let display = ProgressDisplay(isTerminal: false, plainInterval: 1_000)
        let summary = StatusSummary(counts: [.pending: 4], retired: 0, requestedMeasurements: 8, doneMeasurements: 0,
                                    requestedEpochs: 12, trainedEpochs: 0, computeSeconds: 0, failures: [], running: [])
        display.update(summary, estimate: estimate)
        #expect(display.headline(summary, now: 0).hasSuffix(" | left " + estimate.description))
    }
}
