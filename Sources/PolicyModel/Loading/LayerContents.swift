/// What one analysis layer declares, before layers are merged and cross-checked.
struct LayerContents {
    var questions: [Question]?
    var questionsLocation: SourceLocation?
    var vendors: [String: Vendor] = [:]
    /// Files that hold version texts, by the path shown for them.
    var dataFiles: [String: String] = [:]
}

/// Reads one layer's files into `LayerContents`, recording every problem it meets.
struct LayerLoader {
    let layer: any LayerFiles
    private(set) var diagnostics: [Diagnostic] = []

    init(layer: any LayerFiles) { self.layer = layer }

    mutating func load() -> LayerContents {
        var contents = LayerContents()
        let files = layer.listFiles(diagnostics: &diagnostics)
        let fileSet = Set(files)
        if fileSet.contains("questions.yaml") {
            let path = layer.displayPath("questions.yaml")
            if let node = parseYAML("questions.yaml") {
                contents.questions = QuestionsReader.read(node.node, file: node.file)
                contents.questionsLocation = SourceLocation(file: path)
                diagnostics += node.file.diagnostics
            }
        }
        // vendors/<id>/…
        var vendorFolders: [String: [String]] = [:]
        for file in files where file.hasPrefix("vendors/") {
            let parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else {
                warn(file, "files directly in vendors/ are ignored: each vendor has its own folder")
                continue
            }
            vendorFolders[parts[1], default: []].append(parts.dropFirst(2).joined(separator: "/"))
        }
        // Vendors are read side by side (parsing YAML is most of a start), each by its own
        // loader, and gathered in id order so messages come out as they would one by one.
        let folders = vendorFolders.sorted(by: { $0.key < $1.key })
        let read = Slots<VendorRead>(count: folders.count)
        let layer = self.layer
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in
            var loader = LayerLoader(layer: layer)
            var dataFiles: [String: String] = [:]
            let vendor = loader.loadVendor(id: folders[i].key, files: folders[i].value, dataFiles: &dataFiles)
            read.put(i, VendorRead(vendor: vendor, dataFiles: dataFiles, diagnostics: loader.diagnostics))
        }
        for (i, (id, _)) in folders.enumerated() {
            guard let r = read.get(i) else { continue }
            diagnostics += r.diagnostics
            contents.dataFiles.merge(r.dataFiles) { a, _ in a }
            if let vendor = r.vendor { contents.vendors[id] = vendor }
        }
        return contents
    }

    private mutating func warn(_ relative: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, SourceLocation(file: layer.displayPath(relative)), message))
    }

    private mutating func fail(_ relative: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        diagnostics.append(Diagnostic(.error, SourceLocation(file: layer.displayPath(relative), line: line, column: column), message))
    }

    /// Reads and decodes a file, or records why it can't.
    mutating func readText(_ relative: String) -> String? {
        let bytes: [UInt8]
        do {
            bytes = try layer.read(relative)
        } catch {
            fail(relative, "\(error)")
            return nil
        }
        switch TextDecoding.decode(bytes) {
        case .success(let text):
            return text
        case .failure(let problem):
            fail(relative, problem.message, line: problem.line, column: problem.column)
            return nil
        }
    }

    mutating func parseYAML(_ relative: String) -> (node: Yams.Node, file: YAMLFile)? {
        guard let text = readText(relative) else { return nil }
        let file = YAMLFile(path: layer.displayPath(relative))
        guard let node = file.parse(text) else {
            diagnostics += file.diagnostics
            return nil
        }
        return (node, file)
    }

    private mutating func loadVendor(id: String, files: [String], dataFiles: inout [String: String]) -> Vendor? {
        let base = "vendors/\(id)/"
        guard files.contains("vendor.yaml") else {
            fail(base, "vendor folder `\(id)` has no vendor.yaml")
            return nil
        }
        guard let vendorNode = parseYAML(base + "vendor.yaml") else { return nil }
        let vendorFile = vendorNode.file
        guard var vendor = VendorReader.read(vendorNode.node, file: vendorFile, folderID: id, origin: layer.label) else {
            diagnostics += vendorFile.diagnostics
            return nil
        }
        diagnostics += vendorFile.diagnostics

        // documents/<doc>/document.yaml and <YYYY-MM-DD>.md
        var docFiles: [String: [String]] = [:]
        for file in files where file.hasPrefix("documents/") {
            let parts = file.split(separator: "/").map(String.init)
            guard parts.count == 3 else {
                warn(base + file, "ignored: documents are folders documents/<doc-id>/ holding document.yaml and YYYY-MM-DD.md files")
                continue
            }
            docFiles[parts[1], default: []].append(parts[2])
        }
        for (docID, names) in docFiles.sorted(by: { $0.key < $1.key }) {
            let folder = base + "documents/\(docID)/"
            guard names.contains("document.yaml") else {
                fail(folder, "document folder `\(docID)` has no document.yaml")
                continue
            }
            guard let docNode = parseYAML(folder + "document.yaml") else { continue }
            var versions: [DocumentVersion] = []
            for name in names.sorted() where name != "document.yaml" {
                guard name.hasSuffix(".md"), let date = SimpleDate(name.dropLast(3)) else {
                    fail(folder + name, "version files are named YYYY-MM-DD.md (a real date), found `\(name)`")
                    continue
                }
                let shown = layer.displayPath(folder + name)
                versions.append(DocumentVersion(date: date, path: shown, origin: .data, stamp: String(name.dropLast(3)) + "T99"))
                dataFiles[shown] = folder + name
            }
            if let document = DocumentReader.read(docNode.node, file: docNode.file, vendor: id, id: docID, versions: versions) {
                vendor.documents.append(document)
            }
            diagnostics += docNode.file.diagnostics
        }
        for file in files where !file.hasPrefix("documents/") && file != "vendor.yaml" && file != "verdicts.yaml" {
            warn(base + file, "ignored: a vendor folder holds vendor.yaml, verdicts.yaml and documents/")
        }
        if files.contains("verdicts.yaml"), let verdictNode = parseYAML(base + "verdicts.yaml") {
            vendor.verdicts = VerdictReader.read(verdictNode.node, file: verdictNode.file, vendor: id)
            diagnostics += verdictNode.file.diagnostics
        }
        return vendor
    }
}

/// One vendor folder as read.
private struct VendorRead: Sendable {
    var vendor: Vendor?
    var dataFiles: [String: String]
    var diagnostics: [Diagnostic]
}

import Foundation
import Yams
