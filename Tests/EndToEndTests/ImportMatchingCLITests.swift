import Foundation
import TestSupport
import Testing

/// A sales file that names its customers differently from the customer list (other quotes, case,
/// a tax id instead of the code) is matched at import, and the import says how.
@Suite struct ImportMatchingCLITests {
    @Test(.enabled(if: CLI.isBuilt))
    func theImportSaysHowSalesFoundTheirCustomers() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let customers = try directory.write(
            """
            Код;Наименование;ИНН
            К-1;ООО «Ромашка»;7701234567
            К-2;ИП Сидоров А.В.;770987654321
            К-3;ООО «Бета»;7705555555
            """, to: "customers.csv")
        let sales = try directory.write(
            """
            Дата;Клиент;Сумма
            01.10.2026;ООО "Ромашка";100
            02.10.2026;ип сидоров а.в.;200
            03.10.2026;7705555555;300
            04.10.2026;К-1;400
            05.10.2026;ООО Неизвестная;500
            """, to: "sales.csv")
        let workspace = directory.file("t.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "T"]).status == 0)
        #expect(try CLI.run(["import", workspace, customers, "--as", "customers"]).status == 0)
        let run = try CLI.run(["import", workspace, sales, "--as", "sales"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Sale lines matched to customers: by code 1, by tax id 1, by name 2, not found 1"), "\(run.stdout)")
    }
}
