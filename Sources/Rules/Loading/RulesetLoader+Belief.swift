import AuditModel
import Expressions
import Yams

extension RulesetBuilder {
    /// Reads a rule's `belief:` block.
    mutating func belief(_ node: Node, rule: LocalizedText) -> Belief? {
        let what = LocalizedText(ru: "belief: \(rule.ru)", en: "belief of \(rule.en)")
        guard
            let fields = reader.mapping(
                node, what, allowed: ["label", "stated", "measured", "unit", "noun", "period", "comparison", "note"])
        else { return nil }
        let label = reader.text(fields, "label", what)
        if fields["stated"] == nil {
            reader.error(node, LocalizedText(ru: "\(what.ru): нет «stated»", en: "\(what.en): 'stated' is missing"))
        }
        if fields["measured"] == nil {
            reader.error(node, LocalizedText(ru: "\(what.ru): нет «measured»", en: "\(what.en): 'measured' is missing"))
        }
        let stated = expression(fields, "stated", expecting: nil)
        let measured = expression(fields, "measured", expecting: nil)
        let unit = reader.string(fields, "unit", required: true, what)
        if let unit, !Belief.units.contains(unit), let unitNode = fields["unit"] {
            reader.error(
                unitNode,
                LocalizedText(
                    ru: "«unit»: ожидается одно из: \(Belief.units.joined(separator: ", "))",
                    en: "'unit': expected one of: \(Belief.units.joined(separator: ", "))"))
        }
        let noun = reader.text(fields, "noun", required: false, what)
        if let noun, let nounNode = fields["noun"] {
            if noun.ru.split(separator: "|").count != 3 || noun.en.split(separator: "|").count != 2 {
                reader.error(
                    nounNode,
                    LocalizedText(
                        ru: "«noun»: ru — три формы через «|» (клиент|клиента|клиентов), en — две (customer|customers)",
                        en: "'noun': ru takes three forms separated by '|' (клиент|клиента|клиентов), en two (customer|customers)"))
            }
        }
        let period = choice(BeliefPeriod.self, fields, "period", required: true, what)
        let comparison = choice(BeliefComparison.self, fields, "comparison", what) ?? (unit == "text" ? .match : .difference)
        let note = reader.text(fields, "note", required: false, what)
        if let note, let noteNode = fields["note"] { checkSlots(note, at: noteNode, field: "belief.note") }
        guard let label, let stated, let measured, let unit, Belief.units.contains(unit), let period else { return nil }
        return Belief(
            label: label, stated: stated, measured: measured, unit: unit, noun: noun, period: period,
            comparison: comparison, note: note)
    }
}
