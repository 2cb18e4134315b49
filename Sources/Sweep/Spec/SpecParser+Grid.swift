import Yams

extension SpecParser {
    /// The most points a grid may have before exclusions (expansion holds them all in memory).
    static let maximumPoints = 10_000_000

    /// Every name allowed as a key of `grid:`.
    static var gridKeys: [String] { ["epochs", "seed", "zip", "exclude"] + SpecField.all.map(\.key) }

    /// Reads `grid:`: the axes alone, the zip groups, the exclusions and the epochs.
    func parseGrid(_ entry: SpecReader.Entry) -> SweepGrid? {
        guard let entries = reader.entries(entry.value, path: "grid", allowed: Self.gridKeys) else { return nil }
        var dimensions: [GridDimension] = []
        var sweptAt: [String: SpecReader.Entry] = [:]
        var epochs: [Int]?
        var exclusionEntry: SpecReader.Entry?
        var failed = false

        for item in entries {
            switch item.key {
            case "epochs":
                epochs = parseEpochs(item)
                failed = failed || epochs == nil
            case "exclude":
                exclusionEntry = item
            case "zip":
                guard let groups = reader.items(item.value, path: item.path,
                                                what: "a list of zip groups, each a mapping of axis names to equally long value lists")
                else { failed = true; continue }
                for (index, group) in groups.enumerated() {
                    let groupPath = "\(item.path)[\(index)]"
                    guard let members = reader.entries(group, path: groupPath, allowed: SpecField.all.map(\.key) + ["seed"])
                    else { failed = true; continue }
                    var axes: [GridAxis] = []
                    for member in members where claim(member, sweptAt: &sweptAt) {
                        if let axis = parseAxis(member) { axes.append(axis) } else { failed = true }
                    }
                    guard axes.count == members.count, !axes.isEmpty else { failed = true; continue }
                    if Set(axes.map(\.values.count)).count > 1 {
                        let lengths = axes.map { "\($0.name) has \($0.values.count)" }.joined(separator: ", ")
                        reader.report(group, groupPath, "zipped axes must have equally many values, but \(lengths)")
                        failed = true
                        continue
                    }
                    dimensions.append(GridDimension(axes: axes, isZip: true))
                }
            default:
                guard claim(item, sweptAt: &sweptAt) else { failed = true; continue }
                if let axis = parseAxis(item) { dimensions.append(GridDimension(axes: [axis], isZip: false)) } else { failed = true }
            }
        }
        if epochs == nil, !entries.contains(where: { $0.key == "epochs" }) {
            reader.report(entry.value, "grid.epochs", "missing; expected the epochs at which to measure, e.g. epochs: [0, 1, 5, 10]")
            failed = true
        }
        if sweptAt["seed"] == nil {  // every point has a seed: train.seed (default 0) unless swept
            dimensions.append(GridDimension(axes: [GridAxis(name: "seed", values: [.int(base.seed)])], isZip: false))
        }
        var exclusions: [GridExclusion] = []
        if let exclusionEntry {
            let axes = Dictionary(dimensions.flatMap(\.axes).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let parser = ExclusionParser(reader: reader, axes: axes, sweptNames: Set(sweptAt.keys).union(["seed"]))
            if let parsed = parser.parse(exclusionEntry) { exclusions = parsed } else { failed = true }
        }
        sweptInGrid = sweptAt
        guard !failed, let epochs else { return nil }
        var points = 1
        for dimension in dimensions {
            let (product, overflow) = points.multipliedReportingOverflow(by: dimension.count)
            guard !overflow, product <= Self.maximumPoints else {
                reader.report(entry.value, "grid", "the axes multiply to more than \(Self.maximumPoints) points; "
                              + "split the sweep or use zip and exclude to keep the points that matter")
                return nil
            }
            points = product
        }
        return SweepGrid(epochs: epochs, dimensions: dimensions, exclusions: exclusions)
    }

    /// Records that `item` sweeps its axis; reports an axis swept twice (alone and in a zip, or in two zips).
    private func claim(_ item: SpecReader.Entry, sweptAt: inout [String: SpecReader.Entry]) -> Bool {
        if let earlier = sweptAt[item.key] {
            reader.report(item.keyNode, item.path, "\(item.key) is already swept at \(earlier.path) (line \(earlier.keyNode.mark?.line ?? 0)); "
                          + "an axis is swept either alone or in one zip group")
            return false
        }
        sweptAt[item.key] = item
        return true
    }

    private func parseEpochs(_ item: SpecReader.Entry) -> [Int]? {
        guard let axis = AxisValuesParser(reader: reader, path: item.path, kind: .integer(minimum: 0), what: "epochs")
            .parse(item.value, distinct: false) else { return nil }
        let epochs = axis.values.map(\.integer)
        for index in epochs.indices.dropFirst() where epochs[index] <= epochs[index - 1] {
            reader.report(at: axis.marks[index], axis.paths[index],
                          "found \(epochs[index]) after \(epochs[index - 1]), expected strictly increasing epochs")
            return nil
        }
        return epochs
    }

    private func parseAxis(_ item: SpecReader.Entry) -> GridAxis? {
        if item.key == "seed" {
            if let count = SpecReader.integer(item.value) {
                guard count >= 1 else {
                    reader.report(item.value, item.path, "found \(count), expected a seed count >= 1 or a list of seeds")
                    return nil
                }
                let values = (0..<count).map { AxisValue.int($0) }
                return GridAxis(name: "seed", values: values, marks: values.map { _ in item.value.mark },
                                paths: values.map { _ in item.path })
            }
            return AxisValuesParser(reader: reader, path: item.path, kind: .integer(minimum: 0), what: "seed").parse(item.value, distinct: true)
        }
        let field = SpecField.axis(item.key)!
        guard field.section != "metrics" else {
            reader.report(item.keyNode, item.path, "\(field.path) cannot be swept: metric settings are not part of what is "
                          + "trained, every trajectory is measured with one setting; set `\(field.path)` and run "
                          + "`hashsweep measure` to re-measure the stored trajectories with another value")
            return nil
        }
        return AxisValuesParser(reader: reader, path: item.path, kind: field.kind, what: item.key).parse(item.value, distinct: true)
    }
}
