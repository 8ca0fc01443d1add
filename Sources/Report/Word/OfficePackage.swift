import Foundation
import ZIPFoundation

/// An Office Open XML package (a `.docx` or `.xlsx`): text parts zipped in order. The Word copy
/// and the workbooks are written through it, so that a package is made one way.
package enum OfficePackage {
    /// The package's bytes; with `storeFirst` the first part is stored uncompressed (Word wants
    /// `[Content_Types].xml` readable without inflating, as Office writes it).
    package static func zip(_ parts: [(path: String, text: String)], storeFirst: Bool = false) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (index, part) in parts.enumerated() {
            let data = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: storeFirst && index == 0 ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
