import Foundation
import Yams

/// Reads the values of one grid axis: a scalar, a list, or a generator mapping
/// `{linspace: [a, b], num: k}` / `{logspace: [a, b], num: k}` with optional `round: int`.
///
/// Generated values: linspace steps evenly from `a` to `b`; logspace steps evenly
/// in log space between the *values* `a` and `b` (both > 0), so `[10, 48000]` runs
/// from 10 to 48,000. Both endpoints are exact; other values are rounded to 12
/// significant digits (so `{logspace: [0.0001, 0.1], num: 4}` gives exactly 0.001
/// and 0.01), then, with `round: int`, to the nearest integer (halves away from zero).
/// An integer axis needs `round: int` unless every value is already whole.
struct AxisValuesParser {
    let reader: SpecReader
    /// Key path of the axis, e.g. `grid.width`.
    let path: String
    let kind: FieldKind
    /// The axis name, for messages.
    let what: String

    /// The axis, or nil (reported) when any value is wrong; `distinct` rejects repeated values.
    func parse(_ node: Node, distinct: Bool) -> GridAxis? {
        var values: [AxisValue] = [], marks: [Mark?] = [], paths: [String] = []
        switch node {
        case .mapping:
            guard let generated = generate(node) else { return nil }
            values = generated
            marks = values.map { _ in node.mark }
            paths = values.map { _ in path }
        case .sequence(let sequence):
            guard !sequence.isEmpty else {
                reader.report(node, path, "found an empty list, expected at least one value (\(kind.expectation))")
                return nil
            }
            var failed = false
            for (index, item) in sequence.enumerated() {
                let itemPath = "\(path)[\(index)]"
                guard let value = reader.value(item, path: itemPath, kind: kind) else { failed = true; continue }
                values.append(value)
                marks.append(item.mark)
                paths.append(itemPath)
            }
            if failed { return nil }
        default:
            guard let value = reader.value(node, path: path, kind: kind) else { return nil }
            values = [value]
            marks = [node.mark]
            paths = [path]
        }
        if distinct {
            var firstIndex: [AxisValue: Int] = [:]
            for index in values.indices {
                guard let earlier = firstIndex[values[index]] else {
                    firstIndex[values[index]] = index
                    continue
                }
                if case .mapping = node {
                    reader.report(node, path, "the generated values repeat \(values[index]) (round: int makes neighbours equal); "
                                  + "lower num or widen the range, since the values of an axis must be distinct")
                } else {
                    reader.report(at: marks[index], paths[index],
                                  "found \(values[index]) again (also \(paths[earlier])), expected distinct values")
                }
                return nil
            }
        }
        return GridAxis(name: what, values: values, marks: marks, paths: paths)
    }

    /// Values from a linspace / logspace mapping, checked against `kind`.
    private func generate(_ node: Node) -> [AxisValue]? {
        let generators = ["linspace", "logspace"]
        guard let entries = reader.entries(node, path: path, allowed: generators + ["num", "round"],
                                           what: "a list of values or {linspace: [a, b], num: k}") else { return nil }
        let spacing = entries.filter { generators.contains($0.key) }
        guard spacing.count == 1, let generator = spacing.first else {
            reader.report(node, path, spacing.isEmpty ? "missing linspace or logspace; expected {linspace: [a, b], num: k} or {logspace: [a, b], num: k}"
                          : "found both linspace and logspace, expected one of them")
            return nil
        }
        guard kind.isNumeric else {
            reader.report(generator.keyNode, generator.path, "\(what) takes \(kind.expectation), but \(generator.key) generates numbers; list the values instead")
            return nil
        }
        guard let numEntry = entries.first(where: { $0.key == "num" }) else {
            reader.report(node, path + ".num", "missing; expected the number of values, an integer >= 1")
            return nil
        }
        let roundEntry = entries.first { $0.key == "round" }
        let count = reader.value(numEntry.value, path: numEntry.path, kind: .integer(minimum: 1))?.integer
        let rounds = roundEntry.map { reader.value($0.value, path: $0.path, kind: .choice(["int"])) != nil }
        let isLog = generator.key == "logspace"
        let endpointKind = FieldKind.real(isLog ? .above(0) : RealRange(lower: -.infinity, lowerIncluded: false, upper: nil, upperIncluded: false))
        guard let items = reader.items(generator.value, path: generator.path, what: "two endpoints [a, b]") else { return nil }
        guard items.count == 2 else {
            reader.report(generator.value, generator.path, "found \(items.count) endpoints, expected two: [a, b]")
            return nil
        }
        let ends = items.enumerated().map { reader.value($1, path: "\(generator.path)[\($0)]", kind: endpointKind)?.real }
        guard let count, rounds != false, let start = ends[0], let end = ends[1] else { return nil }

        var numbers = (0..<count).map { index -> Double in
            guard count > 1, index > 0 else { return start }
            guard index < count - 1 else { return end }
            let t = Double(index) / Double(count - 1)
            let raw = isLog ? exp(log(start) + (log(end) - log(start)) * t) : start + (end - start) * t
            return Double(String(format: "%.12g", raw))!
        }
        if rounds == true { numbers = numbers.map { $0.rounded() } }
        var values: [AxisValue] = []
        for number in numbers {
            let problem: String?
            switch kind {
            case .integer(let minimum):
                problem = number != number.rounded() ? "\(generator.key) gives \(CanonicalNumber.text(number)) for \(what), which takes integers; add round: int"
                    : number < Double(minimum) ? "\(generator.key) gives \(CanonicalNumber.text(number)), expected \(kind.expectation)" : nil
                if problem == nil { values.append(.int(Int(number))) }
            case .real(let range):
                problem = range.contains(number) ? nil : "\(generator.key) gives \(CanonicalNumber.text(number)), expected \(kind.expectation)"
                if problem == nil { values.append(.double(number)) }
            case .flag, .choice:
                preconditionFailure("AxisValuesParser: \(kind) is not numeric")
            }
            if let problem {
                reader.report(node, path, problem)
                return nil
            }
        }
        return values
    }
}
