import Foundation
import Sweep

/// Reads a sweep database into chart measurements, with the phase settings of its spec.
public enum SweepStoreReader {
    /// What a chart needs from a sweep.
    public struct LoadedSweep: Sendable {
        /// The sweep's name (its results folder).
        public var name: String
        /// The `phase:` section of the spec (the given spec's, else the one stored with the sweep).
        public var settings: PhaseSettings
        /// Every measurement of the trajectories in the current spec.
        public var measurements: [ChartMeasurement]
        /// The measurements the current spec asks for, done or not.
        public var requestedMeasurements: Int
    }

    /// Loads the sweep at `databasePath`; `spec`, when given, supplies the phase settings.
    ///
    /// Retired trajectories (no longer in the current spec) are left out. Throws
    /// ``PhaseChartError/noMeasurements(source:)`` for a sweep that has measured nothing yet.
    public static func load(databasePath: String, spec: SweepSpec?) throws(PhaseChartError) -> LoadedSweep {
        let name: String, settings: PhaseSettings, stored: [MeasurementRecord], requested: Int
        do {
            let store = try SweepStore.openReadOnly(path: databasePath)
            guard let revision = try store.currentSweep() else { throw PhaseChartError.noMeasurements(source: databasePath) }
            name = revision.name
            settings = try spec?.phase ?? SweepSpec(parsing: revision.specText, file: "\(databasePath) (stored spec)").phase
            stored = try store.measurements()
            requested = try store.summary().requestedMeasurements
        } catch let error as PhaseChartError {
            throw error
        } catch {
            throw .unreadableStore(path: databasePath, underlying: String(describing: error))
        }
        guard !stored.isEmpty else { throw .noMeasurements(source: databasePath) }
        return LoadedSweep(name: name, settings: settings, measurements: stored.map(ChartMeasurement.init),
                           requestedMeasurements: requested)
    }
}

extension ChartMeasurement {
    /// The chart's view of a stored measurement.
    public init(_ record: MeasurementRecord) {
        self.init(trajectoryID: record.trajectoryID, axes: record.axes, seed: record.seed, epoch: record.epoch,
                  status: record.status.rawValue, specHash: record.specHash, metrics: record.metrics)
    }
}
