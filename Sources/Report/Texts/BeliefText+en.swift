import AuditModel

extension BeliefText {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [BeliefText: String] = [
        .title: "What you believe — and what the data shows",
        .lead:
            "The estimates given in the interview beside what the exports show; each comparison states its period in its row. A gap is nobody's mistake: it measures how far the company does not see its customers and sales as a whole; a CRM must make these figures visible every day.",
        .tally: "The data confirms {n} of the {of} {beliefs} it could check.",
        .cannotCheckDirectly: "cannot be checked directly",
        .cannotCheckUnrecorded: "cannot be checked: the data mostly does not record it",
        .partlyRecorded: "only partly recorded",
        .uncheckedTally: " {n} more cannot be checked from the data; each row says why.",
        .beliefForms: "belief|beliefs",
        .belief: "Belief",
        .period: "Period",
        .stated: "Stated in the interview",
        .measured: "The data shows",
        .verdict: "Verdict",
        .last12Months: "12 months to {to}",
        .wholeHistory: "the whole sales history to {to}",
        .wholeHistoryFrom: "the whole sales history: {from} to {to}",
        .onDay: "on {to}",
        .confirmed: "confirmed",
        .consistent: "consistent with the data",
        .notConfirmed: "not confirmed",
        .inconsistent: "not consistent with the data",
        .overstatedBy: "overstated by",
        .understatedBy: "understated by",
        .percentagePoints: "pp",
        .ownerDoesNotKnow: "not known in the company",
        .noDataToCompare: "no data to compare with",
        .notAnswered: "not answered",
        .waived: "accepted risk",
        .noAnswer: "no answer",
        .noData: "no data",
        .days: "day|days",
        .years: "year|years",
    ]
}
