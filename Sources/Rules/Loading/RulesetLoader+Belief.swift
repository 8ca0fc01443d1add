import AuditModel
import Expressions
import Yams

extension RulesetBuilder {
    /// Reads a rule's `belief:` block.
    mutating func belief(_ node: Node, rule: LocalizedText) -> Belief? {
        let what = RuleText.beliefOf.text(["rule": .localized(rule)])
        guard
            let fields = reader.mapping(
                node, what, allowed: ["label", "stated", "measured", "unit", "noun", "period", "comparison", "note"])
        else { return nil }
        let label = reader.text(fields, "label", what)
        if fields["stated"] == nil {
            reader.error(node, RuleText.statedIsMissing.text(["what": .localized(what)]))
        }
        if fields["measured"] == nil {
            reader.error(node, RuleText.measuredIsMissing.text(["what": .localized(what)]))
        }
        let stated = expression(fields, "stated", expecting: nil)
        let measured = expression(fields, "measured", expecting: nil)
        let unit = reader.string(fields, "unit", required: true, what)
        if let unit, !Belief.units.contains(unit), let unitNode = fields["unit"] {
            reader.error(
                unitNode,
                RuleText.unitExpectedOneOf.text(["units": .value(Belief.units.joined(separator: ", "))]))
        }
        let noun = reader.text(fields, "noun", required: false, what)
        if let noun, let nounNode = fields["noun"] {
            if Language.allCases.contains(where: { noun[$0].split(separator: "|").count != Plural.formCount(in: $0) }) {
                reader.error(
                    nounNode,
                    RuleText.nounRuTakesThreeFormsSeparated.text())
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
