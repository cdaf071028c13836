/// A git versions repository as a source: its versions read from the cache when HEAD has not
/// moved, from the commits after the cached HEAD when it moved forward (`git pull`), else from
/// the whole first-parent history.
enum GitSource {
    enum How: String, Sendable {
        case cached, incremental, full
    }

    struct Read {
        var head: String?
        var entries: [GitVersionEntry]
        var how: How
    }

    static func read(_ repository: String, cacheFolder: String?) throws -> Read {
        guard let head = try GitLog.head(repository) else { return Read(head: nil, entries: [], how: .full) }
        let cached = cacheFolder.flatMap { GitVersionCache.load(folder: $0, repository: repository) }
        if let cached, cached.head == head { return Read(head: head, entries: cached.entries, how: .cached) }
        var read: Read
        // (A cached HEAD that is gone from the repository, or not behind HEAD, means a full read.)
        if let cached, let newer = (try? GitLog.versions(repository, head: head, since: cached.head)) ?? nil {
            read = Read(head: head, entries: cached.entries + newer, how: .incremental)
        } else {
            read = Read(head: head, entries: try GitLog.versions(repository, head: head) ?? [], how: .full)
        }
        if let cacheFolder {
            GitVersionCache.save(GitVersionCache.Contents(head: head, entries: read.entries), folder: cacheFolder, repository: repository)
        }
        return read
    }
}
