/// What a walk of an output folder read of each folder inside it: the folder's stamp and its entries, so that the next
/// walk lists again only the folders whose stamp moved (see ``OutputFingerprint/survey(_:stamps:known:listings:settle:)``).
///
/// Adding, removing or renaming an entry moves its folder's modification and status-change times, so a folder whose
/// stamp is the one recorded still holds the entries recorded, provided the folder had settled before it was listed:
/// on a file system with coarse timestamps, an entry added in the same tick as the listing could leave the times as
/// they were (git's "racily clean" rule, as for pages' stamps, ``FileStamp/settled(before:settle:)``).
struct FolderListings: Sendable {
    /// One folder: its path inside the output folder, its stamp and its entries, sorted by name.
    struct Folder: Sendable {
        let path: String
        let stamp: FileStamp
        let entries: [FileFacts.Entry]
    }

    /// In the order the walk met them (the output folder itself is not one of them).
    let folders: [Folder]
    /// When the walk that listed them began, in nanoseconds since 1970 (see ``InputStamps/now()``).
    let listed: Int64

    /// The folders by path, for the walk that trusts them.
    func indexed() -> Index {
        Index(
            byPath: Dictionary(folders.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }), listed: listed)
    }

    /// The listings by path.
    struct Index: Sendable {
        let byPath: [String: Folder]
        let listed: Int64

        /// The recorded folder at `path` when its stamp could still be trusted: it had settled `settle` nanoseconds
        /// before it was listed (the caller then compares the folder's stamp now with it).
        func settled(at path: String, settle: Int64) -> Folder? {
            guard let folder = byPath[path], folder.stamp.modified < listed - settle,
                folder.stamp.changed < listed - settle
            else { return nil }
            return folder
        }
    }
}
