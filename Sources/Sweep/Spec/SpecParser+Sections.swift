import Yams

extension SpecParser {
    /// Synthetic generator keys of `dataset.synthetic`, their kinds and targets.
    private static let syntheticKeys: [(key: String, kind: FieldKind, apply: @Sendable (inout SyntheticDataConfiguration, AxisValue) -> Void)] = [
        ("classes", .integer(minimum: 2), { $0.classes = $1.integer }),
        ("dimension", .integer(minimum: 1), { $0.dimension = $1.integer }),
        ("train_size", .integer(minimum: 1), { $0.trainSize = $1.integer }),
        ("test_size", .integer(minimum: 1), { $0.testSize = $1.integer }),
        ("seed", .integer(minimum: 0), { $0.seed = $1.integer }),
        ("clusters_per_class", .integer(minimum: 1), { $0.clustersPerClass = $1.integer }),
        ("latent_dimension", .integer(minimum: 1), { $0.latentDimension = $1.integer }),
        ("cluster_spread", .real(.atLeast(0)), { $0.clusterSpread = $1.real }),
        ("feature_noise", .real(.atLeast(0)), { $0.featureNoise = $1.real }),
    ]

    /// Learning-rate schedules that need the total number of epochs, which trajectories forbid.
    static let totalEpochSchedules = ["cosine", "cosine_annealing", "linear", "linear_decay", "polynomial", "poly",
                                      "onecycle", "one_cycle", "warmup_cosine", "triangular", "inverse_sqrt_total"]
    /// Schedule keys that only make sense with a known total.
    static let totalEpochKeys = ["total_epochs", "max_epochs", "t_max", "total_steps", "epochs", "num_epochs"]

    static let metricSteps = ["redundancy", "knn", "kmeans", "logistic"]

    func parseDataset(_ entry: SpecReader.Entry) {
        var sawName = false
        var syntheticEntry: SpecReader.Entry?
        parseFields(entry, extraKeys: ["name", "path", "synthetic", "images"]) { item in
            switch item.key {
            case "name":
                sawName = true
                if let value = reader.value(item.value, path: item.path, kind: .choice(DatasetFacts.names)) {
                    base.dataset = value.word
                }
            case "path":
                base.datasetPath = reader.text(item.value, path: item.path, what: "a folder path")
            case "images":
                structuredEntries["images"] = item
            default:
                syntheticEntry = item
            }
        }
        guard case .mapping = entry.value else { return }
        if !sawName {
            reader.report(entry.value, "dataset.name", "missing; expected one of " + DatasetFacts.names.joined(separator: ", "))
        }
        if let images = structuredEntries["images"] {
            if base.dataset == "synthetic-images" || !sawName { parseImages(images) } else {
                reader.report(images.keyNode, images.path,
                              "image generator settings are only allowed with name: synthetic-images (found name: \(base.dataset))")
            }
        }
        if let syntheticEntry {
            guard base.dataset == "synthetic" || !sawName else {
                reader.report(syntheticEntry.keyNode, syntheticEntry.path,
                              "generator settings are only allowed with name: synthetic (found name: \(base.dataset))")
                return
            }
            parseSynthetic(syntheticEntry)
        } else if base.dataset == "synthetic" {
            base.synthetic = SyntheticDataConfiguration()
        }
    }

    private func parseSynthetic(_ entry: SpecReader.Entry) {
        var settings = SyntheticDataConfiguration()
        let keys = Self.syntheticKeys
        guard let entries = reader.entries(entry.value, path: entry.path, allowed: keys.map(\.key)) else { return }
        for item in entries {
            let key = keys.first { $0.key == item.key }!
            if let value = reader.value(item.value, path: item.path, kind: key.kind) {
                key.apply(&settings, value)
            }
        }
        base.synthetic = settings
    }

    func parseTrain(_ entry: SpecReader.Entry) {
        parseFields(entry, extraKeys: ["schedule", "augment"]) { item in
            if item.key == "augment" { parseAugment(item) } else { parseSchedule(item) }
        }
    }

    private func parseSchedule(_ entry: SpecReader.Entry) {
        let allowed = "constant, or step (as schedule: {type: step, every: 20, gamma: 0.1})"
        let typeNode: Node
        var entries: [SpecReader.Entry] = []
        if case .mapping = entry.value {
            guard let items = reader.entries(entry.value, path: entry.path, allowed: ["type", "every", "gamma"] + Self.totalEpochKeys)
            else { return }
            entries = items
            for item in items where Self.totalEpochKeys.contains(item.key) {
                reader.report(item.keyNode, item.path, "a schedule cannot depend on the total number of epochs: "
                              + Self.whyNoTotalEpochs + "; use " + allowed)
            }
            guard let type = items.first(where: { $0.key == "type" }) else {
                reader.report(entry.value, entry.path + ".type", "missing; expected " + allowed)
                return
            }
            typeNode = type.value
        } else {
            typeNode = entry.value
        }
        let typePath = entries.isEmpty ? entry.path : entry.path + ".type"
        guard let type = reader.text(typeNode, path: typePath, what: allowed) else { return }
        if Self.totalEpochSchedules.contains(type.lowercased()) {
            reader.report(typeNode, typePath, "found \(type), a schedule that depends on the total number of epochs: "
                          + Self.whyNoTotalEpochs + "; use " + allowed)
            return
        }
        guard type == "constant" || type == "step" else {
            reader.report(typeNode, typePath, "found \(SpecReader.describe(typeNode))"
                          + SpecReader.suggestion(for: type, among: ["constant", "step"]) + ", expected " + allowed)
            return
        }
        base.schedule = type
        for item in entries where item.key == "every" || item.key == "gamma" {
            guard type == "step" else {
                reader.report(item.keyNode, item.path, "only allowed with type: step")
                continue
            }
            if item.key == "every" {
                base.stepEvery = reader.value(item.value, path: item.path, kind: .integer(minimum: 1))?.integer ?? base.stepEvery
            } else {
                base.stepGamma = reader.value(item.value, path: item.path, kind: .real(.open(0, 1)))?.real ?? base.stepGamma
            }
        }
    }

    /// Why trajectories forbid schedules that know the last epoch.
    static let whyNoTotalEpochs = "each trajectory is trained once and measured at every epoch of grid.epochs, "
        + "so the learning rate at an epoch must not depend on the last one (and adding epochs later must not change earlier ones)"

    func parseMetrics(_ entry: SpecReader.Entry) {
        var run = Set(Self.metricSteps)
        var skip: Set<String> = []
        parseFields(entry, extraKeys: ["run", "skip", "codes"]) { item in
            if item.key == "codes" {
                parseCodes(item)
            } else if item.key == "run", let word = SpecReader.word(item.value), word == "all" || word == "none" {
                run = word == "all" ? Set(Self.metricSteps) : []
            } else if let names = metricNames(item) {
                if item.key == "run" { run = names } else { skip = names }
            }
        }
        let measured = Self.metricSteps.filter { run.contains($0) && !skip.contains($0) }
        base.metrics = measured.count == Self.metricSteps.count ? ["all"] : measured
    }

    private func metricNames(_ item: SpecReader.Entry) -> Set<String>? {
        let expected = (item.key == "run" ? "all, none, or " : "") + "a list of " + Self.metricSteps.joined(separator: ", ")
        guard let nodes = reader.items(item.value, path: item.path, what: expected) else { return nil }
        var names: Set<String> = []
        for (index, node) in nodes.enumerated() {
            if let name = reader.value(node, path: "\(item.path)[\(index)]", kind: .choice(Self.metricSteps)) {
                names.insert(name.word)
            }
        }
        return names
    }
}
