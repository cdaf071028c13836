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
    func noMatch(_ typed: String) -> String { pick("nothing matches “\(typed)”", "没有与“\(typed)”匹配的内容") }
}
