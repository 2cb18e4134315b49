import Testing
@testable import Sweep

/// A spec's trajectories are made on access from the grid; a large grid must still give
/// distinct ids, each the content hash of the configuration it is made with.
@Suite("Large grids: trajectories made on access")
struct LargeGridTests {
    @Test("60,000 points (with an exclusion): distinct ids, each the hash of its configuration, axes applied")
    func largeGrid() throws {
        let widths = (1...100).map(String.init).joined(separator: ", ")
        let spec = try validSpec(specText(grid: """
              epochs: [1, 2]
              width: [\(widths)]
              depth: [1, 2, 3, 4, 5, 6]
              lr: [0.1, 0.01]
              seed: 50
              exclude: ["depth == 6 and lr == 0.01"]
            """))
        let trajectories = spec.trajectories
        #expect(trajectories.count == 100 * 6 * 2 * 50 - 100 * 50)
        #expect(trajectories.measurementCount == trajectories.count * 2)
        let ids = trajectories.ids
        #expect(Set(ids).count == ids.count)
        for index in stride(from: 0, to: trajectories.count, by: 997) {
            let trajectory = trajectories[index]
            #expect(trajectory.id == ids[index])
            #expect(trajectory.id == trajectory.configuration.contentHash)
            #expect(trajectory.configuration.width == trajectory.axes["width"]?.integer)
            #expect(trajectory.configuration.depth == trajectory.axes["depth"]?.integer)
            #expect(trajectory.configuration.seed == trajectory.axes["seed"]?.integer)
            #expect(trajectory.configuration.lr == trajectory.axes["lr"]?.number)
            #expect(!(trajectory.axes["depth"] == .int(6) && trajectory.axes["lr"] == .double(0.01)))
            #expect(trajectory.epochs == [1, 2])
        }
        // Odometer order: the last axis (seed) varies fastest.
        #expect(trajectories[0].axes["seed"] == .int(0) && trajectories[1].axes["seed"] == .int(1))
        #expect(trajectories[0].axes["width"] == trajectories[1].axes["width"])
    }
}
