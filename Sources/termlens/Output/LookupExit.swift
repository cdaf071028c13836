import PolicyModel

extension Result where Failure == UnknownName {
    /// What a lookup of a typed id found, or its message on stderr and exit 1 (no result).
    func orExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let unknown):
            Console.error("termlens: \(unknown)")
            throw TermlensExit.noResult
        }
    }
}
