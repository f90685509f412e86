/// The folder listings of one edition's last output walk (``FolderListings``), stored in the cache as
/// `derived/folders-<edition>.bin`.
///
/// Layout: the magic `LFLS`, the format number, the output folder it was taken of, when the walk began, the folder
/// count, then per folder its path, its stamp (size, device, inode, modification and status-change times) and its
/// entries (a count, then each name and its type), and last the checksum of everything before it (``CacheChecksum``).
/// Numbers and texts as ``CacheByteWriter`` writes them. A file of another format or folder, truncated or corrupt
/// reads as none: every folder is then listed.
enum FolderListingsFile {
    /// Bumped whenever the layout or the meaning of a listing changes.
    static let format = 1
    private static let magic = Array("LFLS".utf8)

    /// The bytes of the file holding `listings` of the output folder `folder`.
    static func encoded(_ listings: FolderListings, folder: String) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.raw(magic)
        writer.int(format)
        writer.string(folder)
        writer.int(Int(listings.listed))
        writer.int(listings.folders.count)
        for listed in listings.folders {
            writer.string(listed.path)
            let stamp = listed.stamp
            for number in [stamp.size, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode)] {
                writer.int(Int(number))
            }
            writer.int(Int(stamp.modified))
            writer.int(Int(stamp.changed))
            writer.int(listed.entries.count)
            for entry in listed.entries {
                // The name without the NUL that ends it.
                writer.int(entry.name.count - 1)
                entry.name.withUnsafeBytes { writer.raw(Array($0.dropLast())) }
                writer.int(Int(entry.type))
            }
        }
        var bytes = writer.bytes
        bytes += ChecksummedFile.checksum(bytes)
        return bytes
    }

    /// The listings held in `bytes` when they were taken of `folder` and read back whole; else nil.
    static func decoded(_ bytes: [UInt8], folder: String) -> FolderListings? {
        ChecksummedFile.read(bytes, magic: magic) { reader throws(CacheBytesError) -> FolderListings? in
            guard try reader.int() == format, try reader.string() == folder else { return nil }
            let listed = Int64(try reader.int())
            let count = try reader.count()
            var folders: [FolderListings.Folder] = []
            folders.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let (size, device, inode) = (try reader.int(), try reader.int(), try reader.int())
                let (modified, changed) = (try reader.int(), try reader.int())
                let stamp = FileStamp(
                    size: Int64(size), device: UInt64(bitPattern: Int64(device)),
                    inode: UInt64(bitPattern: Int64(inode)), modified: Int64(modified), changed: Int64(changed))
                let entryCount = try reader.count()
                var entries: [FileFacts.Entry] = []
                entries.reserveCapacity(entryCount)
                for _ in 0..<entryCount {
                    let nameCount = try reader.count()
                    let name = try reader.raw(nameCount)
                    // A name is never empty and holds no NUL or slash: anything else is not a listing of ours.
                    guard !name.isEmpty, !name.contains(0), !name.contains(UInt8(ascii: "/")) else {
                        throw CacheBytesError()
                    }
                    let type = try reader.int()
                    guard (0...255).contains(type) else { throw CacheBytesError() }
                    var terminated = [CChar](repeating: 0, count: nameCount + 1)
                    terminated.withUnsafeMutableBytes { $0.copyMemory(from: name) }
                    entries.append(FileFacts.Entry(name: terminated, type: UInt8(type)))
                }
                folders.append(FolderListings.Folder(path: path, stamp: stamp, entries: entries))
            }
            return FolderListings(folders: folders, listed: listed)
        }
    }

    /// The listings stored for `edition` taken of `folder`, or nil (missing, unreadable, untrusted).
    static func read(from cache: BuildCacheFolder, edition: String, folder: String) -> FolderListings? {
        guard let bytes = FileFacts.contents(cache.folderListingsPath(edition: edition)) else { return nil }
        return decoded(bytes, folder: folder)
    }
}
