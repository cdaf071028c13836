import PolicyModel
import TerminalUI

/// The browser's key table: one source for the `?` overlay, the status-bar hints and README.
public enum BrowserKeys {
    public static func keymap(_ language: Language) -> Keymap {
        func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        func k(_ names: String...) -> [Key] { names.compactMap { Key(name: $0) } }
        // Movement in the tables (a vendor's matrix, vendors side by side).
        func tableMoves(row: (String, String), column: (String, String)) -> [Binding] {
            [
                Binding(k("↑", "k"), "up", help: t("Previous " + row.0, "上一个" + row.1)),
                Binding(k("↓", "j"), "down", help: t("Next " + row.0, "下一个" + row.1)),
                Binding(k("←", "h"), "left", help: t("Previous " + column.0, "上一个" + column.1)),
                Binding(k("→", "l"), "right", help: t("Next " + column.0, "下一个" + column.1)),
                Binding(k("g", "Home"), "top", help: t("First " + row.0, "第一个" + row.1)),
                Binding(k("G", "End"), "bottom", help: t("Last " + row.0, "最后一个" + row.1)),
            ]
        }
        return Keymap([
            BindingGroup(context: "vendors", title: t("Vendor list", "厂商列表"), bindings: [
                Binding(k("Enter"), "open", hint: t("verdicts", "结论"), help: t("Open the vendor's verdicts (surfaces × questions)", "打开该厂商的结论矩阵（产品 × 问题）")),
                Binding(k("d"), "documents", hint: t("docs", "文档"), help: t("The vendor's documents and versions", "该厂商的文档与版本")),
                Binding(k("t"), "timeline", help: t("The vendor's timeline: events and document versions", "时间线：事件与文档版本")),
                Binding(k("Space"), "mark", help: t("Mark or unmark the vendor for comparison", "标记或取消标记以便比较")),
                Binding(k("c"), "compare", hint: t("compare", "比较"), help: t("Compare the marked vendors (or this one) side by side", "并排比较已标记的厂商（或当前厂商）")),
            ]),
            BindingGroup(context: "compare", title: t("Vendors side by side", "厂商并排比较"), bindings: tableMoves(row: ("question", "问题"), column: ("column (columns scroll sideways)", "列（列可横向滚动）")) + [
                Binding(k("Enter"), "open", hint: t("detail", "详情"), help: t("Open the verdict in the selected cell", "打开所选单元格的结论")),
            ]),
            BindingGroup(context: "documentCompare", title: t("Documents side by side", "文档并排比较"), bindings: [
                Binding(k("↑", "k"), "up", help: t("Previous aligned clause", "上一对齐条款")),
                Binding(k("↓", "j"), "down", help: t("Next aligned clause", "下一对齐条款")),
                Binding(k("Enter"), "open", hint: t("verdict", "结论"), help: t("Open a verdict that quotes the selected clause", "打开引用所选条款的结论")),
            ]),
            BindingGroup(context: "matrix", title: t("Verdict matrix", "结论矩阵"), bindings: tableMoves(row: ("question", "问题"), column: ("surface", "产品")) + [
                Binding(k("Enter"), "open", hint: t("detail", "详情"), help: t("Open the verdict with its quotes", "打开结论及其引文")),
                Binding(k("d"), "documents", hint: t("docs", "文档"), help: t("The vendor's documents and versions", "该厂商的文档与版本")),
                Binding(k("t"), "timeline", help: t("The vendor's timeline", "时间线")),
                Binding(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "digit", help: t("Jump to question 1–9", "跳到第 1–9 个问题")),
            ]),
            BindingGroup(context: "detail", title: t("Verdict detail", "结论详情"), bindings: [
                Binding(k("Enter"), "open", hint: t("quote", "原文"), help: t("Open the selected quote in its clause", "在条款原文中打开所选引文")),
            ]),
            BindingGroup(context: "documents", title: t("Documents", "文档"), bindings: [
                Binding(k("Enter"), "open", hint: t("read", "阅读"), help: t("Read the newest version", "阅读最新版本")),
                Binding(k("v"), "versions", hint: t("versions", "版本"), help: t("The document's versions and what each changed", "文档各版本及其改动")),
            ]),
            BindingGroup(context: "versions", title: t("Versions", "版本"), bindings: [
                Binding(k("Enter"), "open", hint: t("read", "阅读"), help: t("Read this version", "阅读此版本")),
                Binding(k("d"), "diff", hint: t("diff", "差异"), help: t("Changes against the previous version", "与上一版本的差异")),
                Binding(k("x"), "noise", hint: t("hide noise", "隐藏噪音"), help: t("Hide or show versions that change only noise", "隐藏或显示仅有噪音改动的版本")),
            ]),
            BindingGroup(context: "diff", title: t("Changes", "差异"), bindings: [
                Binding(k("Enter"), "open", hint: t("show", "查看"), help: t("Open the change in the clause pane", "在条款原文中查看此改动")),
            ]),
            BindingGroup(context: "clause", title: t("Clause pane", "条款原文"), bindings: [
                Binding(k("↑", "k"), "up", help: t("Scroll up a line (outline: previous section)", "上滚一行（目录：上一节）")),
                Binding(k("↓", "j"), "down", help: t("Scroll down a line (outline: next section)", "下滚一行（目录：下一节）")),
                Binding(k("PgUp", "b", "C-u"), "pageUp", help: t("Page up", "上一页")),
                Binding(k("PgDn", "Space", "C-d"), "pageDown", help: t("Page down", "下一页")),
                Binding(k("g", "Home"), "top", help: t("Top of the document", "文档开头")),
                Binding(k("G", "End"), "bottom", help: t("End of the document", "文档结尾")),
                Binding(k("n"), "nextQuote", hint: t("next quote", "下一引文"), help: t("Next quoted passage (after a search: next hit)", "下一处被引用的段落（搜索后：下一处结果）")),
                Binding(k("N"), "previousQuote", help: t("Previous quoted passage (after a search: previous hit)", "上一处被引用的段落（搜索后：上一处结果）")),
                Binding(k("←", "h"), "left", help: t("Focus the section outline", "聚焦章节目录")),
                Binding(k("→", "l"), "right", help: t("Focus the text", "聚焦正文")),
                Binding(k("Enter"), "open", hint: t("verdict", "结论"), help: t("Outline: go to the section; text: open the verdict citing the current quote", "目录：跳到该节；正文：打开引用当前段落的结论")),
            ]),
            BindingGroup(context: "prompt", title: t("Search prompt", "搜索框"), bindings: [
                Binding(k("Enter"), "open", hint: t("open", "打开"), help: t("Open the selected hit in its clause", "在原文中打开所选结果")),
                Binding(k("Esc"), "cancel", hint: t("cancel", "取消"), help: t("Cancel and return to the view you had", "取消并回到原来的视图")),
                Binding(k("↑", "↓", "PgUp", "PgDn"), "move", help: t("Move in the results (on an empty prompt ↑/↓: history)", "在结果中移动（输入为空时 ↑/↓：历史）")),
                Binding(k("C-p", "C-n"), "history", help: t("Previous / next query from the history", "历史中的上一条 / 下一条")),
                Binding(k("←", "→", "C-a", "C-e"), "cursor", help: t("Move the cursor; start / end of the line", "移动光标；行首 / 行尾")),
                Binding(k("C-w", "C-u", "C-k"), "erase", help: t("Erase the word before / everything before / after the cursor", "删除光标前一个词 / 光标前全部 / 光标后全部")),
            ]),
            BindingGroup(context: "results", title: t("Search results", "搜索结果"), bindings: [
                Binding(k("Enter"), "open", hint: t("open", "打开"), help: t("Open the selected hit in its clause", "在原文中打开所选结果")),
                Binding(k("/"), "edit", hint: t("edit", "修改"), help: t("Edit the query", "修改查询")),
                Binding(k("↑", "k", "↓", "j"), "move", help: t("Move in the results", "在结果中移动")),
            ]),
            BindingGroup(context: "list", title: t("Lists", "列表"), bindings: [
                Binding(k("↑", "k"), "up", help: t("Move up", "上移")),
                Binding(k("↓", "j"), "down", help: t("Move down", "下移")),
                Binding(k("g", "Home"), "top", help: t("First item", "第一项")),
                Binding(k("G", "End"), "bottom", help: t("Last item", "最后一项")),
                Binding(k("PgUp", "b", "C-u"), "pageUp", help: t("Page up", "上一页")),
                Binding(k("PgDn", "Space", "C-d"), "pageDown", help: t("Page down", "下一页")),
                Binding(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "digit", help: t("Jump to item 1–9", "跳到第 1–9 项")),
            ]),
            BindingGroup(context: "global", title: t("Everywhere", "全局"), bindings: [
                Binding(k("<", "C-o", "Esc"), "back", hint: t("back", "返回"), help: t("Back to where you were", "返回上一处")),
                Binding(k(">", "Tab"), "forward", help: t("Forward again", "前进")),
                Binding(k("/"), "search", hint: t("search", "搜索"), help: t("Search quotes and documents as you type", "边输入边搜索引文与文档")),
                Binding(k("n"), "nextHit", help: t("Next hit of the last search", "上次搜索的下一处")),
                Binding(k("N"), "previousHit", help: t("Previous hit of the last search", "上次搜索的上一处")),
                Binding(k("?"), "help", hint: t("help", "帮助"), help: t("This help", "本帮助")),
                Binding(k("R"), "reload", help: t("Read the data and sources again", "重新读取数据与来源")),
                Binding(k("q"), "close", hint: t("quit", "退出"), help: t("Close the view; quit at the top", "关闭当前视图；在顶层时退出")),
                Binding(k("C-c"), "quit", help: t("Quit", "退出")),
            ]),
        ])
    }
}
