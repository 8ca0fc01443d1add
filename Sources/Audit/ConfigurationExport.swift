import AuditModel
import Foundation
import Rules
import Yams

/// The recommended configuration and the implementation specification as the files
/// `crm-audit config` writes (JSON, YAML, or an XLSX workbook of the specification).
package enum ConfigurationExport {
    package static func json(_ configuration: RecommendedConfiguration, specification: ImplementationSpec? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data =
            try specification.map { try encoder.encode(ConfigurationFile(configuration: configuration, specification: $0)) }
            ?? encoder.encode(configuration)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    package static func yaml(_ configuration: RecommendedConfiguration, specification: ImplementationSpec? = nil, header: String) throws
        -> String
    {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        let text =
            try specification.map { try encoder.encode(ConfigurationFile(configuration: configuration, specification: $0)) }
            ?? encoder.encode(configuration)
        return "# \(OutputSignature.comment)\n# \(header)\n" + text
    }

    /// The specification as a workbook, one sheet per part, in `language`.
    package static func workbook(_ specification: ImplementationSpec, language: Language) throws -> Data {
        try SpreadsheetWriter(sheets: SpecificationWorkbook.sheets(specification, language: language)).data()
    }
}
