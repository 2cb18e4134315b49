import Yams

/// Reads a spec's sections into a ``ParsedSpec``, reporting every problem to its ``SpecReader``.
///
/// Sections are read independently, so one bad section does not hide the
/// problems of another; checks that need a value that failed are skipped.
final class SpecParser {
    /// The top-level keys.
    static let sections = ["name", "dataset", "model", "train", "metrics", "grid", "phase", "execution"]

    let reader: SpecReader
    /// The configuration the sections give, before grid values.
    var base = TrajectoryConfiguration()
    /// Scalar fields set in their section, by key (grid values override them).
    var setInSections: [String: SpecReader.Entry] = [:]
    /// The grid's axes, by key, where they are swept.
    var sweptInGrid: [String: SpecReader.Entry] = [:]
    /// Where the structured settings were given (`train.augment`, `metrics.codes`, `dataset.images`).
    var structuredEntries: [String: SpecReader.Entry] = [:]

    init(reader: SpecReader) {
        self.reader = reader
    }

    /// The parsed spec, or nil when `text` has problems (all of them reported).
    func parse(_ text: String) -> ParsedSpec? {
        guard let root = compose(text) else { return nil }
        guard let entries = reader.entries(root, path: "", allowed: Self.sections,
                                           what: "a mapping of sections (name, dataset, model, train, metrics, grid, phase, execution)")
        else { return nil }
        let section = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        let name = section["name"].flatMap(parseName)
        if section["name"] == nil {
            reader.report(root, "name", "missing; every spec needs a name (a folder name such as mnist-width-epochs)")
        }
        if let dataset = section["dataset"] {
            parseDataset(dataset)
        } else {
            reader.report(root, "dataset", "missing; expected a dataset section with name: "
                          + DatasetFacts.names.joined(separator: " | "))
        }
        section["model"].map { parseFields($0, extraKeys: []) { _ in } }
        section["train"].map(parseTrain)
        section["metrics"].map(parseMetrics)
        let execution = section["execution"].map(parseExecution) ?? ExecutionSettings()
        guard let gridEntry = section["grid"] else {
            reader.report(root, "grid", "missing; expected a grid section with at least epochs (e.g. epochs: [0, 1, 5])")
            return nil
        }
        let grid = parseGrid(gridEntry)
        let phase = section["phase"].map { parsePhase($0, grid: grid) } ?? PhaseSettings()
        if let grid { checkFamilies(grid: grid, modelSection: section["model"]) }
        guard let name, let grid, reader.diagnostics.isEmpty else { return nil }
        return ParsedSpec(name: name, base: base, grid: grid, phase: phase, execution: execution,
                          samplesMark: setInSections["samples"]?.value.mark, gridMark: gridEntry.value.mark)
    }

    /// The document's root node; reports YAML syntax errors and empty files.
    private func compose(_ text: String) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            reportSyntax(error)
            return nil
        } catch {
            reader.report(nil, "", "invalid YAML: \(error)")
            return nil
        }
        guard let root else {
            reader.report(nil, "", "the spec is empty; expected a mapping with name, dataset and grid (see hashsweep spec --example)")
            return nil
        }
        return root
    }

    private func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            reader.report(at: mark, "", "invalid YAML: \(problem)\(contextText)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            reader.report(at: context.mark, "", "invalid YAML: the key \(duplicates.joined(separator: ", ")) appears twice in one mapping")
        default:
            reader.report(nil, "", "invalid YAML: \(error)")
        }
    }

    private func parseName(_ entry: SpecReader.Entry) -> String? {
        let expected = "a folder name: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters"
        guard let name = reader.text(entry.value, path: "name", what: expected) else { return nil }
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        let first = name.unicodeScalars.first!
        guard allowed, name.count <= 100, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            reader.report(entry.value, "name", "found \(SpecReader.describe(entry.value)), expected \(expected)")
            return nil
        }
        return name
    }

    /// Reads a section of scalar fields (``SpecField``) plus `extraKeys`, handed to `special`.
    func parseFields(_ entry: SpecReader.Entry, extraKeys: [String], special: (SpecReader.Entry) -> Void) {
        let fields = SpecField.all.filter { $0.section == entry.key }
        guard let entries = reader.entries(entry.value, path: entry.key, allowed: extraKeys + fields.map(\.key)) else { return }
        for item in entries {
            guard let field = fields.first(where: { $0.key == item.key }) else {
                special(item)
                continue
            }
            if let value = reader.value(item.value, path: item.path, kind: field.kind) {
                field.apply(&base, value)
                setInSections[field.key] = item
            }
        }
    }

    private func parseExecution(_ entry: SpecReader.Entry) -> ExecutionSettings {
        var settings = ExecutionSettings()
        guard let entries = reader.entries(entry.value, path: entry.key, allowed: ["workers", "max_attempts", "lease_seconds", "checkpoints"])
        else { return settings }
        for item in entries {
            switch item.key {
            case "workers":
                settings.workers = reader.value(item.value, path: item.path, kind: .integer(minimum: 1))?.integer
            case "max_attempts":
                settings.maxAttempts = reader.value(item.value, path: item.path, kind: .integer(minimum: 1))?.integer ?? settings.maxAttempts
            case "lease_seconds":
                settings.leaseSeconds = reader.value(item.value, path: item.path, kind: .integer(minimum: 5))?.integer ?? settings.leaseSeconds
            case "checkpoints":
                let word = reader.value(item.value, path: item.path, kind: .choice(CheckpointRetention.allCases.map(\.rawValue)))?.word
                settings.checkpoints = word.flatMap(CheckpointRetention.init(rawValue:)) ?? settings.checkpoints
            default:
                preconditionFailure("SpecParser: execution key \(item.key) passed the allowed-key check")
            }
        }
        return settings
    }
}
