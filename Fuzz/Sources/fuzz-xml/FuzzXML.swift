// XML exports (1C-style, any encoding libxml2 knows): dry runs with the records found
// automatically (as sales and as customers) and with the 1C mapping of the test fixtures.
import AuditModel
import FuzzSupport
import Importers

/// Tests/ImportersTests/Fixtures/1c_sales.mapping.yaml.
private let oneCMapping: MappingFile? = try? MappingFile.parse(text: """
    xml:
      records: /Выгрузка/Документы/Документ
      fields:
        order_id: "@Номер"
        date: "@Дата"
        customer_id: Контрагент/@Код
        amount: Сумма
        manager: Менеджер
    """, path: "1c_sales.mapping.yaml", kind: .sales)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = Scratch.write(inputBytes(data, size), as: "input.xml")
    ImportHarness.dryRun(path, as: .sales)
    ImportHarness.dryRun(path, as: .customers)
    guard let oneCMapping else { finding("the 1C mapping no longer parses") }
    ImportHarness.dryRun(path, as: .sales, mapping: oneCMapping)
    return 0
}
