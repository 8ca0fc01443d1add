// Answer files as CSV (question_id;question;answer;note, as a client fills them in Excel), read
// against the bundled questionnaire; what reads without errors must survive an export and an
// import unchanged.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswersCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    AnswersHarness.read(inputBytes(data, size), format: .csv)
    return 0
}
