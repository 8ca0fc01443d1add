// Answer files as YAML (`schema: crm-audit/answers/1`), read against the bundled questionnaire;
// what reads without errors must survive an export and an import unchanged.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswersYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    AnswersHarness.read(inputBytes(data, size), format: .yaml)
    return 0
}
