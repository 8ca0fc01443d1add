// Mapping files (`--mapping`): parsed for sales and for customers, then applied in a dry run to
// a small sales export (the XML one when the mapping names XML records, else the CSV one), so
// that column numbers, header rows, encodings and XML paths from the file are all used.
import AuditModel
import Foundation
import FuzzSupport
import Importers

/// examples/technosnab/sales.csv, first lines.
private let salesCSV: String = {
    let text = (try? String(contentsOfFile: repositoryRoot + "/examples/technosnab/sales.csv", encoding: .utf8)) ?? ""
    let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12).joined(separator: "\n")
    return Scratch.write(Array(head.utf8), as: "sales.csv")
}()

/// Tests/ImportersTests/Fixtures/1c_sales.xml.
private let salesXML: String = {
    let bytes = FileManager.default.contents(atPath: repositoryRoot + "/Tests/ImportersTests/Fixtures/1c_sales.xml") ?? Data()
    return Scratch.write(bytes, as: "1c_sales.xml")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = Scratch.write(inputBytes(data, size), as: "input.mapping.yaml")
    for kind in [DatasetKind.sales, .customers] {
        let mapping: MappingFile
        do {
            mapping = try MappingFile.load(path: path, kind: kind)
        } catch {
            requireClearError(error, naming: path)
            continue
        }
        ImportHarness.dryRun(mapping.xmlRecords == nil ? salesCSV : salesXML, as: kind, mapping: mapping)
    }
    return 0
}
