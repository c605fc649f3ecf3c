import Foundation

/// Work off the input path (full-scan figures, the list index, the effect worker): a thread
/// with a roomy stack. Passes run at a lower scheduling priority, so that on a machine with
/// few cores the thread handling keys always gets one first; the effect worker, which
/// answers the keys (pages, searches), runs at the normal one.
public enum BackgroundThread {
    public enum Priority: Sendable { case pass, interactive }

    /// Nice value of background threads (Linux schedules nice values per thread).
    static let niceness: Int32 = 10

    public static func start(priority: Priority = .pass, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            if priority == .pass { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            body()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
