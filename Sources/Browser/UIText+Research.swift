import PolicyModel
import TerminalUI

/// The browser's words for reading, going to clauses, comparing, copying and opening.
extension UIText {
    var rawMarkdown: String { pick("raw", "原文") }
    var rawShown: String { pick("the Markdown file as it is: r renders it again", "Markdown 原文：按 r 恢复渲染") }
    var renderedShown: String { pick("rendered: r shows the Markdown file as it is", "已渲染：按 r 显示 Markdown 原文") }
    var typeASection: String { pick("type a section number or title", "请输入条款编号或标题") }
    var noVerdictMatches: String { pick("no verdict matches: a and s change the filters", "没有符合的结论：按 a、s 更改筛选") }
    var lastQuestion: String { pick("this is the last question", "已是最后一个问题") }
    var firstQuestion: String { pick("this is the first question", "已是第一个问题") }
    var allAnswers: String { pick("all", "全部") }
    var allSurfaces: String { pick("all surfaces", "全部产品") }
    var markTwoDocuments: String { pick("Space marks two documents to compare (v: the versions of one)", "按空格标记两份文档以便比较（v：同一文档的版本）") }
    var markTwoVersions: String { pick("Space marks two versions to compare", "按空格标记两个版本以便比较") }
    var noCounterpart: String { pick("no version of these terms in another language", "没有这些条款的其他语言版本") }
    func notLoaded(_ title: String) -> String { pick("\(title): text not loaded (--sources DIR)", "\(title)：全文未加载（--sources DIR）") }
    func copied(_ what: String) -> String { pick("copied ", "已复制") + what }
    func quoteWithCitation(_ n: Int) -> String { pick("quote [\(n)] with its citation (Markdown)", "第 [\(n)] 条引文及出处（Markdown）") }
    func wholeVerdict(_ quotes: Int) -> String { pick("the verdict with \(quotes.counted("quote")) (Markdown)", "整条结论及 \(quotes) 条引文（Markdown）") }
    var noCurrentQuote: String { pick("no current quote: ] goes to the next", "没有当前引文：按 ] 跳到下一处") }
    var theURL: String { pick("the URL", "网址") }
    var noURL: String { pick("no URL is known for this document", "此文档没有已知网址") }
    func opening(_ url: String, with name: String) -> String { pick("opening \(url) with \(name)", "正在用 \(name) 打开 \(url)") }
    var noBrowser: String {
        pick("No browser to open it with: set BROWSER (xdg-open is used when there is a display).",
             "没有可用的浏览器：请设置 BROWSER（有图形界面时使用 xdg-open）。")
    }
    func browserFailed(_ name: String) -> String { pick("\(name) could not open it.", "\(name) 无法打开。") }
    var linkKeys: String { pick("y copies the URL; q, Esc or Enter close", "按 y 复制网址；q、Esc 或 Enter 关闭") }
    var legendReal: String { pick("a real change", "实质改动") }
    var legendCounts: String { pick("paragraphs added, removed, reworded", "段落：新增、删除、改写") }
    var legendNoise: String { pick("noise only (dates, links, layout) or identical", "仅噪音（日期、链接、排版）或相同") }
    var legendMarked: String { pick("marked for c", "已标记，供 c 比较") }
    func noMatch(_ typed: String) -> String { pick("nothing matches “\(typed)”", "没有与“\(typed)”匹配的内容") }
}
