import AuditModel
import Foundation
import Workspace

extension Importer {
    /// Reads a sales file as an import would — the same mapping, values, day/month decisions and
    /// problems — into the columnar form the analytics reads, storing nothing (no workspace, no
    /// rows): `crm-audit metrics --sales FILE`, a first look at an export.
    ///
    /// - Throws: the ``ImportError`` an import of the file would throw (a bad row stops it unless
    ///   ``ImportOptions/skipBadRows`` is set; then the bad rows go to a rejects file, as in an import).
    package static func readSales(_ path: String, options: ImportOptions) throws -> (columns: SaleColumns, report: ImportReport) {
        var options = options
        options.kind = .sales
        return try settlingDateOrders(path, options: options) { pass in
            let builder = SaleColumnsBuilder(file: path)
            // No rows to store: the other thread builds every column while this one reads.
            try pass.runPipelined { batch in builder.append(batch) }
            guard pass.ordersToRedo == nil else { return nil }
            try refuseBadRows(pass, path: path, options: options)
            return (builder.finish(), try makeReport(pass, sha: try pass.source.sha256(), options: options))
        }
    }
}
