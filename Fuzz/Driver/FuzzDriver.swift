// dossier-fuzz TARGET [ARGS...]: one of `FuzzEntry.Target`'s readers fed by libFuzzer (the fuzz build, made by
// `make fuzz` with -D FUZZING and the fuzzer and address sanitizers; ARGS are libFuzzer's), or, in a normal build,
// the files ARGS fed to it once each, to reproduce a finding without sanitizers.
import Foundation
import Fuzzing
import Support

/// The target named on the command line (or, in the processes libFuzzer's -fork starts, in the environment).
enum Chosen {
    static let variable = "DOSSIER_FUZZ_TARGET"

    static let target: FuzzEntry.Target = {
        let arguments = CommandLine.arguments
        if arguments.count > 1, let target = FuzzEntry.Target(rawValue: arguments[1]) { return target }
        if let name = ProcessInfo.processInfo.environment[variable], let target = FuzzEntry.Target(rawValue: name) { return target }
        let names = FuzzEntry.Target.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: dossier-fuzz \(names) [ARGS...]\n".utf8))
        exit(2)
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
// libFuzzer's main calls these. The target's name is taken out of the arguments before libFuzzer reads them (it
// would take it for a corpus folder) and handed to the processes -fork starts through the environment.
/// Called by libFuzzer once, before it reads its arguments: takes the target's name out of them.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    setenv(Chosen.variable, Chosen.target.rawValue, 1)
    if argc.pointee > 1, let first = argv.pointee[1], FuzzEntry.Target(rawValue: String(cString: first)) != nil {
        for index in 1 ..< Int(argc.pointee) { argv.pointee[index] = argv.pointee[index + 1] }
        argc.pointee -= 1
    }
    return 0
}

/// Called by libFuzzer with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = Chosen.feed(data.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}
#else
/// The normal build: feeds each file once and says whether the reader read it or refused it.
@main
enum Replay {
    static func main() {
        _ = Chosen.target
        for path in CommandLine.arguments.dropFirst(2) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("dossier-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            print("\(path): \(Chosen.feed(data))")
        }
    }
}
#endif
