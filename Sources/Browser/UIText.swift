import PolicyModel
import TerminalUI

/// The browser's own words in English and Chinese.
struct UIText {
    let language: Language

    func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var appName: String { "termlens" }
    var vendors: String { pick("Vendors", "厂商") }
    var surfaces: String { pick("surfaces", "产品") }
    var question: String { pick("Question", "问题") }
    var documents: String { pick("Documents", "文档") }
    var timeline: String { pick("Timeline", "时间线") }
    var evidence: String { pick("Evidence", "依据") }
    var advice: String { pick("Advice", "建议") }
    var examined: String { pick("Documents examined", "已审阅文档") }
    var asOf: String { pick("as of", "截至") }
    var secondary: String { pick("secondary source", "二手来源") }
    /// A version read that is not the newest loaded one (a quote pinned to it, a diff side).
    func notNewest(_ newest: String) -> String { pick("older: newest is \(newest)", "旧版本：最新为 \(newest)") }
    var noEvidence: String { pick("No quote: see the summary and the documents examined.", "无引文：见摘要与已审阅文档。") }
    var help: String { pick("Keys", "按键") }
    var outline: String { pick("Sections", "章节") }
    func versions(_ n: Int) -> String { pick(n.counted("version"), "\(n) 个版本") }
    var notLoaded: String { pick("text not loaded", "全文未加载") }
    var noVerdict: String { pick("no verdict", "无结论") }
    var notAnalysed: String { pick("not analysed", "未分析") }
    /// The heading over the services without verdicts in the vendor list.
    func notAnalysedHeading(_ n: Int) -> String { pick("Not analysed — \(n) service\(n == 1 ? "" : "s")", "未分析 — \(n) 个服务") }
    func servicesWithoutVerdicts(_ n: Int) -> String { pick("\(n) service\(n == 1 ? "" : "s") without verdicts", "\(n) 个未分析的服务") }
    func documentCount(_ n: Int) -> String { pick("\(n) doc\(n == 1 ? "" : "s")", "\(n) 份文档") }
    func versionCount(_ n: Int) -> String { pick("\(n) version\(n == 1 ? "" : "s")", "\(n) 个版本") }
    var summary: String { pick("Summary", "摘要") }
    var country: String { pick("country", "国家") }
    /// The reader's counter of quoted passages: `passage 6/15 · §4.3`.
    func passageOf(_ n: Int, _ total: Int, section: String?) -> String {
        pick("passage", "段落") + " \(n)/\(total)" + (section.map { " · §\($0)" } ?? "")
    }
    var noQuotesHere: String { pick("No quoted passage in this version.", "此版本中没有被引用的段落。") }
    var top: String { pick("top of the jump list", "已在最前") }
    var end: String { pick("end of the jump list", "已在最后") }
    var event: String { pick("event", "事件") }
    var version: String { pick("version", "版本") }
    var search: String { pick("Search", "搜索") }
    var compare: String { pick("Compare", "比较") }
    var versionsTitle: String { pick("Versions", "版本") }
    var noiseHidden: String { pick("noise hidden", "已隐藏噪音") }
    var firstVersion: String { pick("first recorded version", "首个记录版本") }
    var noiseOnly: String { pick("noise only", "仅噪音") }
    var identical: String { pick("identical", "相同") }
    var repeated: String { pick("back to an earlier text", "回到较早文本") }
    func changes(_ n: Int) -> String { pick(n.counted("change"), "\(n) 处改动") }
    var noChange: String { pick("No change (noise filtered).", "无改动（已过滤噪音）。") }
    var added: String { pick("added", "新增") }
    var removed: String { pick("removed", "删除") }
    var changedWord: String { pick("changed", "修改") }
    var noPrevious: String { pick("no earlier version", "没有更早的版本") }
    var notQuoted: String { pick("no verdict quotes this clause", "没有结论引用此条款") }
    var reloaded: String { pick("data and sources read again", "已重新读取数据与来源") }
    func reloadFailed(_ n: Int) -> String {
        pick("the data now has \(n.counted("problem")); kept what was loaded (termlens check lists them)",
             "数据现有 \(n) 个问题；保留原先加载的内容（termlens check 可列出）")
    }
    var colours: String { pick("Colours", "颜色") }
    var goodForYou: String { pick("good for you", "对你有利") }
    var badForYou: String { pick("bad for you", "对你不利") }
    var mixedTone: String { pick("mixed", "视情况") }
    var neutralTone: String { pick("neither", "中性") }
    var noSearch: String { pick("no search yet: press /", "还没有搜索：按 /") }
    var buildingSearchIndex: String { pick("Building the search index…", "正在建立搜索索引…") }
    var noHits: String { pick("no hit to open", "没有可打开的结果") }
    var quit: String { pick("quit", "退出") }
    var noVendors: String { pick("no vendor in the data", "数据中没有厂商") }
    var nothingMarked: String { pick("nothing marked: Space marks a vendor", "没有标记：按空格标记厂商") }
    func marked(_ n: Int) -> String { pick("\(n) marked", "已标记 \(n) 个") }
    func noSuchQuestion(_ n: Int, count: Int) -> String { pick("no question \(n): there are \(count)", "没有第 \(n) 个问题：共 \(count) 个") }
    func noSuchQuote(_ n: Int, count: Int) -> String { pick("no quote [\(n)]: there are \(count)", "没有第 [\(n)] 条引文：共 \(count) 条") }
    var lastQuote: String { pick("this is the last quote", "已是最后一条引文") }
    var firstQuote: String { pick("this is the first quote", "已是第一条引文") }
    func noSection(_ label: String) -> String { pick("no section \(label) in this version", "此版本中没有第 \(label) 节") }
    var textNotLoaded: String { pick("the text is not loaded (--sources DIR)", "全文未加载（--sources DIR）") }
    var outlineFocused: String { pick("the outline has the focus: → or l goes back to the text", "目录已聚焦：按 → 或 l 回到正文") }
    var textFocused: String { pick("the text has the focus already", "正文已聚焦") }
    var noSections: String { pick("no sections in this document", "此文档没有章节") }
    func outlineNeedsWidth(_ n: Int) -> String { pick("the section outline shows at \(n) columns or wider", "终端宽度需 \(n) 列以上才显示章节目录") }
    var noQuoteOnScreen: String { pick("no quote on screen: ] goes to the next", "屏幕上没有引文：按 ] 跳到下一处") }
    var noDocuments: String { pick("no documents", "没有文档") }
    var noVersionsLoaded: String { pick("no version loaded: add --sources DIR", "未加载任何版本：请加 --sources DIR") }
    func eventSource(_ source: String) -> String { pick("an event, not a document: source ", "事件而非文档：来源 ") + source }
    var noQuotedBelow: String { pick("no quoted clause below", "下方没有被引用的条款") }
    var noQuotedAbove: String { pick("no quoted clause above", "上方没有被引用的条款") }
    var helpKeys: String { pick("? q Esc close the help", "按 ? q Esc 关闭帮助") }
    func unbound(_ key: Key) -> String {
        pick("\(key.name) does nothing here: ? lists the keys", "\(key.name) 在此无作用：按 ? 查看按键")
    }
    func hits(_ n: Int, limit: Int) -> String {
        let count = n >= limit ? "\(limit)+" : "\(n)"
        return language == .zh ? "\(count) 处" : "\(count) hit\(n == 1 ? "" : "s")"
    }

    // What changed since the last look.
    var whatChanged: String { pick("What changed", "改动") }
    func realChanges(_ n: Int) -> String { pick(n.counted("real change"), "\(n) 处实质改动") }
    func unseen(_ n: Int) -> String { pick("\(n) unseen", "\(n) 处未看") }
    var newWord: String { pick("new", "新") }
    /// The vendor list's badge: `●3 new`.
    func unseenBadge(_ n: Int) -> String { pick("●\(n) new", "●\(n) 新") }
    func unseenNote(_ n: Int) -> String { pick("●\(n) new \(n == 1 ? "change" : "changes") (C)", "●\(n) 处新改动（C）") }
    /// The empty list: since when, where new versions come from, and the keys that widen it.
    func noChanges(since date: SimpleDate?, widened: Bool = false, noise: Bool = false) -> [String] {
        let what = noise ? pick("No version", "没有版本") : pick("No real change", "没有实质改动")
        let first = date.map { d in
            widened ? pick("\(what) recorded since \(d).", "自 \(d) 以来\(what)记录。")
                : pick("\(what) recorded since \(d), and none unseen.", "自 \(d) 以来\(what)记录，也没有未看的改动。")
        } ?? pick("No change to list.", "没有可列出的改动。")
        return [first,
                pick("New versions show here when the sources get them (git pull in a versions repository).", "来源有了新版本（在版本仓库中 git pull）后会显示在这里。"),
                pick("[ a month further back · A every recorded version · x noise too", "[ 再早一个月 · A 全部记录版本 · x 含噪音改动")]
    }
    func since(_ date: SimpleDate) -> String { pick("since \(date)", "自 \(date) 起") }
    var noiseWord: String { pick("noise ", "噪音 ") }
    /// Said when the changes list is widened or narrowed.
    func listedSince(_ date: SimpleDate?, count: Int, noise: Bool) -> String {
        let n = noise ? versions(count) : realChanges(count)
        return date.map { pick("\(n) since \($0)", "自 \($0) 起 \(n)") } ?? n
    }
    var noChangeListed: String { pick("no change listed", "没有列出的改动") }
    var noQuoteTouched: String { pick("No verdict quotes what changed.", "没有结论引用被改动的文字。") }
    func quotesTouched(_ n: Int) -> String { pick("\(n.counted("verdict")) whose quotes it changed:", "\(n) 个结论的引文受影响：") }
    func more(_ n: Int) -> String { pick("… \(n) more", "… 另有 \(n) 项") }
    var reviewWord: String { pick("needs review", "需要复核") }
    var needsReview: String { pick("Needs review: the newest version changed or removed a quote", "需要复核：最新版本修改或删除了引文") }
    var newQuote: String { pick("new", "新增") }
    func quotesIn(_ old: SimpleDate, _ new: SimpleDate) -> String { pick("Quotes in this document, \(old) → \(new)", "本文档中的引文，\(old) → \(new)") }
    var quotedText: String { pick("quoted text", "引文") }
    func touchesQuotes(_ n: Int) -> String { pick("touches \(n.counted("quote"))", "涉及 \(n) 条引文") }
    func drift(_ s: DriftStatus) -> String {
        switch s {
        case .still: return pick("still", "未变")
        case .moved: return pick("moved", "位置已变")
        case .changed: return pick("changed", "已修改")
        case .gone: return pick("gone", "已删除")
        }
    }

    func tooSmall(width: Int, height: Int, needW: Int, needH: Int) -> [String] {
        language == .zh
            ? ["终端太小", "需要 \(needW)×\(needH)", "当前 \(width)×\(height)"]
            : ["Terminal too small", "needs \(needW)×\(needH)", "now \(width)×\(height)"]
    }

    func howToLoad(_ doc: PolicyDocument) -> [String] {
        var lines = [pick("The full text of this document is not loaded.", "此文档的全文未加载。")]
        if let ota = doc.ota {
            lines.append(pick("Load an Open Terms Archive dataset that has \(ota.services.joined(separator: " / ")) › \(ota.type):",
                              "加载包含 \(ota.services.joined(separator: " / ")) › \(ota.type) 的 Open Terms Archive 数据集："))
            lines.append("  termlens --sources DIR …   (TERMLENS_SOURCES=DIR)")
        }
        if let url = doc.url { lines.append(pick("Online: ", "在线：") + url) }
        return lines
    }

    func status(_ s: EvidenceStatus) -> String? {
        switch s {
        case .anchored, .still: return nil
        case .unverified: return pick("unverified: text not loaded", "未核验：全文未加载")
        case .moved: return pick("moved in the newest version", "最新版本中位置已变")
        case .changed: return pick("CHANGED in the newest version", "最新版本中措辞已改")
        case .gone: return pick("GONE from the newest version", "最新版本中已删除")
        case .broken: return pick("NOT FOUND in the cited version", "在所引版本中未找到")
        }
    }
}
