// dossier-fuzz TARGET [ARGS...]: one of `FuzzEntry.Target`'s readers fed by libFuzzer (the fuzz build, made by
// `make fuzz` with -D FUZZING and the fuzzer and address sanitizers; ARGS are libFuzzer's), or, in a normal build,
// the files ARGS fed to it once each, to reproduce a finding without sanitizers.
import DossierKit
import Foundation
#if FUZZING
import CLibFuzzer
#endif

/// The target named on the command line, read once by the callback libFuzzer calls.
enum Chosen {
    static let target: FuzzEntry.Target = {
        let arguments = CommandLine.arguments
        guard arguments.count > 1, let target = FuzzEntry.Target(rawValue: arguments[1]) else {
            let names = FuzzEntry.Target.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: dossier-fuzz \(names) [ARGS...]\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Feeds one input; an error other than a `DossierError` is a finding, and stops the run as a crash does.
    static func feed(_ data: Data) -> String {
        do {
            try FuzzEntry.run(target, data)
            return "read"
        } catch let error as DossierError {
            return "refused: \(error)"
        } catch {
            fatalError("\(target.rawValue): an error that is not a DossierError: \(error)")
        }
    }
}

#if FUZZING
_ = Chosen.target
// libFuzzer reads its own flags and corpus folders: everything after the target's name.
var arguments = [CommandLine.arguments[0]] + CommandLine.arguments.dropFirst(2)
var argc = Int32(arguments.count)
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = UnsafeMutablePointer.allocate(capacity: arguments.count + 1)
for (index, argument) in arguments.enumerated() { argv![index] = strdup(argument) }
argv![arguments.count] = nil
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    _ = Chosen.feed(data.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
})
#else
for path in CommandLine.arguments.dropFirst(2) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("dossier-fuzz: cannot read \(path)\n".utf8))
        exit(2)
    }
    print("\(path): \(Chosen.feed(data))")
}
#endif
