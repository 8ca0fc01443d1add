import Foundation

/// Times as the workspace stores them: ISO-8601 in UTC, to the second.
package enum Timestamp {
    package static func now() -> String {
        Date().ISO8601Format(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// Today's calendar day in UTC.
    package static func today() -> Day {
        Day(ordinal: Int(clamped: Date().timeIntervalSince1970 / 86_400, rounding: .down))
    }
}
