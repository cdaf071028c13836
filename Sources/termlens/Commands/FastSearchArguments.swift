import PolicyModel

/// `termlens search …` read without ArgumentParser: building its command tree and the type
/// lookups that come with it cost more than the search itself, for a command meant to be as
/// quick as grep. Only the plain forms are read here (the documented options, `--name value`
/// or `--name=value`, and query words); anything else — help, an unknown or malformed option,
/// a bad value — gives nil, and the command line goes through ArgumentParser as usual, which
/// prints the usual message.
enum FastSearchArguments {
    static func parse(_ args: [String]) -> SearchRequest? {
        var request = SearchRequest(query: [])
        var i = 0
        func value(_ arg: String, _ name: String) -> String?? {
            // nil: not this option; .some(nil): this option with no value.
            if arg == name {
                guard i + 1 < args.count, !args[i + 1].hasPrefix("--") else { return .some(nil) }
                i += 1
                return .some(args[i])
            }
            if arg.hasPrefix(name + "=") { return .some(String(arg.dropFirst(name.count + 1))) }
            return nil
        }
        while i < args.count {
            let arg = args[i]
            defer { i += 1 }
            guard arg.hasPrefix("-") else {
                request.query.append(arg)
                continue
            }
            switch arg {
            case "--json": request.json = true; continue
            case "--all-versions": request.allVersions = true; continue
            case "--no-color": request.global.noColor = true; continue
            default: break
            }
            var matched = false
            for name in ["--scope", "--vendor", "--surface", "--question", "--limit", "--data", "--sources", "--lang"] {
                guard let found = value(arg, name) else { continue }
                guard let v = found, !v.isEmpty else { return nil }
                matched = true
                switch name {
                case "--scope":
                    guard SearchQuery.Scope(rawValue: v) != nil else { return nil }
                    request.scope = v
                case "--vendor": request.vendor = v
                case "--surface": request.surface = v
                case "--question": request.question = v
                case "--limit":
                    guard let n = Int(v), n >= 1 else { return nil }
                    request.limit = n
                case "--data": request.global.data.append(v)
                case "--sources": request.global.sources.append(v)
                default:
                    guard Language(rawValue: v) != nil else { return nil }
                    request.global.lang = v
                }
                break
            }
            if !matched { return nil }
        }
        return request.query.isEmpty ? nil : request
    }
}
