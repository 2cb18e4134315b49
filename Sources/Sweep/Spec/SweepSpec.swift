import Crypto
import Foundation
import Yams

/// A parsed and validated sweep spec (`sweeps/NAME.yaml`) and the trajectories it expands to.
///
/// ```swift
/// let spec = try SweepSpec.load(path: "sweeps/example.yaml")
/// for trajectory in spec.trajectories { ... }   // ids are content hashes
/// ```
///
/// A spec either parses completely or throws a ``SpecError`` listing every
/// problem found (file:line:column, key path, what was found, what is allowed);
/// a spec that fails never yields trajectories, so nothing is written for it.
public struct SweepSpec: Sendable {
    /// The file name used in messages (as given to ``load(path:)`` or ``init(parsing:file:)``).
    public let file: String
    /// The spec's text, exactly as read.
    public let text: String
    /// Hex SHA-256 (64 digits) of ``text``'s UTF-8 bytes.
    public let hash: String
    /// The sweep's name: a safe folder name (results go to `results/<name>/`).
    public let name: String
    /// The configuration the sections give, before grid values are applied and before normalisation.
    public let base: TrajectoryConfiguration
    /// The swept axes, their zips and exclusions, and the epochs.
    public let grid: SweepGrid
    /// The phase chart's settings.
    public let phase: PhaseSettings
    /// How the sweep is run.
    public let execution: ExecutionSettings
    /// Every point of the grid, in a deterministic order (the last axis varies fastest), with distinct ids.
    public let trajectories: TrajectoryList

    /// The epochs at which every trajectory is measured.
    public var epochs: [Int] { grid.epochs }

    /// Reads and validates the spec at `path`; messages name the file as `path` is spelt.
    public static func load(path: String) throws(SpecError) -> SweepSpec {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isFolder.boolValue {
            let specs = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            let hint = specs.isEmpty ? "" : " (it holds \(specs.prefix(3).map { (path as NSString).appendingPathComponent($0) }.joined(separator: ", "))\(specs.count > 3 ? ", ..." : ""))"
            throw .unreadable(file: path, reason: "it is a folder; give a spec file (YAML)\(hint)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "the file is not UTF-8 text")
        }
        return try SweepSpec(parsing: text, file: path)
    }

    /// Parses and validates `text`; `file` is the name used in messages.
    public init(parsing text: String, file: String) throws(SpecError) {
        let reader = SpecReader(file: file)
        let parsed = SpecParser(reader: reader).parse(text)
        guard reader.diagnostics.isEmpty, let parsed else { throw .invalid(Self.ordered(reader.diagnostics)) }
        let expansion = GridExpansion(base: parsed.base, grid: parsed.grid, reader: reader,
                                      samplesMark: parsed.samplesMark, gridMark: parsed.gridMark)
        let trajectories = expansion.trajectories()
        guard reader.diagnostics.isEmpty else { throw .invalid(Self.ordered(reader.diagnostics)) }
        self.file = file
        self.text = text
        self.hash = SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        self.name = parsed.name
        self.base = parsed.base
        self.grid = parsed.grid
        self.phase = parsed.phase
        self.execution = parsed.execution
        self.trajectories = trajectories
    }

    /// Diagnostics sorted by place (those without a place first), keeping report order within a place.
    private static func ordered(_ diagnostics: [SpecDiagnostic]) -> [SpecDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}

/// The sections of a spec that parsed without problems, before expansion.
struct ParsedSpec {
    var name: String
    var base: TrajectoryConfiguration
    var grid: SweepGrid
    var phase: PhaseSettings
    var execution: ExecutionSettings
    /// Where `dataset.samples` was set, if it was.
    var samplesMark: Mark?
    /// Where `grid:` starts.
    var gridMark: Mark?
}
