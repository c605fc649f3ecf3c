/// Clicks and the wheel (`--mouse`): a click picks what the top screen has there (from the
/// hit regions its view computes with the drawing's layout), a double click opens it, the
/// wheel scrolls, and a click on a status-bar hint presses its key.
extension Dashboard {
    /// Lines the wheel moves per notch.
    static let wheelStep = 3

    mutating func click(_ mouse: MouseEvent) {
        guard state.mouse, !state.isTooSmall else { return }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            guard state.top.inputLine(state) == nil else { return }
            for _ in 0..<Self.wheelStep { handleKey(mouse.kind == .wheelUp ? .up : .down) }
        case .click, .doubleClick:
            if mouse.y == state.height - 1 {
                let hint = StatusBar.hintRegions(state).first { mouse.x >= $0.x && mouse.x < $0.x + $0.width }
                if let key = hint.flatMap({ h in KeyBindings.bindings(in: state.context).first { $0.keys[0].label == h.key }?.keys[0] }) {
                    handleKey(key)
                }
                return
            }
            guard let region = state.top.hitRegions(state).first(where: { $0.contains(x: mouse.x, y: mouse.y) }) else { return }
            state.status = nil
            dispatch(.pick(region.index))
            if mouse.kind == .doubleClick, KeyBindings.action(for: .enter, in: state.context) == .open { dispatch(.action(.open, nil)) }
        }
    }
}
