import Foundation
import Testing

/// Stage changes survive `kill -9`, and two writers on one SQLite file lose nothing.
@Suite(.serialized) struct MoveDurabilityTests {
    struct History: Decodable {
        struct Customer: Decodable { var id: String; var stage: String }
        struct Step: Decodable { var to: String; var note: String?; var by: String }
        var customer: Customer
        var transitions: [Step]
    }

    static func history(_ file: String, _ id: String) throws -> History {
        let r = try Shell.run([Shell.clc, "history", file, id, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(History.self, from: Data(r.stdout.utf8))
    }

    static let stages = ["awareness", "acquisition", "conversion", "retention", "reengagement", "loyalty"]

    /// A shell loop: move customer k to another stage; print "ACK k stage note" once
    /// `clc move` reported the move (exit 0, "Moved …"), "REFUSED …" when it refused (the
    /// reason goes to `refusals`).
    static func moveLoop(_ file: String, customers: Int, moves: Int, tag: String, user: String, refusals: String) -> String {
        let clc = TmuxSession.quote(Shell.clc)
        let stages = stages.joined(separator: " ")
        return """
            stages=(\(stages)); for i in $(seq 1 \(moves)); do
              c=$(printf 'C-%07d' $(( (i % \(customers)) + 1 ))); s=${stages[$(( (i + i / \(customers) + \(tag.count)) % 6 ))]}
              if out=$(\(clc) move \(TmuxSession.quote(file)) $c $s --note "\(tag)-$i" --user \(user) 2>>\(TmuxSession.quote(refusals))); then
                case "$out" in Moved*) echo "ACK $c $s \(tag)-$i";; *) echo "SAME $c $s \(tag)-$i";; esac
              else echo "REFUSED $c $s \(tag)-$i"; fi
            done
            """
    }

    static func acks(_ output: String) throws -> [(customer: String, stage: String, note: String)] {
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let p = line.split(separator: " ")
            // A line cut by the kill is not an acknowledgement.
            guard p.count == 4, p[0] == "ACK", line.hasSuffix(p[3]) else { return nil }
            return (String(p[1]), String(p[2]), String(p[3]))
        }
    }

    @Test(arguments: ["crash.sqlite", "crash.json"])
    func everyAcknowledgedMoveSurvivesKill9(file name: String) throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name).path
        #expect(try Shell.run([Shell.clc, "generate", file, "--customers", "60", "--seed", "4"]).status == 0)
        var acknowledged: [(customer: String, stage: String, note: String)] = []
        for round in 1...4 {
            let output = dir.appendingPathComponent("round\(round).out").path
            let pid = try Shell.spawnGroup(Self.moveLoop(file, customers: 12, moves: 400, tag: "r\(round)", user: "crash",
                                                         refusals: output + ".refused"), output: output)
            // Killed at a random moment after the loop's first acknowledged move (on a loaded
            // machine a fixed delay can end a round before any move was made).
            let start = Date()
            while try Self.acks(output).isEmpty, Date().timeIntervalSince(start) < 30 { usleep(20_000) }
            usleep(UInt32.random(in: 0...900_000))
            kill(-pid, SIGKILL)
            Shell.wait(pid)
            let acks = try Self.acks(output)
            acknowledged += acks
            // The file opens, validates, and holds every acknowledged move.
            let validate = try Shell.run([Shell.clc, "validate", file])
            #expect(validate.status == 0, "round \(round): \(validate.stdout)\(validate.stderr)")
            var notes: [String: Set<String>] = [:]
            for id in Set(acknowledged.map(\.customer)) {
                let h = try Self.history(file, id)
                notes[id] = Set(h.transitions.compactMap(\.note))
                #expect(h.transitions.last?.to == h.customer.stage, "\(id): history and stage disagree")
            }
            for a in acknowledged {
                #expect(notes[a.customer]?.contains(a.note) == true, "round \(round): acknowledged \(a.note) of \(a.customer) lost")
            }
        }
        #expect(acknowledged.count >= 4, "the loop should have acknowledged some moves before the kills")
    }

    @Test func twoWritersOnOneSQLiteFileLoseNothing() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("shared.sqlite").path
        #expect(try Shell.run([Shell.clc, "generate", file, "--customers", "30", "--seed", "8"]).status == 0)
        let before = try Shell.run(["sqlite3", file, "SELECT count(*) FROM transitions"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let outA = dir.appendingPathComponent("a.out").path, outB = dir.appendingPathComponent("b.out").path
        let a = try Shell.spawnGroup(Self.moveLoop(file, customers: 5, moves: 60, tag: "anna", user: "anna", refusals: outA + ".refused"), output: outA)
        let b = try Shell.spawnGroup(Self.moveLoop(file, customers: 5, moves: 60, tag: "ben", user: "ben", refusals: outB + ".refused"), output: outB)
        #expect(Shell.wait(a) == 0 && Shell.wait(b) == 0)
        let acks = try Self.acks(outA) + Self.acks(outB)
        let refused = [outA, outB].flatMap { ((try? String(contentsOfFile: $0, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("REFUSED") } }
        let reasons = [outA, outB].flatMap { ((try? String(contentsOfFile: $0 + ".refused", encoding: .utf8)) ?? "").split(separator: "\n") }
        // Every refusal was reported with its reason (a conflict or a lock), none silently.
        #expect(reasons.count == refused.count)
        #expect(reasons.allSatisfy { $0.contains("not moved") || $0.contains("locked") })
        // The transitions added are exactly the acknowledged moves.
        let after = try Shell.run(["sqlite3", file, "SELECT count(*) FROM transitions"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(after)! - Int(before)! == acks.count)
        var notes = Set<String>()
        for k in 1...5 {
            let id = String(format: "C-%07d", k)
            let h = try Self.history(file, id)
            #expect(h.transitions.last?.to == h.customer.stage, "\(id): last transition does not lead to the current stage")
            notes.formUnion(h.transitions.compactMap(\.note))
        }
        #expect(acks.allSatisfy { notes.contains($0.note) }, "an acknowledged move is missing")
        #expect(acks.count > 60, "both writers should have moved customers")
    }
}
