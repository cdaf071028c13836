import PolicyModel

/// A vendor's dated events and document versions on one list, newest first.
enum Timeline {
    struct Entry: Hashable {
        var date: SimpleDate
        var isEvent: Bool
        var title: String
        var detail: String
    }

    static func entries(_ vendorID: String, model: BrowserModel) -> [Entry] {
        guard let vendor = model.catalog.vendor(vendorID) else { return [] }
        var out: [Entry] = vendor.events.map {
            Entry(date: $0.date, isEvent: true, title: $0.title.text(model.language), detail: $0.source)
        }
        for doc in vendor.documents {
            for v in doc.versions {
                out.append(Entry(date: v.date, isEvent: false, title: doc.title.text(model.language),
                                 detail: "\(doc.ref)@\(v.date)"))
            }
        }
        // Newest first; on one day, events before versions.
        return out.sorted { ($0.date, $0.isEvent ? 1 : 0) > ($1.date, $1.isEvent ? 1 : 0) }
    }
}
