import Foundation

/// A child process in its own process group, with a pipe on its standard input
/// (closing it, or dying, tells the child its parent is gone) and its standard
/// output and error captured through one pipe.
///
/// The pipe ends kept by the parent are close-on-exec, so a child never holds
/// another child's pipe open. Owns the child's pid and the parent's pipe ends.
public final class ChildProcess {
    /// The child's pid (also its process group id).
    public let pid: pid_t
    private var stdinWrite: Int32
    private var outputRead: Int32
    private var pendingOutput = Data()
    /// How it ended, once reaped.
    public private(set) var exitStatus: ExitStatus?

    /// Starts `executable` with `arguments` (not including argv[0]) and the parent's environment.
    public init(executable: String, arguments: [String]) throws {
        var stdinPipe: [Int32] = [-1, -1]
        var outputPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0 else { throw ExecutionError.spawnFailed(executable, errno: errno) }
        guard pipe(&outputPipe) == 0 else {
            let code = errno
            close(stdinPipe[0]); close(stdinPipe[1])
            throw ExecutionError.spawnFailed(executable, errno: code)
        }
        // Close-on-exec everywhere; the child gets its ends through dup2, which clears the flag.
        // (Only the orchestrator's thread spawns, so no other fork can slip in before this.)
        for descriptor in stdinPipe + outputPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        defer { close(stdinPipe[0]); close(outputPipe[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group: a terminal's Ctrl-C reaches only the orchestrator, which forwards it.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            close(stdinPipe[1]); close(outputPipe[0])
            throw ExecutionError.spawnFailed(executable, errno: result)
        }
        self.pid = pid
        stdinWrite = stdinPipe[1]
        outputRead = outputPipe[0]
        _ = fcntl(outputRead, F_SETFL, fcntl(outputRead, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if stdinWrite >= 0 { close(stdinWrite) }
        if outputRead >= 0 { close(outputRead) }
    }

    /// The descriptor to `poll` for output.
    public var outputDescriptor: Int32 { outputRead }

    /// Sends `signal` to the child's process group.
    public func send(_ signal: Int32) {
        guard exitStatus == nil else { return }
        _ = kill(-pid, signal)
    }

    /// Reaps the child if it has ended; returns its exit status then, `nil` while it runs.
    @discardableResult
    public func reap() -> ExitStatus? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        exitStatus = ExitStatus(waitStatus: status)
        return exitStatus
    }

    /// Waits for the child to end.
    @discardableResult
    public func wait() -> ExitStatus {
        while reap() == nil {
            var status: Int32 = 0
            let result = waitpid(pid, &status, 0)
            if result == pid { exitStatus = ExitStatus(waitStatus: status) }
            else if result < 0 && errno != EINTR { exitStatus = .exited(-1) }
        }
        return exitStatus!
    }

    /// Complete lines the child has written since the last call (without newlines);
    /// with `flush`, also a final partial line.
    public func readLines(flush: Bool = false) -> [String] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while outputRead >= 0 {
            let count = read(outputRead, &buffer, buffer.count)
            if count > 0 { pendingOutput.append(contentsOf: buffer[0..<count]); continue }
            if count == 0 { close(outputRead); outputRead = -1 }
            break
        }
        var lines: [String] = []
        while let newline = pendingOutput.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pendingOutput[pendingOutput.startIndex..<newline], as: UTF8.self))
            pendingOutput.removeSubrange(pendingOutput.startIndex...newline)
        }
        if flush && !pendingOutput.isEmpty {
            lines.append(String(decoding: pendingOutput, as: UTF8.self))
            pendingOutput.removeAll()
        }
        return lines
    }
}
