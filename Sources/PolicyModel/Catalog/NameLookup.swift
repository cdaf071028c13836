/// Ids as typed on the command line: found exactly, else ignoring case when that names exactly
/// one (`DeepSeek` is `deepseek`); when nothing fits, one message names what was not found,
/// suggests the nearest ids (`Suggestion`) and lists the ids there are.
public struct UnknownName: Error, Sendable, CustomStringConvertible {
    public var description: String
}

public enum NameLookup {
    /// The id `typed` stands for: itself, else the one id equal to it ignoring case.
    public static func id(_ typed: String, among ids: [String]) -> String? {
        if ids.contains(typed) { return typed }
        let folded = ids.filter { $0.lowercased() == typed.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }

    /// The item whose id `typed` stands for, or the message saying what there is.
    static func find<Item>(_ typed: String, in items: [Item], id: (Item) -> String, what: String, listing: String) -> Result<Item, UnknownName> {
        let ids = items.map(id)
        guard let found = Self.id(typed, among: ids), let item = items.first(where: { id($0) == found }) else {
            return .failure(unknown(what, typed, among: ids, listing: listing))
        }
        return .success(item)
    }

    /// "`what` `typed` (did you mean …?); `listing` are a, b, c".
    public static func unknown(_ what: String, _ typed: String, among ids: [String], listing: String) -> UnknownName {
        UnknownName(description: "\(what) `\(typed)`\(Suggestion.hint(typed, in: ids)); \(listing) are \(ids.joined(separator: ", "))")
    }
}

extension Catalog {
    public func lookUpVendor(_ typed: String) -> Result<Vendor, UnknownName> {
        NameLookup.find(typed, in: vendors, id: \.id, what: "unknown vendor", listing: "vendors")
    }

    public func lookUpQuestion(_ typed: String) -> Result<Question, UnknownName> {
        NameLookup.find(typed, in: questions, id: \.id, what: "unknown question", listing: "questions")
    }
}

extension Vendor {
    public func lookUpSurface(_ typed: String) -> Result<Surface, UnknownName> {
        NameLookup.find(typed, in: surfaces, id: \.id, what: "\(id) has no surface", listing: "its surfaces")
    }

    public func lookUpDocument(_ typed: String) -> Result<PolicyDocument, UnknownName> {
        NameLookup.find(typed, in: documents, id: \.id, what: "\(id) has no document", listing: "its documents")
    }
}
