import AuditModel

extension CauseText.Key {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [CauseText.Key: String] = [
        .title: "Коренные причины",
        .lead:
            "Проблемы сгруппированы по причинам, симптомами которых они являются; причины упорядочены по важности, затем по деньгам под угрозой. Каждая проблема по-прежнему описана ниже под своим кодом.",
        .symptoms: "Симптомы",
    ]
}
