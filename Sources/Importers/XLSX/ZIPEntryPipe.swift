import AuditModel
import Foundation
import ZIPFoundation

/// The bytes of one entry of a ZIP archive, unpacked on a thread of its own as the reader asks
/// for them: memory holds at most ``capacity`` chunks of ``chunkSize`` bytes, however large the
/// entry unpacks to.
///
/// Why a thread: ZIPFoundation hands an entry's bytes to a closure (it pushes), while libxml2's
/// reader asks for bytes when it needs them (it pulls). Unpacking a whole worksheet into memory
/// first, as this reader did before, cost its unpacked size (up to 1 GiB for a part that a 1 MB
/// workbook can hold). Unpacking on one thread while parsing on another also overlaps the two.
///
/// Unchecked: the queue's state (`chunks`, `finished`, `cancelled`, `failure`) is read and
/// written only with `condition` locked; `current` and `offset` belong to the reading thread.
final class ZIPEntryPipe: @unchecked Sendable {
    /// The bytes of one chunk handed over (ZIPFoundation's decompression buffer).
    static let chunkSize = 1 << 16
    /// Chunks in flight at most (1 MiB).
    private let capacity = 16

    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private var failure: ImportError?
    /// The chunk being read, and how far.
    private var current = Data()
    private var offset = 0

    /// Starts unpacking `entry` of the archive at `archivePath` (opened again on the thread, so
    /// that no `Archive` is shared between threads). More than `limit` unpacked bytes stop it with
    /// an error naming `entry` (a guard against ZIP bombs, whose time it bounds).
    init(archivePath: String, entry: String, limit: Int) {
        let thread = Thread { [self] in unpack(archivePath: archivePath, entryPath: entry, limit: limit) }
        thread.start()
    }

    private struct Cancelled: Error {}

    private func unpack(archivePath: String, entryPath: String, limit: Int) {
        var total = 0
        do {
            let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
            guard let entry = archive[entryPath] else {
                throw ImportError.malformed(
                    SourceLocation(file: archivePath),
                    ImportText.theWorkbookLacksThePart.text(["entryPath": .value(entryPath)]))
            }
            // Checked here, eight bytes at a time (see ``ZIPChecksum``), rather than by ZIPFoundation.
            var checksum = ZIPChecksum()
            _ = try archive.extract(entry, bufferSize: ZIPEntryPipe.chunkSize, skipCRC32: true) { data in
                total += data.count
                if total > limit { throw ZIPEntryPipe.tooLarge(entryPath, file: archivePath, limit: limit) }
                data.withUnsafeBytes { checksum.update($0) }
                try self.put(data)
            }
            guard checksum.value == entry.checksum else {
                throw ImportError.malformed(
                    SourceLocation(file: archivePath),
                    ImportText.theWorkbookPartIsDamagedIts.text(["entryPath": .value(entryPath)]))
            }
            finish(nil)
        } catch is Cancelled {
            finish(nil)
        } catch let error as ImportError {
            finish(error)
        } catch {
            finish(
                .malformed(
                    SourceLocation(file: archivePath),
                    ImportText.cannotUnpackFromTheWorkbookDamaged.text(["entryPath": .value(entryPath), "error": .value(error)])))
        }
    }

    /// The error for a part that unpacks to more than `limit` bytes.
    static func tooLarge(_ part: String, file: String, limit: Int) -> ImportError {
        let size =
            limit >= 1 << 30 ? ImportText.gib.text(["bytes": .value(limit >> 30)]) : ImportText.mib.text(["bytes": .value(limit >> 20)])
        return .malformed(
            SourceLocation(file: file), ImportText.workbookPartTooLarge.text(["part": .text(part), "size": .localized(size)]))
    }

    /// Called on the unpacking thread: waits while the reader is `capacity` chunks behind.
    private func put(_ data: Data) throws {
        guard !data.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(data)
        condition.broadcast()
    }

    private func finish(_ error: ImportError?) {
        condition.lock()
        finished = true
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// Copies up to `count` next bytes of the entry to `destination`: how many (0 at the end),
    /// or -1 when unpacking failed (then ``error`` says why).
    func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        if offset >= current.count {
            condition.lock()
            while chunks.isEmpty && !finished { condition.wait() }
            if chunks.isEmpty {
                let failed = failure != nil
                condition.unlock()
                return failed ? -1 : 0
            }
            current = chunks.removeFirst()
            condition.broadcast()
            condition.unlock()
            offset = 0
        }
        let taken = min(count, current.count - offset)
        current.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            destination.copyMemory(from: base + offset, byteCount: taken)
        }
        offset += taken
        return taken
    }

    /// Up to `count` first bytes of the entry, which later reads give again.
    func peek(_ count: Int) -> [UInt8] {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: ZIPEntryPipe.chunkSize)
        while head.count < count {
            let wanted = min(count - head.count, buffer.count)
            let got = buffer.withUnsafeMutableBytes { bytes in bytes.baseAddress.map { read(into: $0, count: wanted) } ?? 0 }
            if got <= 0 { break }
            head += buffer[0..<got]
        }
        // Put them back in front of what is left of the current chunk.
        current = Data(head) + current.dropFirst(offset)
        offset = 0
        return head
    }

    /// Why unpacking stopped, once it has.
    var error: ImportError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Stops the unpacking thread at its next chunk; the reader is done with the entry.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
