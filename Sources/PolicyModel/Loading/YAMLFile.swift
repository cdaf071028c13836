import Foundation
import Yams

/// One parsed YAML file and the problems found in it, each with `file:line:column`.
final class YAMLFile {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    /// A file of this many nodes or more is refused (guards against alias bombs and runaway files).
    static let nodeBudget = 200_000

    init(path: String) { self.path = path }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: path) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    func error(_ node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(.error, location(node), message))
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, location, message))
    }

    /// Parses text into a node tree, or records why it can't.
    func parse(_ text: String) -> Node? {
        if text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            error(at: SourceLocation(file: path, line: 1, column: 1), "file is empty")
            return nil
        }
        do {
            // The basic resolver reads every scalar as text (no regex tag guessing): `answer: yes`
            // stays the word yes, dates stay as written, and parsing is several times faster.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                error(at: SourceLocation(file: path, line: 1, column: 1), "file holds no YAML document")
                return nil
            }
            var count = 0
            guard checkPlain(node, count: &count) else { return nil }
            return node
        } catch let yamlError as YamlError {
            report(yamlError, text: text)
            return nil
        } catch let other {
            error(at: SourceLocation(file: path), "cannot parse YAML: \(other)")
            return nil
        }
    }

    /// Anchors and aliases are not part of the format: refusing them stops alias bombs outright.
    private func checkPlain(_ node: Node, count: inout Int) -> Bool {
        count += 1
        if count > Self.nodeBudget {
            error(node, "too many YAML nodes (more than \(Self.nodeBudget)): YAML aliases expanding without end? termlens data uses no anchors or aliases (&name, *name)")
            return false
        }
        if node.anchor != nil {
            error(node, "YAML anchors and aliases (&name, *name) are not supported in termlens data")
            return false
        }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let seq):
            for item in seq where !checkPlain(item, count: &count) { return false }
            return true
        case .mapping(let map):
            for (key, value) in map {
                if !checkPlain(key, count: &count) || !checkPlain(value, count: &count) { return false }
            }
            return true
        }
    }

    private func report(_ yamlError: YamlError, text: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML: \(problem)"
            if let context { message += " \(context.text)" }
            if problem.contains("tab") || (problem.contains("cannot start any token") && lineHasTab(text, mark.line)) {
                message += " (indent with spaces, not tabs)"
            }
            error(at: SourceLocation(file: path, line: mark.line, column: mark.column), message)
        case .reader(let problem, let offset, _, _):
            error(at: SourceLocation(file: path), "YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        case .duplicatedKeysInMapping(let duplicates, let context):
            error(at: SourceLocation(file: path, line: context.mark.line, column: context.mark.column),
                  "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in one mapping: keep one of each")
        default:
            error(at: SourceLocation(file: path), "YAML: \(yamlError)")
        }
    }

    private func lineHasTab(_ text: String, _ line: Int) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return false }
        return lines[line - 1].contains("\t")
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
