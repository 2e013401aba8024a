import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on one slot uid across processes (flock on `slot-UID.lock` in the work
/// directory), held for a whole submission. Within a process the slot pool already serialises.
struct SlotLock {
    private let fd: Int32

    /// Blocks until the slot is free. A lock file that cannot be opened degrades to no lock.
    init(directory: String, uid: UInt32) {
        fd = open(directory + "/slot-\(uid).lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
    }

    func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }
}
