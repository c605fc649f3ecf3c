import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// `e` on the lists (issue 14): the path prompt, the question before replacing a file, the
/// file written and what the status bar says.
@Suite struct ListExportTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-list-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Replaces the prompt's path by `path` and presses Enter.
    static func exportTo(_ path: String, _ d: inout Dashboard) {
        let typed = d.state.top(ExportPathScreen.self)?.path.count ?? 0
        TUITest.press(String(repeating: "<Bksp>", count: typed) + path + "<Enter>", &d)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The stage list exports its rows (its filter and sort) with the value columns it shows.
    @Test func eExportsTheStageListAsShown() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>S", &d)                      // Purchase, by name descending: Bernd, Anna
        TUITest.press("e", &d)
        let prompt = try #require(d.state.top(ExportPathScreen.self))
        #expect(prompt.path.hasPrefix("~/clc-exports/purchase-") && prompt.path.hasSuffix(".csv"))
        #expect(prompt.inputLine(d.state) == .prompt("Export the list to (Enter exports, Esc cancels): ", text: prompt.path))
        let path = dir.appendingPathComponent("purchase.csv").path
        Self.exportTo(path, &d)
        #expect(d.state.status?.text == "Exported 2 customers to \(path)")
        #expect(d.state.top(StageListScreen.self) != nil)
        let lines = try Self.read(path).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,name,email,stage,clv,p_alive,rfm_segment")
        #expect(lines.dropFirst().map { $0.split(separator: ",", maxSplits: 4).prefix(4).joined(separator: ",") }
                == ["C2,Bernd Ōta,bernd@example.com,purchase", "C1,Anna Müller,anna@example.de,purchase", ""])
    }

    /// The file is written by an effect (off the input thread, its progress labelled), not by the key.
    @Test func theWriteIsAnEffect() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>e", &d)
        let path = dir.appendingPathComponent("later.csv").path
        let typed = d.state.top(ExportPathScreen.self)?.path.count ?? 0
        TUITest.press(String(repeating: "<Bksp>", count: typed) + path, &d)
        let issued = d.update(.key(.enter))
        #expect(issued.count == 1 && issued[0].effect.label?.text(in: .en) == "exporting to \(path)…")
        #expect(issued[0].effect.cancellable && !FileManager.default.fileExists(atPath: path))
        d.handle(issued[0].run(store: d.store))
        #expect(d.state.status?.text == "Exported 2 customers to \(path)" && FileManager.default.fileExists(atPath: path))
    }

    /// With marks, the marked customers of every stage go, in funnel order, and the prompt says how many.
    @Test func marksExportTheMarkedCustomers() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try TUITest.dashboard()
        TUITest.press("<Enter><Space><Tab><Space>e", &d)     // dora (Awareness), Çağla (Consideration)
        let prompt = try #require(d.state.top(ExportPathScreen.self))
        #expect(prompt.inputLine(d.state) == .prompt("Export 2 marked customers to (Enter exports, Esc cancels): ", text: prompt.path))
        #expect(prompt.path.hasPrefix("~/clc-exports/marked-"))
        let path = dir.appendingPathComponent("marked.csv").path
        Self.exportTo(path, &d)
        #expect(d.state.status?.text == "Exported 2 customers to \(path)")
        let ids = try Self.read(path).components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first }
        #expect(ids == ["C4", "C3"])                          // Consideration by name: Çağla first (root collation)
    }

    /// An existing file is replaced only after `y`; `n` goes back to the prompt, Esc exports nothing.
    @Test func anExistingFileIsReplacedOnlyAfterYes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("taken.csv").path
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>e", &d)
        Self.exportTo(path, &d)
        #expect(d.state.top(OverwriteScreen.self) != nil)
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("\(path) exists. Replace it?"))
        TUITest.press("n", &d)
        #expect(d.state.top(ExportPathScreen.self)?.path == path)
        #expect(try Self.read(path) == "keep me")
        TUITest.press("<Enter>y", &d)
        #expect(d.state.status?.text == "Exported 2 customers to \(path)")
        #expect(try Self.read(path).hasPrefix("id,name,email,stage"))
        TUITest.press("e<Esc>", &d)
        #expect(d.state.status?.text == "Nothing exported" && d.state.top(StageListScreen.self) != nil)
    }

    /// A folder that cannot be written to is reported, and nothing is left behind.
    @Test func anUnwritableFolderIsReported() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notAFolder = dir.appendingPathComponent("file.txt")
        try "x".write(to: notAFolder, atomically: true, encoding: .utf8)
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>e", &d)
        Self.exportTo(notAFolder.appendingPathComponent("x.csv").path, &d)
        let status = try #require(d.state.status)
        #expect(status.kind == .error && status.text.hasPrefix("exporting failed: cannot create \(notAFolder.path)/x.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file.txt"])
    }

    /// A folder typed as the path gets the offered file name in it.
    @Test func aFolderGetsTheOfferedName() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>e", &d)
        let offered = try #require(d.state.top(ExportPathScreen.self)?.path)
        Self.exportTo(dir.path + "/", &d)
        let name = (offered as NSString).lastPathComponent
        #expect(d.state.status?.text == "Exported 2 customers to \(dir.path)/\(name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    @Test func theResultIsSaidInGerman() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try TUITest.dashboard()
        d.state.language = .de
        TUITest.press("jj<Enter>e", &d)
        let path = dir.appendingPathComponent("kauf.csv").path
        Self.exportTo(path, &d)
        #expect(d.state.status?.message.text(in: .de) == "2 Kunden nach \(path) exportiert")
    }

    /// The default name is the stage and the date, and never one that is taken.
    @Test func theSuggestedNameSkipsTakenNames() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let day = Timestamp("2026-11-30T10:00:00Z")!
        let taken = ExportPaths.suggested("lead stage/x", today: day, home: home.path)
        #expect(taken == "~/clc-exports/lead_stage_x-2026-11-30.csv")
        let file = ExportPaths.expand(taken, home: home.path)
        #expect(file == home.path + "/clc-exports/lead_stage_x-2026-11-30.csv")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("clc-exports"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        #expect(ExportPaths.suggested("lead stage/x", today: day, home: home.path) == "~/clc-exports/lead_stage_x-2026-11-30-2.csv")
    }
}
