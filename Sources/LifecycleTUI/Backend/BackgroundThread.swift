import Foundation

/// Work off the input path (full-scan figures, the list index): a thread with a roomy stack
/// and a lower scheduling priority, so that on a machine with few cores the thread handling
/// keys always gets one first.
public enum BackgroundThread {
    /// Nice value of background threads (Linux schedules nice values per thread).
    static let niceness: Int32 = 10

    public static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            body()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
