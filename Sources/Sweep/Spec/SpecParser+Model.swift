import Models
import Yams

extension SpecParser {
    /// Keys of `dataset.images` (the synthetic image generator), their kinds and targets.
    private static let imageKeys: [(key: String, kind: FieldKind, apply: @Sendable (inout SyntheticImageConfiguration, AxisValue) -> Void)] = [
        ("classes", .integer(minimum: 2), { $0.classes = $1.integer }),
        ("channels", .choice(["1", "3"]), { $0.channels = Int($1.word) ?? 1 }),
        ("side", .integer(minimum: 8), { $0.side = $1.integer }),
        ("train_size", .integer(minimum: 1), { $0.trainSize = $1.integer }),
        ("test_size", .integer(minimum: 1), { $0.testSize = $1.integer }),
        ("seed", .integer(minimum: 0), { $0.seed = $1.integer }),
        ("noise", .real(.atLeast(0)), { $0.noise = $1.real }),
    ]

    func parseImages(_ entry: SpecReader.Entry) {
        var settings = SyntheticImageConfiguration()
        let keys = Self.imageKeys
        guard let entries = reader.entries(entry.value, path: entry.path, allowed: keys.map(\.key)) else { return }
        for item in entries {
            let key = keys.first { $0.key == item.key }!
            if key.key == "channels" {
                // Numbers, not words: accept 1 or 3 written as integers.
                if let value = reader.value(item.value, path: item.path, kind: .integer(minimum: 1)), [1, 3].contains(value.integer) {
                    settings.channels = value.integer
                } else {
                    reader.report(item.value, item.path, "found \(SpecReader.describe(item.value)), expected 1 (grey) or 3 (colour)")
                }
                continue
            }
            if let value = reader.value(item.value, path: item.path, kind: key.kind) { key.apply(&settings, value) }
        }
        if settings.classes > 20 { reader.report(entry.value, entry.path + ".classes", "at most 20 image classes; got \(settings.classes)") }
        base.images = settings
    }

    /// `train.augment: {shift: 0.1, flip: true, rotate: 15}`.
    func parseAugment(_ entry: SpecReader.Entry) {
        structuredEntries["augment"] = entry
        guard let entries = reader.entries(entry.value, path: entry.path, allowed: ["shift", "flip", "rotate"],
                                           what: "a mapping such as {shift: 0.1, flip: true, rotate: 15}") else { return }
        var augment = AugmentConfiguration()
        for item in entries {
            switch item.key {
            case "shift": augment.shift = reader.value(item.value, path: item.path, kind: .real(.closed(0, 0.5)))?.real ?? 0
            case "flip": augment.flip = reader.value(item.value, path: item.path, kind: .flag)?.flag ?? false
            default: augment.rotate = reader.value(item.value, path: item.path, kind: .real(.closed(0, 180)))?.real ?? 0
            }
        }
        base.augment = augment
    }

    /// `metrics.codes: all | conv | fc | [layer names]`.
    func parseCodes(_ entry: SpecReader.Entry) {
        structuredEntries["codes"] = entry
        let expected = "all, conv, fc, or a list of layer names such as [conv12, fc1]"
        if let word = SpecReader.word(entry.value) {
            guard ["all", "conv", "fc"].contains(word) else {
                reader.report(entry.value, entry.path, "found \(word), expected \(expected)")
                return
            }
            base.codes = word
            return
        }
        guard let nodes = reader.items(entry.value, path: entry.path, what: expected) else { return }
        let names = nodes.enumerated().compactMap { reader.text($0.element, path: "\(entry.path)[\($0.offset)]", what: "a layer name") }
        guard !names.isEmpty else {
            reader.report(entry.value, entry.path, "the list is empty; expected \(expected)")
            return
        }
        base.codes = names.joined(separator: ",")
    }

    /// Checks what depends on the model family: keys of another family, a VGG's variant, image
    /// data for convolutional families, augmentation on images, and code layer names.
    func checkFamilies(grid: SweepGrid, modelSection: SpecReader.Entry?) {
        let axes = grid.dimensions.flatMap(\.axes)
        let familyNames = axes.first { $0.name == "family" }.map { Set($0.values.map(\.word)) } ?? [base.family ?? MLPFamily.familyName]
        let families = ModelFamilies.all.filter { familyNames.contains($0.name) }
        let applicable = Set(families.flatMap(\.ownKeys))
        let used = familyNames.sorted().joined(separator: ", ")
        for key in ModelFamilies.familyKeys.sorted() where !applicable.contains(key) {
            guard let entry = setInSections[key] ?? sweptInGrid[key] else { continue }
            let owners = ModelFamilies.all.filter { $0.ownKeys.contains(key) }.map(\.name).joined(separator: ", ")
            reader.report(entry.keyNode, entry.path, "\(key) does not apply to family \(used) (it is a key of \(owners)); "
                          + "remove it, or set model.family")
        }
        let facts = DatasetFacts(of: base)
        for family in families where !family.variants.isEmpty && base.variant == nil && sweptInGrid["variant"] == nil {
            reader.report(modelSection?.keyNode, "model.variant", "missing; family \(family.name) needs a variant: "
                          + family.variants.joined(separator: ", "))
        }
        let variants = axes.first { $0.name == "variant" }.map { $0.values.map(\.word) } ?? base.variant.map { [$0] } ?? []
        let accepted = families.flatMap(\.variants)
        for variant in variants where !accepted.contains(variant) {
            guard let entry = sweptInGrid["variant"] ?? setInSections["variant"] else { break }
            reader.report(entry.value, entry.path, "\(variant) is not a variant of family \(used); expected "
                          + accepted.joined(separator: ", "))
        }
        if familyNames.contains(where: { $0 != MLPFamily.familyName }) && facts.inputShape.isVector {
            reader.report(modelSection?.keyNode, "model.family", "family \(used) needs image data, but dataset \(base.dataset) has vectors "
                          + "of \(facts.inputDimension) features; use mnist, fashion-mnist, cifar10 or synthetic-images")
        }
        if let entry = structuredEntries["augment"], base.augment != nil, facts.inputShape.isVector {
            reader.report(entry.keyNode, entry.path, "augmentation needs image data; dataset \(base.dataset) has vectors of \(facts.inputDimension) features")
        }
        checkCodeNames(families: families, facts: facts)
    }

    /// Layer names in `metrics.codes` must be coded blocks of every family's network.
    private func checkCodeNames(families: [any ModelFamily], facts: DatasetFacts) {
        guard let entry = structuredEntries["codes"], case .layers = base.codeSelection else { return }
        for family in families {
            var configuration = base
            configuration.family = family.name == MLPFamily.familyName ? nil : family.name
            configuration = family.normalized(configuration)
            if configuration.variant == nil, !family.variants.isEmpty { continue }  // reported above
            guard family.problem(configuration, inputShape: facts.inputShape) == nil,
                  let network = try? family.network(configuration, inputShape: facts.inputShape, classCount: facts.classes) else { continue }
            if case .failure(let unknown) = base.codeSelection.select(from: network.sizes.codeGroups) {
                reader.report(entry.value, entry.path, "no coded layer named \(unknown.names.joined(separator: ", ")) in the \(family.name) network; "
                              + "its layers are " + unknown.known.joined(separator: ", "))
            }
        }
    }
}
