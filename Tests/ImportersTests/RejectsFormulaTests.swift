import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

@Suite struct RejectsFileFormulas {
    /// The cells of a rejected row are the client's: a formula in them is written as text.
    @Test func cellsThatLookLikeFormulasAreNeutralised() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            "Дата;Клиент;Сумма\n01.11.2026;A;100\n02.11.2026;=cmd|' /C calc'!A0;-12,5x\n"
                + "03.11.2026;@SUM(1);+1x\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsRejected == 2)
        let rejects = try String(contentsOfFile: try #require(report.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("\r\n3;"))
        #expect(rejects.contains(";02.11.2026;\"'=cmd|' /C calc'!A0\";\"'-12,5x\"\r\n"), "\(rejects)")
        #expect(rejects.contains(";03.11.2026;\"'@SUM(1)\";\"'+1x\"\r\n"))
    }
}
