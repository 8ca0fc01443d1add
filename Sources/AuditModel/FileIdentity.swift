import Foundation

/// Which file a path names, however it is spelled: through symbolic links, `.` and `..`, a
/// relative path, or a hard link.
package enum FileIdentity {
    /// The absolute path with every symbolic link resolved. For a path that does not exist yet,
    /// the folder it would be created in is resolved (and a dangling link followed to where it
    /// points), so that `WS-wal` before SQLite creates it is still recognised as `WS`'s journal.
    package static func resolvedPath(_ path: String) -> String {
        var current = absolute(path)
        // A chain of links longer than the kernel's own limit (40) is a loop: stop there.
        for _ in 0..<40 {
            if let real = realPath(current) { return real }
            if let destination = linkDestination(current) {
                current = destination.hasPrefix("/") ? destination : parent(of: current) + "/" + destination
                continue
            }
            let folder = parent(of: current)
            let name = lastComponent(of: current)
            guard let realFolder = realPath(folder) else { return standardized(current) }
            return realFolder == "/" ? "/" + name : realFolder + "/" + name
        }
        return standardized(current)
    }

    /// Whether `first` and `second` are the same file: the same device and inode when both exist
    /// (a hard or symbolic link, another spelling), else the same resolved path.
    package static func same(_ first: String, _ second: String) -> Bool {
        if let a = deviceAndInode(first), let b = deviceAndInode(second) { return a == b }
        return resolvedPath(first) == resolvedPath(second)
    }

    /// The device and inode of the file `path` names, following symbolic links; nil when it does not exist.
    package static func deviceAndInode(_ path: String) -> DeviceAndInode? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return DeviceAndInode(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// A file's identity on this machine.
    package struct DeviceAndInode: Hashable, Sendable {
        package var device: UInt64
        package var inode: UInt64
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let here = FileManager.default.currentDirectoryPath
        return (here.hasSuffix("/") ? here : here + "/") + path
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    package static func parent(of path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let folder = String(trimmed[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    package static func lastComponent(of path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkDestination(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
