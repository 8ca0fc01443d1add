import AuditModel

extension ProgressText {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [ProgressText: String] = [
        .title: "Progress since the previous audit",
        .titleSince: "Progress since",
        .lead: "Round {to} ({toDate}) compared with round {from} ({fromDate})",
        .overall: "Overall score",
        .level: "level",
        .trendCaption: "Overall and area scores by round",
        .areasTitle: "Scores by area",
        .area: "Area",
        .change: "Change",
        .methodAffectedNote:
            "* rules of this area were added, removed or re-weighted: part of the change comes from the method, not from the client",
        .findingsTitle: "Findings",
        .resolved: "Resolved",
        .new: "New",
        .persisting: "Persisting",
        .noLongerChecked: "No longer assessed (rule removed, not evaluable, or waived)",
        .newRule: "a rule new to the method",
        .notAssessableBefore: "not assessable before",
        .none: "none",
        .metricsTitle: "Metrics",
        .metricsLead: "Metrics with a better/worse direction that changed.",
        .metricsPeriods:
            "Each round on its own headline period ({from}; {to}). Whole-history figures are not compared: the rounds' exports span different lengths of time.",
        .metricsNotCompared:
            "Metrics are not compared: round {round}'s metrics were stored before the headline period was introduced and mix periods.",
        .metric: "Metric",
        .improved: "better",
        .worsened: "worse",
        .changed: "changed",
        .unchanged: "unchanged",
        .otherMetrics: "Metrics without a direction that also changed: {count}.",
        .answersTitle: "Answers that changed",
        .question: "Question",
        .before: "Before",
        .after: "After",
        .notAnswered: "not answered",
        .unconfirmed: "Answers carried over from the last round and not yet confirmed: {count}. They are used as they stand.",
        .methodTitle: "Method changes",
        .methodLead: "The method changed between the rounds: part of the difference comes from it, not from progress.",
        .questionnaireChanged: "Questionnaire",
        .rulesetsAdded: "Rulesets added",
        .rulesetsRemoved: "Rulesets removed",
        .rulesAdded: "Rules added",
        .rulesRemoved: "Rules removed",
        .rulesReweighted: "Severity or weight changed",
        .round: "Round",
        .noChanges: "The method did not change.",
    ]
}
