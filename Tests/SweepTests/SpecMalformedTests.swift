import Testing
@testable import Sweep

/// A malformed spec and the exact message(s) it must produce.
struct MalformedSpec: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let expected: [String]
    var testDescription: String { name }
}

/// A valid spec's skeleton with `grid` and extra sections spliced in.
func specText(dataset: String = "dataset: {name: synthetic}", sections: String = "",
              grid: String = "  epochs: [0, 1]") -> String {
    "name: t\n\(dataset)\n\(sections)grid:\n\(grid)\n"
}

let malformedSpecs: [MalformedSpec] = [
    MalformedSpec(name: "empty file", text: "",
                  expected: ["t.yaml: the spec is empty; expected a mapping with name, dataset and grid (see hashsweep spec --example)"]),
    MalformedSpec(name: "comments only", text: "# nothing here\n",
                  expected: ["t.yaml: the spec is empty; expected a mapping with name, dataset and grid (see hashsweep spec --example)"]),
    MalformedSpec(name: "top level is a list", text: "- name: t\n- grid: {}\n",
                  expected: ["t.yaml:1:1: found a list, expected a mapping of sections (name, dataset, model, train, metrics, grid, phase, execution)"]),
    MalformedSpec(name: "YAML syntax error", text: "name: t\ngrid:\n  width: [1, 2\n",
                  expected: ["t.yaml:4:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 10)"]),
    MalformedSpec(name: "duplicate key", text: "name: t\nname: u\n",
                  expected: ["t.yaml:1:1: invalid YAML: the key name appears twice in one mapping"]),
    MalformedSpec(name: "missing name", text: "dataset: {name: synthetic}\ngrid: {epochs: [1]}\n",
                  expected: ["t.yaml:1:1: name: missing; every spec needs a name (a folder name such as mnist-width-epochs)"]),
    MalformedSpec(name: "name is not a safe folder name", text: "name: ../evil\ndataset: {name: synthetic}\ngrid: {epochs: [1]}\n",
                  expected: ["t.yaml:1:7: name: found ../evil, expected a folder name: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters"]),
    MalformedSpec(name: "unknown top-level key", text: specText(sections: "gird: {}\n"),
                  expected: ["t.yaml:3:1: gird: unknown key \"gird\" (did you mean grid?); allowed here: name, dataset, model, train, metrics, grid, phase, execution"]),
    MalformedSpec(name: "unknown model key", text: specText(sections: "model:\n  widht: 3\n"),
                  expected: ["t.yaml:4:3: model.widht: unknown key \"widht\" (did you mean width?); allowed here: family, variant, width_multiplier, dropout, width, depth, activation, leaky_slope, batchnorm, batchnorm_momentum, batchnorm_epsilon, initializer"]),
    MalformedSpec(name: "section is not a mapping", text: specText(sections: "model: 3\n"),
                  expected: ["t.yaml:3:8: model: found 3, expected a mapping"]),
    MalformedSpec(name: "missing dataset", text: "name: t\ngrid: {epochs: [1]}\n",
                  expected: ["t.yaml:1:1: dataset: missing; expected a dataset section with name: mnist | fashion-mnist | cifar10 | synthetic | synthetic-images"]),
    MalformedSpec(name: "unknown dataset with a hint", text: specText(dataset: "dataset: {name: mnsit}"),
                  expected: ["t.yaml:2:17: dataset.name: found mnsit (did you mean mnist?), expected one of mnist, fashion-mnist, cifar10, synthetic, synthetic-images"]),
    MalformedSpec(name: "synthetic settings with MNIST", text: specText(dataset: "dataset:\n  name: mnist\n  synthetic: {classes: 3}"),
                  expected: ["t.yaml:4:3: dataset.synthetic: generator settings are only allowed with name: synthetic (found name: mnist)"]),
    MalformedSpec(name: "learning rate of the wrong type", text: specText(sections: "train:\n  lr: fast\n"),
                  expected: ["t.yaml:4:7: train.lr: found fast, expected a number > 0"]),
    MalformedSpec(name: "flag of the wrong type", text: specText(sections: "model:\n  batchnorm: maybe\n"),
                  expected: ["t.yaml:4:14: model.batchnorm: found maybe, expected true or false"]),
    MalformedSpec(name: "depth below 1", text: specText(sections: "model:\n  depth: 0\n"),
                  expected: ["t.yaml:4:10: model.depth: found 0, expected an integer >= 1"]),
    MalformedSpec(name: "width below 1 in a list", text: specText(grid: "  epochs: [1]\n  width: [16, -3, 32]"),
                  expected: ["t.yaml:5:15: grid.width[1]: found -3, expected an integer >= 1"]),
    MalformedSpec(name: "label noise outside [0, 1)", text: specText(grid: "  epochs: [1]\n  label_noise: [0.0, 1.0]"),
                  expected: ["t.yaml:5:22: grid.label_noise[1]: found 1.0, expected a number in [0, 1)"]),
    MalformedSpec(name: "samples above MNIST after the holdout",
                  text: specText(dataset: "dataset: {name: mnist, holdout: 0.2}", grid: "  epochs: [1]\n  samples: [100, 50000]"),
                  expected: ["t.yaml:5:18: grid.samples[1]: found 50000, but mnist has 48000 training examples after holding out 0.2 of it; expected at most 48000"]),
    MalformedSpec(name: "samples above CIFAR-10 in the section",
                  text: specText(dataset: "dataset:\n  name: cifar10\n  samples: 60000"),
                  expected: ["t.yaml:4:12: dataset.samples: found 60000, but cifar10 has 50000 training examples; expected at most 50000"]),
    MalformedSpec(name: "samples above the synthetic train size",
                  text: specText(dataset: "dataset:\n  name: synthetic\n  synthetic: {train_size: 500}", grid: "  epochs: [1]\n  samples: [100, 1000]"),
                  expected: ["t.yaml:7:18: grid.samples[1]: found 1000, but synthetic has 500 training examples; expected at most 500"]),
    MalformedSpec(name: "epochs not strictly increasing", text: specText(grid: "  epochs: [0, 5, 3]"),
                  expected: ["t.yaml:4:18: grid.epochs[2]: found 3 after 5, expected strictly increasing epochs"]),
    MalformedSpec(name: "negative epoch", text: specText(grid: "  epochs: [-1, 2]"),
                  expected: ["t.yaml:4:12: grid.epochs[0]: found -1, expected an integer >= 0"]),
    MalformedSpec(name: "missing epochs", text: specText(grid: "  width: [8, 16]"),
                  expected: ["t.yaml:4:3: grid.epochs: missing; expected the epochs at which to measure, e.g. epochs: [0, 1, 5, 10]"]),
    MalformedSpec(name: "duplicate axis values", text: specText(grid: "  epochs: [1]\n  width: [16, 32, 16.0]"),
                  expected: ["t.yaml:5:19: grid.width[2]: found 16 again (also grid.width[0]), expected distinct values"]),
    MalformedSpec(name: "empty axis", text: specText(grid: "  epochs: [1]\n  depth: []"),
                  expected: ["t.yaml:5:10: grid.depth: found an empty list, expected at least one value (an integer >= 1)"]),
    MalformedSpec(name: "zip groups of unequal length", text: specText(grid: "  epochs: [1]\n  zip:\n    - lr: [0.1, 0.01]\n      batch_size: [32, 64, 128]"),
                  expected: ["t.yaml:6:7: grid.zip[0]: zipped axes must have equally many values, but lr has 2, batch_size has 3"]),
    MalformedSpec(name: "axis both alone and in a zip", text: specText(grid: "  epochs: [1]\n  lr: [0.1]\n  zip:\n    - lr: [0.1, 0.01]\n      batch_size: [32, 64]"),
                  expected: ["t.yaml:7:7: grid.zip[0].lr: lr is already swept at grid.lr (line 5); an axis is swept either alone or in one zip group"]),
    MalformedSpec(name: "exclude names an unknown axis", text: specText(grid: "  epochs: [1]\n  width: [8, 16]\n  exclude:\n    - \"widht > 8\""),
                  expected: ["t.yaml:7:8: grid.exclude[0]: unknown axis \"widht\" (did you mean width?); exclude can compare the swept axes: seed, width"]),
    MalformedSpec(name: "exclude names epochs", text: specText(grid: "  epochs: [1]\n  width: [8, 16]\n  exclude:\n    - width > 8 and epochs < 3"),
                  expected: ["t.yaml:7:21: grid.exclude[0]: epochs is not a point axis: every trajectory is measured at all of grid.epochs; shorten that list instead"]),
    MalformedSpec(name: "exclude orders a word axis", text: specText(grid: "  epochs: [1]\n  activation: [relu, leaky_relu]\n  exclude:\n    - activation < relu"),
                  expected: ["t.yaml:7:18: grid.exclude[0]: found <, but activation takes one of relu, leaky_relu; compare it with == or !="]),
    MalformedSpec(name: "exclude with or", text: specText(grid: "  epochs: [1]\n  width: [8, 16]\n  exclude:\n    - width == 8 or width == 16"),
                  expected: ["t.yaml:7:18: grid.exclude[0]: found or, which exclude does not support: write one entry per alternative (a point matching any entry is left out)"]),
    MalformedSpec(name: "cosine schedule", text: specText(sections: "train:\n  schedule: cosine\n"),
                  expected: ["t.yaml:4:13: train.schedule: found cosine, a schedule that depends on the total number of epochs: " + SpecParser.whyNoTotalEpochs
                             + "; use constant, or step (as schedule: {type: step, every: 20, gamma: 0.1})"]),
    MalformedSpec(name: "schedule with total_epochs", text: specText(sections: "train:\n  schedule: {type: step, every: 5, total_epochs: 50}\n"),
                  expected: ["t.yaml:4:36: train.schedule.total_epochs: a schedule cannot depend on the total number of epochs: " + SpecParser.whyNoTotalEpochs
                             + "; use constant, or step (as schedule: {type: step, every: 20, gamma: 0.1})"]),
    MalformedSpec(name: "linspace of an integer axis without round", text: specText(grid: "  epochs: [1]\n  width: {linspace: [10, 20], num: 4}"),
                  expected: ["t.yaml:5:10: grid.width: linspace gives 13.3333333333 for width, which takes integers; add round: int"]),
    MalformedSpec(name: "rounded logspace repeats values", text: specText(grid: "  epochs: [1]\n  width: {logspace: [1, 4], num: 6, round: int}"),
                  expected: ["t.yaml:5:10: grid.width: the generated values repeat 1 (round: int makes neighbours equal); lower num or widen the range, since the values of an axis must be distinct"]),
    MalformedSpec(name: "logspace from zero", text: specText(grid: "  epochs: [1]\n  lr: {logspace: [0, 0.1], num: 3}"),
                  expected: ["t.yaml:5:19: grid.lr.logspace[0]: found 0, expected a number > 0"]),
    MalformedSpec(name: "seed count of zero", text: specText(grid: "  epochs: [1]\n  seed: 0"),
                  expected: ["t.yaml:5:9: grid.seed: found 0, expected a seed count >= 1 or a list of seeds"]),
    MalformedSpec(name: "points that are the same trajectory", text: specText(sections: "train: {optimizer: adam}\n", grid: "  epochs: [1]\n  momentum: [0.5, 0.9]"),
                  expected: ["t.yaml:5:3: grid: the points momentum=0.5 and momentum=0.9 are the same trajectory, because momentum has no effect with the other settings (see \"Normalisation\" in docs/spec.md); sweep it only where it matters, or exclude one of the points"]),
    MalformedSpec(name: "every point excluded", text: specText(grid: "  epochs: [1]\n  width: [8, 16]\n  exclude: [\"width >= 8\"]"),
                  expected: ["t.yaml:4:3: grid.exclude: every one of the 2 points is excluded; nothing would run"]),
    MalformedSpec(name: "too many points", text: specText(grid: "  epochs: [1]\n  width: {linspace: [1, 4000], num: 4000}\n  seed: 2501"),
                  expected: ["t.yaml:4:3: grid: the axes multiply to more than 10000000 points; split the sweep or use zip and exclude to keep the points that matter"]),
    MalformedSpec(name: "phase metric unknown", text: specText(sections: "phase: {categorization_metric: knn_test_acuracy}\n"),
                  expected: ["t.yaml:3:32: phase.categorization_metric: found knn_test_acuracy (did you mean knn_test_accuracy?), expected a metric name such as knn_test_accuracy (docs/phase-chart.md lists them)"]),
    MalformedSpec(name: "phase axis not swept", text: specText(sections: "phase: {x: depth}\n", grid: "  epochs: [1]\n  width: [8, 16]"),
                  expected: ["t.yaml:3:12: phase.x: found depth, expected a swept axis: width, seed, epochs"]),
    MalformedSpec(name: "several problems at once", text: specText(sections: "model: {depth: 0}\ntrain: {optimizer: adamw}\n"),
                  expected: ["t.yaml:3:16: model.depth: found 0, expected an integer >= 1",
                             "t.yaml:4:20: train.optimizer: found adamw (did you mean adam?), expected one of sgd, adam"]),
]

@Suite("Malformed specs are rejected with a precise message")
struct SpecMalformedTests {
    @Test("Each malformed spec yields its expected messages", arguments: malformedSpecs)
    func rejects(_ spec: MalformedSpec) {
        do {
            let parsed = try SweepSpec(parsing: spec.text, file: "t.yaml")
            Issue.record("accepted a malformed spec with \(parsed.trajectories.count) trajectories")
        } catch {
            #expect(error.diagnostics.map(\.description) == spec.expected)
        }
    }

    @Test("The table holds at least 25 distinct cases")
    func tableSize() {
        #expect(malformedSpecs.count >= 25)
        #expect(Set(malformedSpecs.map(\.name)).count == malformedSpecs.count)
    }

    @Test("An unreadable file names its path")
    func unreadable() {
        #expect(throws: SpecError.self) { try SweepSpec.load(path: "/nonexistent/spec.yaml") }
        do {
            _ = try SweepSpec.load(path: "/nonexistent/spec.yaml")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/spec.yaml: cannot read the spec: "))
        }
    }
}
