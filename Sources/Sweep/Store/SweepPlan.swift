import Foundation
import GRDB

/// What running a spec would do to a sweep database, group by group, with the configuration
/// keys that cause each group: computed from the store without writing to it (`hashsweep plan`).
///
/// The groups follow ``SweepStore/synchronize(with:replacingOwner:)`` and ``TrajectoryWork``:
/// trajectories new to the store, done ones with newly requested epochs (extended), measured
/// epochs to re-measure (from kept checkpoints, or by training again), and stored trajectories
/// the spec no longer has (retired).
public struct SweepPlan: Sendable {
    /// One group of trajectories and why it is there.
    public struct Group: Sendable, Equatable {
        /// Trajectories in the group.
        public var trajectories = 0
        /// Measurements the group's work takes (new or re-measured).
        public var measurements = 0
        /// The causes, e.g. "`lr` changed 0.003 -> 0.01", most common first.
        public var reasons: [String] = []
    }

    /// Trajectories not in the store yet.
    public var new = Group()
    /// Stored trajectories with newly requested epochs.
    public var extended = Group()
    /// Stored trajectories with epochs to re-measure from kept checkpoints (no training).
    public var remeasuredFromCheckpoints = Group()
    /// Stored trajectories with epochs to re-measure whose checkpoints are not kept (trained again).
    public var remeasuredByTraining = Group()
    /// Stored trajectories that the spec no longer has.
    public var retired = Group()
    /// Trajectories with nothing left to do.
    public var finished = 0
    /// The work of every trajectory of the spec, by id.
    public var work: [String: TrajectoryWork] = [:]

    /// The plan for running `trajectories` on a store holding `stored` with `progress`.
    init(trajectories: some Sequence<Trajectory>, stored: [TrajectoryRecord], progress: SweepStore.StoredProgress) throws {
        let storedByID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var newOnes: [TrajectoryConfiguration] = []
        var remeasureChanges: [String: Int] = [:], extendedEpochs = Set<Int>()
        for trajectory in trajectories {
            let work = try progress.work(for: trajectory)
            self.work[trajectory.id] = work
            guard let record = storedByID[trajectory.id] else {
                new.trajectories += 1
                new.measurements += trajectory.epochs.count
                newOnes.append(trajectory.configuration)
                continue
            }
            if work.isEmpty { finished += 1 }
            if !work.newEpochs.isEmpty && !record.isRetired {
                extended.trajectories += 1
                extended.measurements += work.newEpochs.count
                extendedEpochs.formUnion(work.newEpochs.filter { !record.epochs.contains($0) })
            }
            for (group, epochs) in [(\SweepPlan.remeasuredFromCheckpoints, work.fromCheckpoint), (\.remeasuredByTraining, work.byTraining)]
            where !epochs.isEmpty {
                self[keyPath: group].trajectories += 1
                self[keyPath: group].measurements += epochs.count
            }
            let current = try trajectory.configuration.metricSettings().fingerprints
            for (epoch, steps) in work.fromCheckpoint.merging(work.byTraining, uniquingKeysWith: { a, _ in a }) {
                for step in steps {
                    let before = progress.measured[trajectory.id]?[epoch]?[step.rawValue]
                    remeasureChanges[Self.describeChange(step.rawValue, from: before, to: current[step.rawValue]), default: 0] += 1
                }
            }
        }
        if !extendedEpochs.isEmpty {
            extended.reasons = ["`epochs` adds " + extendedEpochs.sorted().map(String.init).joined(separator: ", ")]
        }
        let reasons = remeasureChanges.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        remeasuredFromCheckpoints.reasons = reasons
        remeasuredByTraining.reasons = reasons
        let inSpec = Set(trajectories.map(\.id))
        let leaving = stored.filter { !$0.isRetired && !inSpec.contains($0.id) }.map(\.configuration)
        retired.trajectories = leaving.count
        let staying = stored.filter { !$0.isRetired }.map(\.configuration)
        let specConfigurations = trajectories.map(\.configuration)
        let storedConfigurations = stored.map(\.configuration)
        retired.reasons = ConfigurationDifference.reasonsForRetired(leaving, stored: storedConfigurations, spec: specConfigurations)
        new.reasons = staying.isEmpty ? (stored.isEmpty ? ["first run"] : [])
            : ConfigurationDifference.reasonsForNew(newOnes, stored: staying, spec: specConfigurations)
        if new.trajectories > 0 && new.reasons.isEmpty { new.reasons = ["new combinations of values already swept"] }
    }

    /// "`knn` k=9 -> k=5", "`logistic` v1 -> v2": the parts of one step's fingerprint that changed.
    private static func describeChange(_ step: String, from before: String?, to after: String?) -> String {
        guard let before else { return "`\(step)` not measured before" }
        guard let after else { return "`\(step)` off" }
        let old = before.split(separator: " ").dropFirst(), new = after.split(separator: " ").dropFirst()
        guard old.count == new.count else { return "`\(step)` \(old.joined(separator: " ")) -> \(new.joined(separator: " "))" }
        let changed = zip(old, new).filter { $0 != $1 }
        return "`\(step)` " + changed.map(\.0).joined(separator: " ") + " -> " + changed.map(\.1).joined(separator: " ")
    }
}

extension SweepStore {
    /// What running `trajectories` (a spec's) would do to this store; reads only.
    public func plan(for trajectories: some Sequence<Trajectory>) throws -> SweepPlan {
        let (stored, progress) = try read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM trajectory ORDER BY in_spec DESC, ordinal, id").map(decodeRecord),
             try storedProgress(db))
        }
        return try SweepPlan(trajectories: trajectories, stored: stored, progress: progress)
    }
}
