extension CanonicalFields {
    /// Writes many values of one table, reusing each member's text while it stays the same as
    /// in the value before: the points of a grid differ in a few fields, so most of a
    /// configuration's JSON is copied rather than formatted again.
    final class Writer {
        private let table: CanonicalFields
        private var previous: Root?
        /// Each field's `"key":value` bytes for `previous`; empty where absent.
        private var members: [[UInt8]]

        init(_ table: CanonicalFields) {
            self.table = table
            members = Array(repeating: [], count: table.fields.count)
        }

        /// The canonical JSON of `value`, as UTF-8 (what ``CanonicalFields/json(_:)`` gives).
        func json(_ value: Root) -> [UInt8] {
            if let previous {
                update(to: value, from: previous)
            } else {
                for index in table.fields.indices { writeMember(index, of: value) }
            }
            previous = value
            var output: [UInt8] = [UInt8(ascii: "{")]
            output.reserveCapacity(1024)
            for member in members where !member.isEmpty {
                if output.count > 1 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: member)
            }
            output.append(UInt8(ascii: "}"))
            return output
        }

        /// Rewrites the members of `value` that differ from `previous`'s.
        private func update(to value: Root, from previous: Root) {
            for index in table.fields.indices where !table.fields[index].same(previous, value) {
                writeMember(index, of: value)
            }
        }

        private func writeMember(_ index: Int, of value: Root) {
            var member = table.prefixes[index]
            members[index] = table.fields[index].write(value, &member) ? member : []
        }
    }
}
