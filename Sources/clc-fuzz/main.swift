import Foundation
import LifecycleKit

// `clc-fuzz TARGET [libFuzzer options] [CORPUS…]` when built for fuzzing (`scripts/fuzz`
// adds -DFUZZING, the sanitizer flags and libFuzzer); otherwise `clc-fuzz TARGET FILE…`
// runs each file through the target once (to reproduce a crasher).
let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: clc-fuzz \(names) [FILE…]\n".utf8))
    exit(2)
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

nonisolated(unsafe) var selected = target
// libFuzzer sees the arguments after the target's name.
var rest: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
var argc = Int32(rest.count - 1)
exit(rest.withUnsafeMutableBufferPointer { buffer in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
    return runFuzzer(&argc, &argv) { data, size in
        selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
})
#else
for path in arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    target.run([UInt8](data))
}
print("\(target.rawValue): \(arguments.count - 2) inputs, no crash")
#endif
