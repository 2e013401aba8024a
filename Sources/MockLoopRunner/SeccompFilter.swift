import Foundation

/// The seccomp program bubblewrap installs before running candidate code (`--seccomp FD`),
/// written as classic BPF directly so the runner needs no C library at build time.
///
/// It refuses (EPERM) what a sandboxed program has no business doing and what kernel exploits
/// lean on: AF_VSOCK sockets, new namespaces (unshare, setns, clone with CLONE_NEW*), mounts,
/// ptrace and cross-process memory access, the kernel keyring, io_uring, bpf, perf_event_open,
/// userfaultfd, and memfd_create and SysV shared memory (memory that RLIMIT_AS does not count).
/// clone3 answers ENOSYS (its flags sit behind a pointer a filter cannot read),
/// which makes libc fall back to clone, whose flags are checked. A foreign architecture or the
/// x32 ABI kills the process: their syscall numbers would bypass the table.
struct SeccompFilter {
    struct Arch {
        let auditArch: UInt32
        let socket: UInt32
        let clone: UInt32
        let denied: [UInt32]
        /// x86_64 numbers at or above this belong to the x32 ABI.
        let x32Bit: UInt32?
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The kernel's own name for the architecture.
    static let x86_64 = Arch(
        auditArch: 0xC000_003E, socket: 41, clone: 56,
        denied: [
            272, 308,  // unshare, setns
            165, 166, 155, 428, 429, 430, 431, 432, 433, 442,  // mount, umount2, pivot_root, new mount API
            101, 310, 311,  // ptrace, process_vm_readv, process_vm_writev
            248, 249, 250,  // add_key, request_key, keyctl
            425, 426, 427,  // io_uring_*
            321, 298, 323,  // bpf, perf_event_open, userfaultfd
            319, 29,  // memfd_create, shmget: memory outside RLIMIT_AS
        ],
        x32Bit: 0x4000_0000)

    static let aarch64 = Arch(
        auditArch: 0xC000_00B7, socket: 198, clone: 220,
        denied: [
            97, 268,
            40, 39, 41, 428, 429, 430, 431, 432, 433, 442,
            117, 270, 271,
            217, 218, 219,
            425, 426, 427,
            280, 241, 282,
            279, 194,
        ],
        x32Bit: nil)

    static let clone3: UInt32 = 435
    static let afVsock: UInt32 = 40
    /// CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET | NEWTIME.
    static let namespaceFlags: UInt32 = 0x7E02_0080

    static var native: Arch? {
        #if arch(x86_64)
            return x86_64
        #elseif arch(arm64)
            return aarch64
        #else
            return nil
        #endif
    }

    let arch: Arch

    // struct seccomp_data: nr (u32), arch (u32), instruction_pointer (u64), args[6] (u64).
    private static let nrOffset: UInt32 = 0, archOffset: UInt32 = 4, arg0Offset: UInt32 = 16

    private static let ldAbs: UInt16 = 0x20, jeq: UInt16 = 0x15, jge: UInt16 = 0x35, jset: UInt16 = 0x45, ret: UInt16 = 0x06
    private static let allow: UInt32 = 0x7FFF_0000, killProcess: UInt32 = 0x8000_0000
    private static func errno(_ code: Int32) -> UInt32 { 0x0005_0000 | UInt32(code) }

    private struct Instruction {
        var code: UInt16
        var jt: UInt8
        var jf: UInt8
        var k: UInt32
    }

    /// The program as the kernel's `struct sock_filter` array (8 bytes per instruction, native endian).
    var bytes: [UInt8] {
        var program: [Instruction] = []
        func op(_ code: UInt16, _ k: UInt32, _ jt: UInt8 = 0, _ jf: UInt8 = 0) {
            program.append(Instruction(code: code, jt: jt, jf: jf, k: k))
        }

        op(Self.ldAbs, Self.archOffset)
        op(Self.jeq, arch.auditArch, 1, 0)
        op(Self.ret, Self.killProcess)
        op(Self.ldAbs, Self.nrOffset)
        if let x32 = arch.x32Bit {
            op(Self.jge, x32, 0, 1)
            op(Self.ret, Self.killProcess)
        }
        for nr in arch.denied {
            op(Self.jeq, nr, 0, 1)
            op(Self.ret, Self.errno(EPERM))
        }
        op(Self.jeq, Self.clone3, 0, 1)
        op(Self.ret, Self.errno(ENOSYS))
        // socket(AF_VSOCK, …): the accumulator is replaced by arg0, so both branches return.
        op(Self.jeq, arch.socket, 0, 4)
        op(Self.ldAbs, Self.arg0Offset)
        op(Self.jeq, Self.afVsock, 0, 1)
        op(Self.ret, Self.errno(EPERM))
        op(Self.ret, Self.allow)
        // clone(flags, …) with any namespace flag.
        op(Self.jeq, arch.clone, 0, 4)
        op(Self.ldAbs, Self.arg0Offset)
        op(Self.jset, Self.namespaceFlags, 0, 1)
        op(Self.ret, Self.errno(EPERM))
        op(Self.ret, Self.allow)
        op(Self.ret, Self.allow)

        var out: [UInt8] = []
        out.reserveCapacity(program.count * 8)
        for i in program {
            withUnsafeBytes(of: i.code) { out.append(contentsOf: $0) }
            out.append(i.jt)
            out.append(i.jf)
            withUnsafeBytes(of: i.k) { out.append(contentsOf: $0) }
        }
        return out
    }
}
