import Analytics
import Audit
import AuditModel
import Testing

/// The rules engine knows nothing of the analytics; the pipeline hands it every metric's type,
/// unit and period, so a rule on any catalogue metric is checked as it was when Rules read the
/// catalogue itself.
@Suite struct RuleEnvironmentTests {
    @Test func theToolsEnvironmentCarriesEveryCatalogueMetricsTypeUnitAndPeriod() {
        let environment = AuditSetup.ruleEnvironment(for: nil)
        for metric in MetricCatalogue.all {
            #expect(environment.types.metrics[metric.id] != nil, "\(metric.id) has no type")
            #expect(environment.metricShapes[metric.id] == MetricShape(unit: metric.unit, period: metric.period), "\(metric.id)")
        }
    }
}
