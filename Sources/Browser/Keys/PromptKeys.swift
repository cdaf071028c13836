import TerminalUI

/// The line-editing keys of a prompt (the search, go to a clause), as readline has them, in
/// three entries of the key table.
func promptEditBindings<Action>(_ t: UIText, _ action: @escaping (PromptEdit) -> Action) -> [Binding<Action>] {
    func edits(_ wanted: [PromptEdit], help: String) -> Binding<Action> {
        let keys = PromptEdit.keys.filter { wanted.contains($0.edit) }.flatMap(\.keys)
        return Binding(keys, each: { action(PromptEdit.action(for: $0) ?? .end) }, help: help)
    }
    return [
        edits([.left, .right, .start, .end], help: t.pick("Move the cursor; start / end of the line", "移动光标；行首 / 行尾")),
        edits([.deleteBackward, .deleteForward], help: t.pick("Delete the character before / under the cursor", "删除光标前 / 光标处的字符")),
        edits([.eraseWord, .eraseToStart, .eraseToEnd], help: t.pick("Erase the word before / everything before / after the cursor", "删除光标前一个词 / 光标前全部 / 光标后全部")),
    ]
}
