extension Int {
    /// A count with its English noun: "1 verdict", "3 verdicts", "1 match", "2 matches".
    public func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? noun : plural ?? noun + "s")
    }
}
