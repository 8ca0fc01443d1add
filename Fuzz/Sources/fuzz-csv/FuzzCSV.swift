// CSV (delimited text in UTF-8, UTF-16 or Windows-1251): a dry run as sales and as customers,
// then a real import as sales (rows stored, text taken from the record's bytes, rejects written).
import AuditModel
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = Scratch.write(inputBytes(data, size), as: "input.csv")
    ImportHarness.dryRun(path, as: .sales)
    ImportHarness.dryRun(path, as: .customers)
    ImportHarness.store(path, as: .sales)
    return 0
}
