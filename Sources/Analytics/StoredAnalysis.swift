import AuditModel
import Foundation
import Workspace

/// What the audit reads of a round's analysis — the metric document, the sample records its
/// findings show and the Pareto curve — whether just computed (``Analysis``) or reused from the
/// workspace (``StoredAnalysis``).
package protocol RoundAnalysis: Sendable {
    /// The metrics, series and tables.
    var document: MetricDocument { get }
    /// The day the metrics describe.
    var asOfDay: Day { get }
    /// The cumulative revenue share of the headline period's buyers at each percent of them (101 points).
    var paretoCurve: [Double] { get }
    /// The first `limit` records of sample set `id` (at most ``StoredAnalysis/sampleLimit``), and how many there are in all.
    func sample(_ id: SampleSet, limit: Int) -> SampleTable
}

extension Analysis: RoundAnalysis {}

/// A round's analysis as stored beside its metrics: what `check`, `config`, `report` and
/// `compare` need, so that they do not read and compute the round again while nothing it
/// depends on has changed (see ``Analytics/inputFingerprint(_:round:asOf:)``).
package struct StoredAnalysis: RoundAnalysis, Codable, Equatable {
    /// The most records of a sample set a rule may show (`samples: limit`, clamped to 100 at load).
    package static let sampleLimit = 100

    package var document: MetricDocument
    package var paretoCurve: [Double]
    /// Each sample set's first ``sampleLimit`` records, by set id.
    var samples: [String: SampleTable]

    package var asOfDay: Day { document.asOf }

    /// The part of `analysis` the audit reads.
    package init(_ analysis: Analysis) {
        document = analysis.document
        paretoCurve = analysis.paretoCurve
        samples = Dictionary(uniqueKeysWithValues: SampleSet.allCases.map { ($0.rawValue, analysis.sample($0, limit: Self.sampleLimit)) })
    }

    package func sample(_ id: SampleSet, limit: Int) -> SampleTable {
        guard var table = samples[id.rawValue] else { return SampleTable(id: id.rawValue, columns: [], rows: [], total: 0) }
        table.rows = Array(table.rows.prefix(max(0, limit)))
        return table
    }
}

extension Analytics {
    /// The version of what ``StoredAnalysis`` holds and how it is computed: raised whenever a
    /// computation changes, so that a workspace analysed by an older build is analysed again.
    static let storedAnalysisFormat = 3

    /// A digest of everything a round's analysis depends on: the round and its date, the
    /// datasets imported into it (id, kind, checksum, rows stored, time), the requested as-of
    /// day, and the metric catalogue and analysis format of this build. Rows edited or deleted
    /// by hand clear the stored digest (triggers of the workspace schema).
    package static func inputFingerprint(_ workspace: Workspace, round: AuditRound, asOf: Day?) throws -> String {
        var hasher = SHA256()
        func add(_ text: String) { hasher.update(Array((text + "\u{1F}").utf8)) }
        add("analysis-format \(storedAnalysisFormat)")
        for definition in MetricCatalogue.all {
            add("\(definition.id) \(definition.unit.rawValue) \(definition.period.rawValue) \(definition.definition.en)")
        }
        add("round \(round.id) \(round.date.iso)")
        add("as-of \(asOf?.iso ?? "latest sale")")
        for dataset in try workspace.datasets(round: round) {
            add(
                "dataset \(dataset.id) \(dataset.kind.rawValue) \(dataset.sha256) \(dataset.rowsStored) \(dataset.importedAt) \(dataset.mapping ?? "")"
            )
        }
        return hasher.finalizeHex()
    }

    /// The round's stored analysis when it was computed from exactly the inputs of
    /// `fingerprint`; nil otherwise (never stored, computed from other data, or unreadable —
    /// then it is simply computed again).
    package static func storedAnalysis(_ workspace: Workspace, round: AuditRound, fingerprint: String) throws -> StoredAnalysis? {
        guard let text = try workspace.storedAnalysis(round: round, fingerprint: fingerprint) else { return nil }
        return try? JSONDecoder().decode(StoredAnalysis.self, from: Data(text.utf8))
    }

    /// Stores `analysis` as `round`'s metric snapshot, reusable while `fingerprint` describes its inputs.
    /// - Throws: ``UnstorableResult`` when the document does not encode (the round keeps its earlier snapshot).
    package static func store(_ analysis: StoredAnalysis, in workspace: Workspace, round: AuditRound, fingerprint: String) throws {
        let document: String
        let reusable: Data
        do {
            document = try analysis.document.jsonString()
            reusable = try JSONEncoder().encode(analysis)
        } catch {
            throw UnstorableResult(workspace: workspace.path, what: AnalyticsText.theMetricsOfRound.text(["number": .value(round.number)]))
        }
        try workspace.saveMetrics(
            document: document, asOf: analysis.asOfDay, round: round,
            analysis: (fingerprint: fingerprint, json: String(decoding: reusable, as: UTF8.self)))
    }

    /// The round's analysis: the stored one when nothing it depends on changed, else computed
    /// (and, when `store`, stored with its metrics for the next command).
    package static func reusingStored(_ workspace: Workspace, round: AuditRound, asOf: Day?, store: Bool) throws -> any RoundAnalysis {
        let fingerprint = try inputFingerprint(workspace, round: round, asOf: asOf)
        if let stored = try storedAnalysis(workspace, round: round, fingerprint: fingerprint) { return stored }
        return store
            ? try computeAndStore(workspace, round: round, asOf: asOf, fingerprint: fingerprint)
            : try analyse(workspace, round: round, asOf: asOf)
    }
}
