import AuditModel
import Yams

extension NodeReader {
    /// Parses an expression field, mapping positions inside it to the file.
    package mutating func expression(_ fields: Fields, _ key: String) -> (Expressions.Expression, Yams.Node)? {
        guard let node = fields.values[key] else { return nil }
        guard let scalar = node.scalar else {
            error(node, ExpressionText.expectedAnExpressionAsAString.text(["key": .value(key)]))
            return nil
        }
        let (origin, indent) = expressionOrigin(of: node, scalar: scalar)
        do throws(DiagnosticList) {
            return (try Expressions.Expression.parse(scalar.string, origin: origin, continuationIndent: indent), node)
        } catch {
            report(error.diagnostics)
            return nil
        }
    }
}
