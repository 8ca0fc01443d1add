extension CLIText {
    /// The command line's English texts. Placeholders in braces are not translated.
    static let english: [CLIText: String] = [
        .answersFileNeeded: "name the answers file (.xlsx, .yaml or .csv)",
        .answersChooseNeedsQuestionAndRespondent: "name the question and --respondent: answers WORKSPACE choose QUESTION --respondent NAME",
        .answersChosen: "'{question}': the answer that counts is now {respondent}'s.",
        .answersWorkbookWritten: "The questionnaire to fill in: {file} ({count, plural, one {# question} other {# questions}}).",
        .answersExported: "Exported {count, plural, one {# answer} other {# answers}} to {file}.",
        .answersImported: "Imported {count, plural, one {# answer} other {# answers}} from {file}.",
        .answersNoSuchQuestion: "the questionnaire has no question '{question}'",
        .answersNoneNamed: "No answers name their respondent. Say who answers: interview --respondent, the name row of the workbook, a respondent column in CSV.",
        .answersDisagree: "  ⚠ the answers disagree",
        .answersCountsChosen: "  ← counts (chosen by the consultant)",
        .answersCountsLatest: "  ← counts (the latest answer)",
        .answersChooseHint: "Where the answers disagree, the latest counts; pick the right one: answers WORKSPACE choose QUESTION --respondent NAME",
        .lintSummary: "Checked {files, plural, one {# file} other {# files}}: {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}.",
        .lintUnreadable: "cannot read {file}",
        .lintQuestionnaireNotFound: "questionnaire '{name}' not found: answer references were not checked",
        .interviewInterruptedAt: "Interview interrupted (Ctrl-C) at question '{question}' of section \"{section}\". Every answer given is already saved. To go on from this question: {command}",
        .interviewInterrupted: "Interview interrupted (Ctrl-C). Every answer given is already saved. To continue: {command}",
        .interviewEndOfInput: "\nEnd of input; the answers are saved. Run the same command to continue.",
    ]
}
