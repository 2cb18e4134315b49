import Foundation

/// Downloads (or imports) a dataset into a folder, verifying every file.
///
/// Downloads go to `NAME.part` and are renamed only once their SHA-256 matches
/// the catalog (``DatasetCatalog``); an interrupted transfer leaves the `.part`
/// file, and the next fetch resumes it with an HTTP `Range` request. A file
/// whose checksum does not match is deleted and reported. CIFAR-10's archive is
/// extracted with the system `tar` and then removed.
///
/// ```swift
/// let fetcher = DatasetFetcher(kind: .mnist, destination: DatasetLocation.defaultDestination(for: .mnist))
/// let report = try await fetcher.fetch()
/// ```
public struct DatasetFetcher: Sendable {
    /// What happened to one file.
    public struct FileReport: Sendable, Equatable {
        /// The file name.
        public var name: String
        /// What was done: "downloaded", "resumed at N bytes", "imported from PATH", "already present".
        public var action: String
        /// How it was verified.
        public var verification: String
    }

    /// The dataset's files and mirrors.
    public let entry: DatasetCatalogEntry
    /// The dataset.
    public var kind: DatasetKind { entry.kind }
    /// The folder the files end up in.
    public let destination: String
    /// Base URLs tried in order (the catalog's, unless overridden).
    public var mirrors: [String]
    /// Transfers tried per mirror before giving up on it; each resumes the `.part` file.
    public var attemptsPerMirror: Int
    /// Seconds without progress before a transfer fails.
    public var timeout: TimeInterval
    /// Receives one line per step (for the command's output).
    public var log: @Sendable (String) -> Void

    /// A fetcher for `kind` into `destination`; `mirrors` defaults to the catalog's.
    /// `kind` must be file-based (the synthetic data is built in).
    public init(kind: DatasetKind, destination: String, mirrors: [String]? = nil, attemptsPerMirror: Int = 3,
                timeout: TimeInterval = 60, log: @escaping @Sendable (String) -> Void = { _ in }) {
        guard let entry = DatasetCatalog.entry(for: kind) else {
            preconditionFailure("DatasetFetcher: the synthetic dataset is built in, not downloaded")
        }
        self.init(entry: entry, destination: destination, mirrors: mirrors, attemptsPerMirror: attemptsPerMirror,
                  timeout: timeout, log: log)
    }

    /// A fetcher for an explicit catalog entry (tests use their own files and checksums).
    init(entry: DatasetCatalogEntry, destination: String, mirrors: [String]? = nil, attemptsPerMirror: Int = 3,
         timeout: TimeInterval = 60, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.entry = entry
        self.destination = destination
        self.mirrors = mirrors ?? entry.mirrors
        self.attemptsPerMirror = max(attemptsPerMirror, 1)
        self.timeout = timeout
        self.log = log
    }

    /// Downloads every missing file, verifies it and (CIFAR-10) extracts it.
    public func fetch() async throws -> [FileReport] {
        try prepareDestination()
        if entry.isArchive && DatasetFiles.isComplete(kind, in: destination) {
            return [FileReport(name: entry.downloads[0].fileName, action: "already present (extracted)", verification: "not re-checked")]
        }
        var reports: [FileReport] = []
        for download in entry.downloads {
            reports.append(try await fetchFile(download))
        }
        try extractIfArchive()
        return reports
    }

    /// Copies the dataset's files from a local folder, verified like downloads.
    ///
    /// Accepts each file under its published name, or for MNIST also a raw
    /// (decompressed) IDX file or a recompressed `.gz` whose content matches.
    public func importFiles(from source: String) throws -> [FileReport] {
        try prepareDestination()
        var reports: [FileReport] = []
        for download in entry.downloads {
            var names = [download.fileName]
            if download.contentSHA256 != nil, download.fileName.hasSuffix(".gz") { names.append(String(download.fileName.dropLast(3))) }
            let sourcePath = names.map { (source as NSString).appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0) }
            guard let sourcePath else {
                throw DatasetError.missingFile(name: download.fileName, searched: [source], fetchCommand: nil)
            }
            let target = (destination as NSString).appendingPathComponent((sourcePath as NSString).lastPathComponent)
            let staging = target + ".part"
            try? FileManager.default.removeItem(atPath: staging)
            do { try FileManager.default.copyItem(atPath: sourcePath, toPath: staging) } catch {
                throw DatasetError.unreadable(path: sourcePath, reason: "copying to '\(staging)' failed: \(error.localizedDescription)")
            }
            let verification = try verifyAndInstall(staging, as: target, download: download)
            log("\(download.fileName): imported from \(sourcePath) (\(verification))")
            reports.append(FileReport(name: download.fileName, action: "imported from \(sourcePath)", verification: verification))
        }
        try extractIfArchive()
        return reports
    }

    private func fetchFile(_ download: DatasetDownload) async throws -> FileReport {
        let target = (destination as NSString).appendingPathComponent(download.fileName)
        if FileManager.default.fileExists(atPath: target) {
            if let verification = try? FileDigest.verify(target, against: download) {
                log("\(download.fileName): already present (\(verification))")
                return FileReport(name: download.fileName, action: "already present", verification: verification)
            }
            log("\(download.fileName): the existing copy does not match its checksum; downloading it again")
            try? FileManager.default.removeItem(atPath: target)
        }
        let part = target + ".part"
        var lastFailure = (url: mirrors.last ?? "", reason: "no mirror was given")
        for mirror in mirrors {
            guard let url = URL(string: mirror.hasSuffix("/") ? mirror + download.fileName : mirror + "/" + download.fileName) else {
                lastFailure = (mirror, "it is not a valid URL")
                continue
            }
            for _ in 0..<attemptsPerMirror {
                let before = fileSize(part)
                log("\(download.fileName): " + (before > 0 ? "resuming at \(before) bytes from \(url)" : "downloading \(url)"))
                do {
                    let outcome = try await ResumableDownload.run(url, into: part, timeout: timeout)
                    if outcome.rangeNotSatisfiable && fileSize(part) != download.bytes {
                        try? FileManager.default.removeItem(atPath: part) // longer than the file: start over
                        continue
                    }
                    let verification = try verifyAndInstall(part, as: target, download: download)
                    let action = outcome.resumedFrom > 0 ? "resumed at \(outcome.resumedFrom) bytes" : "downloaded"
                    log("\(download.fileName): \(action), \(verification)")
                    return FileReport(name: download.fileName, action: action, verification: verification)
                } catch DatasetError.downloadFailed(let failedURL, let reason) {
                    lastFailure = (failedURL, reason)
                    log("\(download.fileName): \(reason)")
                    if reason.hasPrefix("the server answered HTTP") { break } // try the next mirror
                }
            }
        }
        let kept = fileSize(part)
        let advice = kept > 0 ? "; \(kept) bytes are kept in '\(part)': run the command again to resume" : ""
        throw DatasetError.downloadFailed(url: lastFailure.url, reason: lastFailure.reason + advice)
    }

    /// Verifies `staging`; renames it to `target` on success, deletes it on a mismatch.
    private func verifyAndInstall(_ staging: String, as target: String, download: DatasetDownload) throws -> String {
        let verification: String
        do { verification = try FileDigest.verify(staging, against: download) } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if case let DatasetError.checksumMismatch(_, algorithm, expected, actual) = error {
                throw DatasetError.checksumMismatch(path: target, algorithm: algorithm, expected: expected, actual: actual)
            }
            throw error
        }
        try? FileManager.default.removeItem(atPath: target)
        do { try FileManager.default.moveItem(atPath: staging, toPath: target) } catch {
            throw DatasetError.unreadable(path: staging, reason: "renaming it to '\(target)' failed: \(error.localizedDescription)")
        }
        return verification
    }

    private func extractIfArchive() throws {
        guard entry.isArchive else { return }
        let archive = (destination as NSString).appendingPathComponent(entry.downloads[0].fileName)
        guard FileManager.default.fileExists(atPath: archive) else { return }
        log("\(entry.downloads[0].fileName): extracting with tar")
        try ArchiveExtractor.extractTarGz(archive, into: destination)
        guard DatasetFiles.isComplete(kind, in: destination) else {
            let missing = DatasetFiles.required(for: kind).filter { DatasetFiles.existingPath(of: $0, kind: kind, in: destination) == nil }
            throw DatasetError.extractionFailed(path: archive, reason: "it did not contain \(missing.joined(separator: ", "))")
        }
        try? FileManager.default.removeItem(atPath: archive)
    }

    private func prepareDestination() throws {
        do { try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true) } catch {
            throw DatasetError.unreadable(path: destination, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
