import AuditModel
import Foundation
import Rules
import Yams

/// The recommended configuration as the files `crm-audit config` writes.
public enum ConfigurationExport {
    public static func json(_ configuration: RecommendedConfiguration) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(configuration), as: UTF8.self) + "\n"
    }

    public static func yaml(_ configuration: RecommendedConfiguration, header: String) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        return "# \(OutputSignature.comment)\n# \(header)\n" + (try encoder.encode(configuration))
    }
}
