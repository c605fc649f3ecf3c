import Foundation
import Testing

/// Three `clc move` processes moving one customer to one stage at the same time: every run
/// says what happened (moved, or already there and who moved them), none is silent.
@Suite(.serialized) struct MoveRaceTests {
    @Test func threeRacingMovesEachReportTheirOutcome() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("race.sqlite").path
        #expect(try Shell.run([Shell.clc, "generate", file, "--customers", "20", "--seed", "3"]).status == 0)
        let rounds = 30
        let clc = TmuxSession.quote(Shell.clc), quoted = TmuxSession.quote(file)
        // Each round: three processes move C-0000001 to the same stage (alternating targets).
        let script = """
            stages=(loyalty retention); for r in $(seq 1 \(rounds)); do
              t=${stages[$(( r % 2 ))]}
              for k in 1 2 3; do
                ( out=$(\(clc) move \(quoted) C-0000001 $t --user "u$k" --note "r$r-$k" 2>&1); echo "R$r $? $out" ) &
              done; wait
            done
            """
        #expect(try Shell.run([Shell.clc, "move", file, "C-0000001", "awareness"]).status == 0)
        let before = try Shell.run(["sqlite3", file, "SELECT count(*) FROM transitions"]).stdout
        let run = try Shell.run(["/bin/bash", "-c", script])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 * rounds, "\(run.stdout)")
        var moved = 0
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            #expect(parts.count == 3, "a run printed nothing: \(line)")
            guard parts.count == 3 else { continue }
            // Moved, or already there with who moved them there and when: exit 0 and a message.
            #expect(parts[1] == "0", "\(line)")
            if parts[2].hasPrefix("Moved ") { moved += 1; continue }
            #expect(parts[2].contains("is already in") && parts[2].contains("nothing recorded")
                    && parts[2].contains("moved there by u"), "\(line)")
        }
        // The customer starts elsewhere and alternates: exactly one move per round is recorded.
        #expect(moved == rounds)
        let after = try Shell.run(["sqlite3", file, "SELECT count(*) FROM transitions"]).stdout
        #expect(Int(after.trimmingCharacters(in: .whitespacesAndNewlines))! - Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! == rounds)
    }
}
