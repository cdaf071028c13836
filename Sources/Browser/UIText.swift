import PolicyModel

/// The browser's own words in English and Chinese.
struct UIText {
    let language: Language

    private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

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
    var noEvidence: String { pick("No quote: see the summary and the documents examined.", "无引文：见摘要与已审阅文档。") }
    var help: String { pick("Keys", "按键") }
    var outline: String { pick("Sections", "章节") }
    var versions: String { pick("versions", "个版本") }
    var notLoaded: String { pick("text not loaded", "全文未加载") }
    var noVerdict: String { pick("no verdict", "无结论") }
    var notAnalysed: String { pick("not analysed", "未分析") }
    func servicesWithoutVerdicts(_ n: Int) -> String { pick("\(n) service\(n == 1 ? "" : "s") without verdicts", "\(n) 个未分析的服务") }
    func documentCount(_ n: Int) -> String { pick("\(n) doc\(n == 1 ? "" : "s")", "\(n) 份文档") }
    func versionCount(_ n: Int) -> String { pick("\(n) version\(n == 1 ? "" : "s")", "\(n) 个版本") }
    var summary: String { pick("Summary", "摘要") }
    var country: String { pick("country", "国家") }
    var quoteOf: String { pick("quote", "引文") }
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
    var changes: String { pick("changes", "处改动") }
    var noChange: String { pick("No change (noise filtered).", "无改动（已过滤噪音）。") }
    var added: String { pick("added", "新增") }
    var removed: String { pick("removed", "删除") }
    var changedWord: String { pick("changed", "修改") }
    var noPrevious: String { pick("no earlier version", "没有更早的版本") }
    var notQuoted: String { pick("no verdict quotes this clause", "没有结论引用此条款") }
    var reloaded: String { pick("data and sources read again", "已重新读取数据与来源") }
    func reloadFailed(_ n: Int) -> String {
        pick("the data now has \(n) problem\(n == 1 ? "" : "s"); kept what was loaded (termlens check lists them)",
             "数据现有 \(n) 个问题；保留原先加载的内容（termlens check 可列出）")
    }
    var noSearch: String { pick("no search yet: press /", "还没有搜索：按 /") }
    func hits(_ n: Int, limit: Int) -> String {
        let count = n >= limit ? "\(limit)+" : "\(n)"
        return language == .zh ? "\(count) 处" : "\(count) hit\(n == 1 ? "" : "s")"
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
