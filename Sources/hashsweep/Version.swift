/// The tool's version, recorded in every sweep database.
enum HashSweepVersion {
    static let string = "0.1.0"
}
