/// The search index's units as bytes in the cache file: a table of distinct strings, then
/// each unit as fixed-size integers naming them (a git version's object among them). Decoding
/// checks every number it reads.
enum UnitCodec {
    static let none: UInt32 = .max
    /// Integers per unit.
    static let width = 18

    static func encode(_ units: [SearchIndex.Unit]) -> [UInt8] {
        var strings: [String] = []
        var ids: [String: UInt32] = [:]
        func id(_ s: String?) -> UInt32 {
            guard let s else { return none }
            if let known = ids[s] { return known }
            let new = UInt32(strings.count)
            strings.append(s)
            ids[s] = new
            return new
        }
        var values: [UInt32] = []
        values.reserveCapacity(units.count * width)
        for u in units {
            values += [u.kind == .quote ? 0 : 1, UInt32(u.importance), u.isNewest ? 1 : 0,
                       id(u.vendor), id(u.document), id(u.language), id(u.surface), id(u.question),
                       date(u.version?.date), id(u.version?.path), u.version.map { $0.origin == .data ? 0 : 1 } ?? none,
                       id(u.version?.stamp), date(u.quoteDate),
                       u.link.map { UInt32(bitPattern: $0.unit) } ?? none, u.link.map { UInt32(bitPattern: $0.occurrence) } ?? none,
                       u.link.map { UInt32(bitPattern: $0.token) } ?? none, id(u.version?.git.map(gitField)), 0]
        }
        var out: [UInt8] = []
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        put(UInt32(strings.count))
        for s in strings {
            let b = Array(s.utf8)
            put(UInt32(b.count))
            out += b
        }
        put(UInt32(units.count))
        for v in values { put(v) }
        return out
    }

    /// The units back from their bytes (read where they lie, in the mapped cache file).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [SearchIndex.Unit]? {
        var at = 0
        func get() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        guard let stringCount = get(), Int(stringCount) <= bytes.count / 4 else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(Int(stringCount))
        for _ in 0..<stringCount {
            guard let n = get(), Int(n) <= bytes.count - at else { return nil }
            strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + Int(n))]), as: UTF8.self))
            at += Int(n)
        }
        guard let unitCount = get(), Int(unitCount) * width * 4 == bytes.count - at else { return nil }
        func string(_ v: UInt32) -> String?? {
            if v == none { return .some(nil) }
            return Int(v) < strings.count ? .some(strings[Int(v)]) : nil
        }
        var units: [SearchIndex.Unit] = []
        units.reserveCapacity(Int(unitCount))
        // One unit's integers, read into the same buffer each time (the count was checked above).
        var v = [UInt32](repeating: 0, count: width)
        for _ in 0..<unitCount {
            for k in 0..<width {
                guard let x = get() else { return nil }
                v[k] = x
            }
            guard v[0] <= 1, v[1] <= 2, v[2] <= 1,
                  let vendor = string(v[3]) ?? nil, let document = string(v[4]) ?? nil,
                  let language = string(v[5]), let surface = string(v[6]), let question = string(v[7]),
                  let versionDate = date(v[8]), let path = string(v[9]), let stamp = string(v[11]),
                  let quoteDate = date(v[12]), let gitField = string(v[16]), v[17] == 0 else { return nil }
            var version: DocumentVersion?
            if let d = versionDate, let path, let stamp, v[10] <= 1 {
                version = DocumentVersion(date: d, path: path, origin: v[10] == 0 ? .data : .source, stamp: stamp)
                if let gitField {
                    guard let git = gitObject(gitField) else { return nil }
                    version?.git = git
                }
            } else if versionDate != nil || path != nil || stamp != nil || v[10] != none || gitField != nil {
                return nil
            }
            var link: SearchIndex.QuoteLink?
            if v[13] != none {
                guard v[13] < unitCount, v[14] != none, v[15] != none, Int32(bitPattern: v[14]) >= 0, Int32(bitPattern: v[15]) >= 0 else { return nil }
                link = SearchIndex.QuoteLink(unit: Int32(bitPattern: v[13]), occurrence: Int32(bitPattern: v[14]), token: Int32(bitPattern: v[15]))
            }
            units.append(SearchIndex.Unit(kind: v[0] == 0 ? .quote : .document, vendor: vendor, document: document, version: version,
                                          surface: surface, question: question, language: language, importance: UInt8(v[1]),
                                          isNewest: v[2] == 1, quoteDate: quoteDate, link: link))
        }
        return units
    }

    /// Whether every quote's link names a document unit, an occurrence of that unit and a token of its line.
    static func linksHold(_ units: [SearchIndex.Unit], _ tables: IndexTables) -> Bool {
        units.allSatisfy { u in
            guard let link = u.link else { return true }
            let d = Int(link.unit), occ = Int(link.occurrence)
            guard d < units.count, units[d].kind == .document, tables.row(tables.unitOccStart, d).contains(occ) else { return false }
            return Int(link.token) < tables.row(tables.tokenStart, Int(tables.occLine[occ])).count
        }
    }

    /// A git version's object as one string: repository, commit and blob, tab-separated.
    private static func gitField(_ git: GitObject) -> String {
        "\(git.repository)\t\(git.commit)\t\(git.blob)"
    }

    /// The object back from its string: nil unless both ids are object ids.
    private static func gitObject(_ field: String) -> GitObject? {
        let parts = field.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, GitLog.isObjectID(parts[1]), GitLog.isObjectID(parts[2]) else { return nil }
        return GitObject(repository: parts[0], commit: parts[1], blob: parts[2])
    }

    private static func date(_ d: SimpleDate?) -> UInt32 {
        d.map { UInt32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? none
    }

    /// A date back from its number: `.some(nil)` for none, nil for a number that is no date.
    private static func date(_ v: UInt32) -> SimpleDate?? {
        if v == none { return .some(nil) }
        let n = Int(v)
        guard let d = SimpleDate(year: n / 10_000, month: n / 100 % 100, day: n % 100) else { return nil }
        return .some(d)
    }
}
