import Foundation

/// Writes diagnostics to standard error without ever failing.
///
/// A worker's standard error is a pipe to its orchestrator; once the orchestrator
/// is gone, writes fail with EPIPE. Foundation's `FileHandle.write` traps on that
/// (and the crash report takes seconds), so messages go through `write(2)` and
/// errors are ignored.
public enum StandardError {
    /// Writes `text` as is.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
        }
    }

    /// Writes `line` and a newline.
    public static func line(_ line: String) { write(line + "\n") }
}
