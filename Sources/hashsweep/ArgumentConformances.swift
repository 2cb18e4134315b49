import ArgumentParser
import Models

// Models' option enums parsed from the command line by their raw values
// (declared once here for every command).
extension DatasetKind: ExpressibleByArgument {}
extension SubsampleMode: ExpressibleByArgument {}
extension Initializer: ExpressibleByArgument {}
extension WeightDecayMode: ExpressibleByArgument {}
extension WeightDecayScope: ExpressibleByArgument {}
