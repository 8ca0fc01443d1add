import AuditModel
import Foundation
import Questionnaire
import Yams

/// How a platform connects to something: built in, through a connector (the vendor's or a
/// partner's), or not at all.
package enum PlatformSupport: String, Sendable, Hashable, Codable, CaseIterable {
    case native, connector, none
}

/// One CRM platform as the catalogue describes it (`platforms/crm-platforms.yaml`).
package struct Platform: Sendable, Hashable, Codable {
    package enum Deployment: String, Sendable, Hashable, Codable, CaseIterable {
        case cloud
        case onPremise = "on_premise"
    }

    /// Where the vendor's cloud keeps the data.
    package enum Residency: String, Sendable, Hashable, Codable, CaseIterable {
        case russia, abroad
    }

    package var id: String
    package var name: String
    /// `ru` (sold and supported in Russia) and/or `global`.
    package var markets: [String]
    package var deployment: Set<Deployment>
    package var residency: Residency
    package var accounting1C: PlatformSupport
    package var telephony: PlatformSupport
    package var messengers: PlatformSupport
    package var mobile: Bool
    package var warehouse: Bool
    package var mailing: Bool
    package var productionOrders: Bool
    package var api: Bool
    /// In the Russian register of domestic software.
    package var domesticRegister: Bool
    /// List price per user and month, in roubles.
    package var pricePerUserMonth: ClosedRange<Double>
    package var users: ClosedRange<Int>
    package var industries: [String]
    package var strengths: LocalizedText
    package var limits: LocalizedText
}

/// The bundled catalogue, or it with a consultant's file layered over (a platform with the same
/// id replaces the bundled one).
package struct PlatformCatalogue: Sendable, Hashable {
    package var id: String
    package var version: String
    /// The day the prices were compiled: the report says the prices are as of it.
    package var checked: Day
    package var platforms: [Platform]

    /// The bundled catalogue, with `overrides` (consultant files) layered over in order.
    package static func load(overrides: [String] = []) throws -> PlatformCatalogue {
        guard let path = ContentLocator.file(named: "crm-platforms.yaml", in: "platforms") else {
            throw ContentLocator.NotFound(folder: "platforms")
        }
        var catalogue = try load(path: path)
        for file in overrides {
            let layer = try load(path: file)
            for platform in layer.platforms {
                if let index = catalogue.platforms.firstIndex(where: { $0.id == platform.id }) {
                    catalogue.platforms[index] = platform
                } else {
                    catalogue.platforms.append(platform)
                }
            }
            catalogue.version += "+" + layer.id + "@" + layer.version
            catalogue.checked = min(catalogue.checked, layer.checked)
        }
        return catalogue
    }

    /// Reads one catalogue file; every problem is reported with its line and column.
    package static func load(path: String) throws -> PlatformCatalogue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(
                at: SourceLocation(file: path),
                AuditText.cannotReadItDoesNotExist.text(["path": .value(path)]))
        }
        return try load(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads a catalogue from its text; `file` names it in messages.
    package static func load(text: String, file: String) throws -> PlatformCatalogue {
        let source = try YAMLSource(text: text, file: file)
        var reader = PlatformCatalogueReader(reader: NodeReader(source: source, text: text))
        let catalogue = reader.catalogue(source.root)
        let errors = reader.reader.diagnostics.filter { $0.severity == .error }
        guard let catalogue, errors.isEmpty else { throw DiagnosticList(reader.reader.diagnostics) }
        return catalogue
    }
}

/// Builds a ``PlatformCatalogue`` from YAML nodes, collecting every problem.
struct PlatformCatalogueReader {
    var reader: NodeReader

    static let topKeys = ["schema", "id", "version", "checked", "usd_rate", "platforms"]
    static let platformKeys = [
        "id", "name", "markets", "deployment", "residency", "accounting_1c", "telephony", "messengers", "mobile", "warehouse",
        "mailing", "production_orders", "api", "domestic_register", "price_per_user_month", "users", "industries", "strengths", "limits",
    ]

    mutating func catalogue(_ root: Node) -> PlatformCatalogue? {
        let what = AuditText.thePlatformCatalogue.text()
        guard let fields = reader.mapping(root, what, allowed: Self.topKeys) else { return nil }
        if let schema = reader.string(fields, "schema", required: true, what), schema != "crm-audit/platforms/1",
            let node = fields["schema"]
        {
            reader.error(
                node, AuditText.schemaExpectedCrmAuditPlatforms.text())
        }
        let id = reader.identifier(fields, "id", what)
        let version = reader.string(fields, "version", required: true, what)
        var checked: Day?
        if let text = reader.string(fields, "checked", required: true, what) {
            checked = Day(iso: text)
            if checked == nil, let node = fields["checked"] {
                reader.error(node, AuditText.checkedExpectedADateYyyyMm.text())
            }
        }
        var platforms: [Platform] = []
        var seen = Set<String>()
        for node in reader.sequence(fields, "platforms", required: true, what) ?? [] {
            guard let platform = self.platform(node) else { continue }
            if !seen.insert(platform.id).inserted {
                reader.error(
                    node, AuditText.platformAppearsTwice.text(["id": .value(platform.id)]))
            }
            platforms.append(platform)
        }
        guard let id, let version, let checked else { return nil }
        return PlatformCatalogue(id: id, version: version, checked: checked, platforms: platforms)
    }

    private mutating func platform(_ node: Node) -> Platform? {
        let what = AuditText.aPlatform.text()
        guard let fields = reader.mapping(node, what, allowed: Self.platformKeys) else { return nil }
        let id = reader.identifier(fields, "id", what)
        let named = id.map { AuditText.platform.text(["value": .value($0)]) } ?? what
        let name = reader.string(fields, "name", required: true, named)
        let markets = strings(fields, "markets", allowed: ["ru", "global"], named)
        let deployment = strings(fields, "deployment", allowed: Platform.Deployment.allCases.map(\.rawValue), named)
            .compactMap(Platform.Deployment.init(rawValue:))
        let residency = choice(Platform.Residency.self, fields, "residency", named)
        let accounting = choice(PlatformSupport.self, fields, "accounting_1c", named)
        let telephony = choice(PlatformSupport.self, fields, "telephony", named)
        let messengers = choice(PlatformSupport.self, fields, "messengers", named)
        var flags: [String: Bool] = [:]
        for key in ["mobile", "warehouse", "mailing", "production_orders", "api", "domestic_register"] {
            flags[key] = reader.bool(fields, key, named)
            if flags[key] == nil, fields[key] == nil { missing(fields, key, named) }
        }
        let price = range(fields, "price_per_user_month", named)
        let users = range(fields, "users", named)
        let industries = strings(fields, "industries", allowed: nil, named)
        let strengths = reader.text(fields, "strengths", named)
        let limits = reader.text(fields, "limits", named)
        guard let id, let name, let residency, let accounting, let telephony, let messengers, let price, let users,
            let strengths, let limits, flags.values.count == 6
        else { return nil }
        return Platform(
            id: id, name: name, markets: markets, deployment: Set(deployment), residency: residency, accounting1C: accounting,
            telephony: telephony, messengers: messengers, mobile: flags["mobile"] ?? false, warehouse: flags["warehouse"] ?? false,
            mailing: flags["mailing"] ?? false, productionOrders: flags["production_orders"] ?? false, api: flags["api"] ?? false,
            domesticRegister: flags["domestic_register"] ?? false, pricePerUserMonth: price,
            users: Int(users.lowerBound)...Int(users.upperBound),
            industries: industries, strengths: strengths, limits: limits)
    }

    private mutating func missing(_ fields: Fields, _ key: String, _ what: LocalizedText) {
        reader.error(
            fields.node,
            AuditText.theRequiredKeyIsMissing.text(["what": .localized(what), "key": .value(key)]))
    }

    private mutating func strings(_ fields: Fields, _ key: String, allowed: [String]?, _ what: LocalizedText) -> [String] {
        var values: [String] = []
        for node in reader.sequence(fields, key, required: true, what) ?? [] {
            guard let text = node.scalar?.string else {
                reader.error(node, AuditText.expectedAString.text(["key": .value(key)]))
                continue
            }
            if let allowed, !allowed.contains(text) {
                reader.error(
                    node,
                    AuditText.isNotOneOf.text([
                        "key": .value(key), "text": .value(text), "allowed": .value(allowed.joined(separator: ", ")),
                    ]))
                continue
            }
            values.append(text)
        }
        return values
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ fields: Fields, _ key: String, _ what: LocalizedText)
        -> T?
    where T.RawValue == String {
        guard let text = reader.string(fields, key, required: true, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            if let node = fields[key] {
                reader.error(
                    node,
                    AuditText.isNotOneOf.text(["key": .value(key), "text": .value(text), "allowed": .value(allowed)]))
            }
            return nil
        }
        return value
    }

    /// `{low: 150, high: 1500}` or `{min: 1, max: 300}`: two non-negative numbers, the first not above the second.
    private mutating func range(_ fields: Fields, _ key: String, _ what: LocalizedText) -> ClosedRange<Double>? {
        guard let node = fields[key] else {
            missing(fields, key, what)
            return nil
        }
        let keys = key == "users" ? ("min", "max") : ("low", "high")
        let named = AuditText.quotedKey.text(["key": .value(key)])
        guard let pair = reader.mapping(node, named, allowed: [keys.0, keys.1]),
            let low = reader.number(pair, keys.0, named), let high = reader.number(pair, keys.1, named)
        else { return nil }
        guard low >= 0, low <= high, high <= NumberLimits.amountMagnitude else {
            reader.error(
                node, AuditText.expected.text(["key": .value(key), "keys": .value(keys.0), "keys2": .value(keys.1)])
            )
            return nil
        }
        return low...high
    }
}
