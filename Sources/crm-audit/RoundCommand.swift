import ArgumentParser
import Audit
import AuditModel
import Questionnaire
import Workspace

/// `crm-audit round new WORKSPACE`: starts a repeated audit.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Audit rounds: start a repeated audit. / Раунды аудита: начать повторный аудит.",
        subcommands: [NewRound.self])

    struct NewRound: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Start the next round: answers carried over to confirm, data imported afresh. / Начать следующий раунд.",
            discussion: """
                The previous round's answers become this round's starting point, each marked "to confirm" until the \
                interview confirms or changes it. Data is not carried over: import this round's exports. The round records \
                the questionnaire and rulesets it uses.
                Ответы прошлого раунда переносятся как отправная точка с отметкой «подтвердить»; данные загружаются заново.
                """)

        @Argument(help: "The workspace file.")
        var workspace: String

        @Option(help: "The round's date, YYYY-MM-DD (default: today); not earlier than the latest round's.")
        var date: String?

        @Option(help: "The questionnaire: a bundled id or a YAML file (default: the previous round's, else crm-readiness).")
        var questionnaire: String?

        @Option(name: .customLong("rules"), help: "Your own ruleset for this and later rounds (repeatable; default: the previous round's).")
        var rules: [String] = []

        func run() throws {
            let language = CLILanguage.current
            let day = try parseDay(date, option: "--date") ?? Timestamp.today()
            let store = try openWorkspace(workspace)
            let previous = try store.round()
            // Load the method first: a broken questionnaire or ruleset stops before anything is written.
            let setup = try AuditSetup.load(
                questionnaire: questionnaire ?? previous.questionnaireID, industry: try store.engagement().industry,
                extraRulesets: rules, storedLayers: rules.isEmpty ? try store.rulesetLayers(round: previous) : [])
            let (started, migration) = try RoundStart.start(store, date: day, setup: setup)
            if !rules.isEmpty,
                let layers = try AuditSetup.load(for: store, round: started.round, questionnaire: questionnaire, rules: rules).layersToStore
            {
                try store.saveRulesetLayers(layers, round: started.round)
            }
            let number = started.round.number
            say(
                .roundStarted,
                [
                    "number": .count(number), "date": .text(day.iso), "previous": .count(started.previous.number),
                    "previousDate": .text(started.previous.date.iso),
                ])
            say(.roundCarried, ["count": .count(started.carriedOver), "workspace": .text(workspace)])
            for line in migration.lines(in: language) { Terminal.print("· " + line) }
            say(.roundImportAfresh, ["workspace": .text(workspace)])
            say(
                .roundMethod,
                [
                    "questionnaire": .text("\(setup.questionnaire.id)@\(setup.questionnaire.version)"),
                    "rules": .text(setup.rulesets.references),
                ])
        }
    }
}
