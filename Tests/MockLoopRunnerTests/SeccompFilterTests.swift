import Testing

@testable import MockLoopRunner

@Suite struct SeccompFilterTests {
    @Test func programIsWholeInstructionsAndEndsByAllowing() throws {
        let bytes = SeccompFilter(arch: SeccompFilter.x86_64).bytes
        #expect(bytes.count % 8 == 0)
        // The last instruction is `ret SECCOMP_RET_ALLOW`.
        let last = Array(bytes.suffix(8))
        #expect(last[0] == 0x06 && last[1] == 0)
        let k: UInt32 = last[4...].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        #expect(k == 0x7FFF_0000)
    }
}
