import PolicyModel
import TerminalUI

/// Keys that work in every view (not while typing into the search prompt).
enum GlobalAction: Hashable, Sendable {
    case back, forward, search, nextHit, previousHit, help, reload, close, quit, placeBefore

    static func table(_ t: UIText) -> KeyTable<GlobalAction> {
        KeyTable(t.pick("Everywhere", "全局"), [
            Binding(named("<", "C-o", "Esc"), .back, hint: t.pick("back", "返回"), help: t.pick("Back to where you were", "返回上一处")),
            Binding(named(">", "Tab"), .forward, help: t.pick("Forward again", "前进")),
            Binding(named("/"), .search, hint: t.pick("search", "搜索"), help: t.pick("Search quotes and documents as you type (in the results: edit the query)", "边输入边搜索引文与文档（在结果中：修改查询）")),
            Binding(named("n"), .nextHit, help: t.pick("Next hit of the last search", "上次搜索的下一处")),
            Binding(named("N"), .previousHit, help: t.pick("Previous hit of the last search", "上次搜索的上一处")),
            Binding(named("?"), .help, hint: t.pick("help", "帮助"), help: t.pick("The keys of this view", "本视图的按键")),
            Binding(named("R"), .reload, help: t.pick("Read the data and sources again", "重新读取数据与来源")),
            Binding(named("q"), .close, hint: t.pick("close", "关闭"), help: t.pick("Close the view; quit at the top", "关闭当前视图；在顶层时退出")),
            Binding(named("Q"), .quit, help: t.pick("Quit from any view", "从任何视图直接退出")),
            Binding(named("'"), .placeBefore, help: t.pick("Back to where you left off last time", "回到上次离开时的位置")),
        ])
    }
}

/// Keys that work whatever is on screen, the prompt and the help included: the one place that
/// decides Ctrl-C and Ctrl-Z.
enum SessionAction: Hashable, Sendable {
    case quit, suspend

    static func table(_ t: UIText) -> KeyTable<SessionAction> {
        KeyTable(t.pick("Always", "任何时候"), [
            Binding(named("C-c"), .quit, help: t.pick("Quit", "退出")),
            Binding(named("C-z"), .suspend, help: t.pick("Suspend to the shell (fg comes back)", "挂起到 shell（fg 返回）")),
        ])
    }
}

/// The browser's key tables: one source for the `?` overlay, the status-bar hints and README.
public enum BrowserKeys {
    /// Every table of every view, each shared table once, in the order README lists them.
    public static func keymap(_ language: Language) -> Keymap {
        let t = UIText(language: language)
        let tables: [[KeyGroup]] = [
            VendorListView.groups(t), MatrixView.groups(t), QuestionView.groups(t), DetailView.groups(t), ReaderView.groups(t),
            DocumentListView.groups(t), VersionsView.groups(t), DiffView.groups(t), ChangesView.groups(t), TimelineView.groups(t),
            VendorCompareView.groups(t), DocumentCompareView.groups(t), SearchView.groups(t), HelpView.groups(t), LinkView.groups(t),
            [GlobalAction.table(t).group, SessionAction.table(t).group],
        ]
        var seen = Set<KeyGroup>()
        return Keymap(tables.joined().filter { seen.insert($0).inserted })
    }
}
