import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// A deal's status read from its stage, the vendor's words or the client's own in the mapping file.
@Suite struct DealStagesTests {
    static let deals = """
        ID;Этап сделки;Дата создания;Дата закрытия;Сумма
        1;Договор подписан;01.09.2026;10.09.2026;100
        2;Клиент ушёл к конкурентам;02.09.2026;12.09.2026;200
        3;Успешно реализовано;03.09.2026;13.09.2026;300
        4;КП отправлено;04.09.2026;;400
        5;Архив;05.09.2026;20.09.2026;500
        """

    @Test func customStagesAreReadFromTheMappingFileAndTheVendorsWordsWithout() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.deals, to: "deals.csv")
        var options = ImportOptions(kind: .deals)
        options.mapping = try MappingFile.parse(
            text: """
                stages:
                  won: [Договор подписан]
                  lost:
                    - Клиент ушёл к конкурентам
                """, path: "deals.mapping.yaml", kind: .deals)
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsStored == 5)
        #expect(report.notes.contains { $0.en.contains("read from the stage") })
        let statuses = try rows(workspace, "SELECT deal_id, status FROM deal ORDER BY row_id").map { $0["status"] ?? "—" }
        // An unknown stage of a closed deal says nothing of the outcome: no status.
        #expect(statuses == ["won", "lost", "won", "open", "—"])
    }

    @Test func aStageListForAnotherKindOrCodeIsAMistakeAtItsLine() {
        #expect(throws: Diagnostic.self) { try MappingFile.parse(text: "stages:\n  won: [A]\n", path: "m.yaml", kind: .sales) }
        let error = #expect(throws: Diagnostic.self) { try MappingFile.parse(text: "stages:\n  done: [A]\n", path: "m.yaml", kind: .deals) }
        #expect(error?.location?.line == 2)
    }
}
