import PolicyModel

/// The rows of the vendor list: the analysed vendors, then a heading over the services of the
/// sources without verdicts, then those services.
struct VendorRows {
    enum Row {
        case vendor(Vendor)
        /// `Not analysed — n services`: never selected.
        case heading(services: Int)
    }

    let rows: [Row]

    init(_ catalog: Catalog) {
        let analysed = catalog.vendors.filter(\.analysed)
        let others = catalog.vendors.filter { !$0.analysed }
        rows = analysed.map(Row.vendor) + (others.isEmpty ? [] : [.heading(services: others.count)] + others.map(Row.vendor))
    }

    var count: Int { rows.count }

    var headings: Set<Int> {
        Set(rows.indices.filter { if case .heading = rows[$0] { return true } else { return false } })
    }

    /// The vendor on row `index`; nil on the heading or past the end.
    func vendor(at index: Int) -> Vendor? {
        guard let row = rows[safe: index], case .vendor(let v) = row else { return nil }
        return v
    }

    func index(of vendor: String) -> Int? {
        rows.firstIndex { if case .vendor(let v) = $0 { return v.id == vendor } else { return false } }
    }

    /// The vendors in list order.
    var vendors: [Vendor] { rows.compactMap { if case .vendor(let v) = $0 { return v } else { return nil } } }
}
