import AuditModel

extension ConsultantText.Key {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [ConsultantText.Key: String] = [
        .summary: "The consultant's summary",
        .comment: "Consultant's comment",
        .scope: "Scope",
        .interviewees: "People interviewed",
        .limitations: "Limitations",
        .hidden: "Left out of the report by the consultant",
        .signOff: "Sign-off",
        .consultant: "Consultant",
        .client: "For the client",
        .configurationCommand: "The same content is exported by `crm-audit config` as YAML and JSON.",
        .signatureLine: "signature, date",
    ]
}
