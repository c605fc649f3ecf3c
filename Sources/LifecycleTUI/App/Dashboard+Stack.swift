import LifecycleKit

/// The navigation stack: a screen is taken off it while it handles something, put back,
/// and what it asked for is done (screens pushed, effects issued, values delivered).
extension Dashboard {
    /// Runs `body` on the screen with `id` (nothing when it has left the stack).
    mutating func onScreen(_ id: ScreenID, _ body: (inout any Screen, inout AppState, inout ScreenCommands) -> Void) {
        guard let index = state.stack.firstIndex(where: { $0.id == id }) else { return }
        var screen = state.stack.remove(at: index).screen
        var commands = ScreenCommands(me: id)
        body(&screen, &state, &commands)
        if !commands.closes {
            state.stack.insert(ScreenEntry(id: id, screen: screen), at: index)
        } else if !screen.isOverlay, index == state.stack.count, let below = state.stack.last {
            onScreen(below.id) { $0.relayout(&$1, &$2) }  // back on the screen beneath
        }
        perform(commands)
    }

    /// Puts `screen` on top and lets it ask for its data.
    mutating func push(_ screen: any Screen) {
        let id = nextScreenID
        nextScreenID += 1
        state.stack.append(ScreenEntry(id: id, screen: screen))
        onScreen(id) { $0.opened(&$1, &$2) }
    }

    private mutating func perform(_ commands: ScreenCommands) {
        for effect in commands.effects { issue(effect) }
        for screen in commands.pushed { push(screen) }
        for d in commands.deliveries {
            onScreen(d.to) { $0.receive(d.slot, .success(EffectValue(d.value)), &$1, &$2) }
        }
        for r in commands.requests { request(r) }
    }
}
