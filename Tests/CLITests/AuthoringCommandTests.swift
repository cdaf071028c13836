import Foundation
import Testing

/// The contributor's path, as Data/README.md walks it: `new vendor`, `quote`, `check --only`.
@Suite("Authoring commands, run as a process", .serialized)
struct AuthoringCommandTests {
    typealias T = TermlensProcess

    /// The newest Midjourney terms in the sample (a service no bundled vendor binds).
    func midjourneyTerms() throws -> String {
        let folder = T.sample + "/Midjourney/Terms of Service"
        let newest = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.max())
        return try String(contentsOfFile: folder + "/" + newest, encoding: .utf8)
    }

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample"))
    func aNewVendorFromScaffoldToAnAnchoredVerdict() throws {
        let layer = try Fixture()
        defer { layer.remove() }
        let src = ["--sources", T.sample]
        let made = try T.run(["new", "vendor", "midjourney", "--name", "Midjourney", "--service", "Midjourney", "--into", layer.root] + src)
        #expect(made.status == 0, "\(made.stderr)")
        let verdictsPath = layer.root + "/vendors/midjourney/verdicts.yaml"
        #expect(FileManager.default.fileExists(atPath: layer.root + "/vendors/midjourney/documents/terms-of-service/document.yaml"))
        let stubs = try String(contentsOfFile: verdictsPath, encoding: .utf8)
        let check = ["check", "--strict", "--only", "midjourney", "--data", layer.root] + src
        let first = try T.run(check)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("midjourney: "))

        // A passage of the real text: a line of words, cut at a word boundary.
        let line = try #require(try midjourneyTerms().split(separator: "\n").map(String.init)
            .first { $0.count > 80 && $0.unicodeScalars.allSatisfy { $0.isASCII && !"*_[]\\`#|".unicodeScalars.contains($0) } })
        let passage = String(line.prefix(70).split(separator: " ").dropLast().joined(separator: " "))
        let found = try T.run(["quote", "midjourney/terms-of-service", passage, "--json", "--data", layer.root] + src)
        #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
        let json = try #require(found.json as? [String: Any])
        let evidence = try #require(json["evidence"] as? [String: Any])
        #expect(evidence["document"] as? String == "midjourney/terms-of-service")
        let version = try #require(evidence["version"] as? String)

        // The text form is a ready entry: paste it in place of the first stub's `missing`.
        let entry = try T.run(["quote", "midjourney/terms-of-service", passage, "--data", layer.root] + src)
        let lines = entry.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# midjourney/terms-of-service@\(version)") == true)
        let pasted = lines.dropFirst().map { $0.replacingOccurrences(of: "note: \"\"", with: "note: The terms say so.") }
        var edited = stubs
        let stub = "    answer: unknown\n    summary: \"Not analysed yet: read the documents, then replace this stub.\"\n"
        let range = try #require(edited.range(of: stub))
        edited.replaceSubrange(range, with: "    answer: yes\n    summary: A real answer.\n")
        let missing = try #require(edited.range(of: "\n    missing: [", range: range.lowerBound..<edited.endIndex))
        let lineEnd = try #require(edited.range(of: "\n", range: missing.upperBound..<edited.endIndex))
        edited.replaceSubrange(missing.lowerBound..<lineEnd.lowerBound, with: "\n    as_of_placeholder\n    evidence:\n" + pasted.joined(separator: "\n"))
        edited = edited.replacingOccurrences(of: "\n    as_of_placeholder", with: "")
        try edited.write(toFile: verdictsPath, atomically: true, encoding: .utf8)
        let second = try T.run(check)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1 quote: 1 anchored, 0 unverified, 0 broken"))

        // One character off: `check` points at the quote line and names the difference.
        let space = try #require(passage.range(of: " ", range: passage.index(passage.startIndex, offsetBy: 20)..<passage.endIndex))
        var typo = passage
        typo.replaceSubrange(space, with: " X ")
        let broken = edited.replacingOccurrences(of: passage, with: typo)
        try broken.write(toFile: verdictsPath, atomically: true, encoding: .utf8)
        let third = try T.run(check)
        #expect(third.status == 65)
        #expect(third.stderr.contains("verdicts.yaml:"))
        #expect(third.stderr.contains("first difference at character"))

        // Never overwrites.
        let again = try T.run(["new", "vendor", "midjourney", "--name", "Midjourney", "--service", "Midjourney", "--into", layer.root] + src)
        #expect(again.status == 1)
        #expect(again.stderr.contains("never overwrites"))
    }

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample"))
    func quoteNamesTheNearestPassageAndWhereItIsExact() throws {
        let r = try T.run(["quote", "deepseek/terms-of-service", "you can opt out by turning off 'Improve the model for everyone'", "--sources", T.sample])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Not found in deepseek/terms-of-service@") == true)
        #expect(lines.contains("First difference at character 32 of the quote: the quote has `'` (U+0027), the text has `\"` (U+0022)."))
        let json = try T.run(["quote", "deepseek/terms-of-service", "you can opt out by turning off 'Improve the model for everyone'", "--json", "--sources", T.sample])
        let object = try #require(json.json as? [String: Any])
        #expect(object["found"] as? Bool == false)
        let diff = try #require(object["first_difference"] as? [String: Any])
        #expect(diff["offset"] as? Int == 31 && diff["expected"] as? String == "'" && diff["found"] as? String == "\"")
        // Text that is exact in another document is named.
        let elsewhere = try T.run(["quote", "deepseek/trackers-policy", "Improve the model for everyone", "--json", "--sources", T.sample])
        let places = try #require((elsewhere.json as? [String: Any])?["exact_elsewhere"] as? [String])
        #expect(places.contains { $0.hasPrefix("deepseek/terms-of-service@") })
    }
}
