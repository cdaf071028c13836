import PolicyModel

/// Where the browser is, as a TARGET a later run can go back to (`'`): the verdict, the
/// document clause, or the vendor on screen, else the nearest such view behind it.
extension Browser {
    static func place(_ state: BrowserState, model: BrowserModel) -> String? {
        for screen in [state.screen] + state.back.reversed() {
            if let place = place(of: screen, model) { return place }
        }
        return nil
    }

    private static func place(of screen: Screen, _ model: BrowserModel) -> String? {
        switch screen {
        case .detail(let d):
            return d.verdict.description
        case .reader(let r):
            // Without its text (no sources loaded): the document, at the section it was opened at.
            guard let (doc, version) = r.document(model.catalog) else { return "\(r.vendor)/\(r.document)" + (r.section.map { ":" + $0 } ?? "") }
            var place = "\(doc.vendor)/\(doc.id)@\(version.date)"
            let offset = r.current?.lowerBound ?? r.anchorOffset
            if let offset, case .success(let text) = model.catalog.text(of: version),
               let label = text.sections.section(at: offset)?.label, !label.contains(":") {
                place += ":" + label
            }
            return place
        case .matrix(let m):
            return m.vendor
        case .documents(let d):
            return d.vendor
        default:
            return nil
        }
    }

    /// `'`: back to where a run before this one was closed.
    static func goToPlaceBefore(_ state: inout BrowserState, _ model: BrowserModel) {
        guard let text = model.looks.placeBefore else {
            state.message = model.text.pick("No place remembered from an earlier run", "没有记住上次的位置")
            return
        }
        guard case .success(let target) = Target.parse(text, in: model.catalog) else {
            state.message = model.text.pick("Where you left off (\(text)) is not in the data any more", "上次的位置（\(text)）已不在数据中")
            return
        }
        state.back.append(state.screen)
        state.forward.removeAll()
        go(to: target, &state, model)
    }
}
