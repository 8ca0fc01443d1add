import AuditModel
import Foundation
import Workspace

/// Builds the columnar copy (``SaleColumns``) of the sale lines an import pass reads, from the
/// same batches of values the rows are given, on the reading thread (see
/// `ImportPass.runPipelined`): there it overlaps with the other thread's SQLite inserts, the
/// slower side of an import. Called once per batch, in order; ``finish()`` gives the copy.
///
/// Unchecked: it is handed to the reading thread, which alone touches it until ``finish()``,
/// called after that thread is done.
final class SaleColumnsBuilder: @unchecked Sendable {
    // Touched by the reading thread only, until `finish`, which runs after it is done.
    private var columns = SaleColumns()
    private let slots: [String: Int]

    /// A builder for the lines of `file` (its size sets the room reserved up front: a line takes
    /// 40 bytes or more, so the columns never move while growing; pages never touched cost nothing).
    init(file: String) {
        slots = Dictionary(uniqueKeysWithValues: DatasetKind.sales.fields.enumerated().map { ($1.name, $0) })
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        columns.lines.reserve(min(size / 40, 50_000_000))
    }

    /// The copy of every line appended.
    func finish() -> SaleColumns {
        var finished = columns
        columns = SaleColumns()
        finished.flush()
        return finished
    }

    /// Appends the batch's lines.
    func append(_ batch: FlatBatch) {
        var columns = self.columns
        self.columns = SaleColumns()  // appended in place, without copying the arrays
        defer { self.columns = columns }
        let width = batch.width
        let kinds = batch.kinds, payloads = batch.payloads, lengths = batch.lengths
        func slot(_ field: String) -> Int { slots[field] ?? -1 }
        let order = slot("order_id"), customer = slot("customer_id"), date = slot("date"), amount = slot("amount"), cost = slot("cost"),
            product = slot("product"), manager = slot("manager"), channel = slot("channel"), campaign = slot("campaign")
        batch.bytes.withUnsafeBufferPointer { bytes in
            for (row, line) in batch.lines.enumerated() {
                let first = row * width
                func text(_ field: Int) -> UnsafeBufferPointer<UInt8>? {
                    guard field >= 0, kinds[first + field] == .text, lengths[first + field] > 0, let base = bytes.baseAddress else {
                        return nil
                    }
                    return UnsafeBufferPointer(start: base + Int(payloads[first + field]), count: Int(lengths[first + field]))
                }
                // As SQLite reads a REAL column back: numbers as they are, text by its numeric prefix.
                func number(_ field: Int) -> Double? {
                    guard field >= 0 else { return nil }
                    switch kinds[first + field] {
                    case .null: return nil
                    case .real: return Double(bitPattern: UInt64(bitPattern: payloads[first + field]))
                    case .integer: return Double(payloads[first + field])
                    case .text: return text(field).flatMap { Double(String(decoding: $0, as: UTF8.self)) } ?? 0
                    }
                }
                columns.append(
                    line: line, customer: text(customer), date: text(date), amount: number(amount) ?? 0, cost: number(cost),
                    order: text(order), product: text(product), manager: text(manager), channel: text(channel),
                    campaign: text(campaign))
            }
        }
    }
}
