import AuditModel
import Foundation

/// Options of the sample-data generator.
package struct SampleDataOptions: Sendable {
    /// What the generated files look like.
    package enum Profile: String, Sendable, CaseIterable {
        /// Plain UTF-8 exports with `;`, decimal commas and `dd.mm.yyyy` dates, any size.
        case generic
        /// The bundled example company ООО «ТехноСнаб»: messy Russian Excel/1C exports that
        /// carry a story (concentrated revenue, a star manager, idle managers, lost customers,
        /// gaps in contact data, sales of customers missing from the list, duplicates).
        case technosnab
        /// The generic files of a well-run company: few customers lost, a manager per 120
        /// customers. The baseline where the checks stay quiet; `problems` add what they find.
        case healthy
    }

    /// A problem a consultant's check should find, built into a generated company so that each
    /// rule can be shown to fire where the problem is and stay quiet where it is not.
    package enum Problem: String, Sendable, CaseIterable, Hashable {
        /// The first manager left 180 days before the end; their customers keep buying, with no manager on the lines.
        case departedManager = "departed-manager"
        /// The largest 15 % of long-standing customers stopped buying 120 days before the end.
        case overdueRegulars = "overdue-regulars"
        /// The largest 20 % of customers buy 60 % less in the last 12 months.
        case keyDecline = "key-decline"
        /// One company tax id in twelve has a wrong check digit or lost its leading digit.
        case badTaxIDs = "bad-tax-ids"
        /// Some companies are entered twice under the same tax id with another spelling of the name.
        case taxIDDuplicates = "tax-id-duplicates"
        /// The second manager sells at a margin about 13 points below the others.
        case marginSpread = "margin-spread"
        /// Most lines carry a channel, and nine in ten of them the same marketplace.
        case oneChannel = "one-channel"
        /// Nine in ten customers won in the year before last bought once and never again.
        case newCustomersLeave = "new-customers-leave"
        /// Two managers serve the whole customer base.
        case overloadedManagers = "overloaded-managers"
        /// Open deals were opened months ago and sit at the proposal stage.
        case stalledDeals = "stalled-deals"
        /// Deals are entered after payment: hardly any lost deal is recorded.
        case dealsAfterPayment = "deals-after-payment"
        /// The largest customers have no recorded contact in the last three months.
        case untouchedKeyAccounts = "untouched-key-accounts"
    }

    /// Problems built into the company (none by default).
    package var problems: Set<Problem> = []

    /// Customers to invent.
    package var customers: Int
    /// Sales lines (order lines) to generate.
    package var orderLines: Int
    /// The same seed gives byte-identical files.
    package var seed: UInt64
    package var profile: Profile
    /// The last day of the sales period.
    package var endDate: Day
    package var years: Int

    package init(
        customers: Int, orderLines: Int, seed: UInt64, profile: Profile = .generic,
        endDate: Day = Day(year: 2026, month: 11, day: 20)!, years: Int = 3
    ) {
        self.customers = customers
        self.orderLines = orderLines
        self.seed = seed
        self.profile = profile
        self.endDate = endDate
        self.years = years
    }

    /// The example company's files: about 1,200 listed customers and 15,000 sales lines.
    package static let technosnab = SampleDataOptions(customers: 1_270, orderLines: 15_000, seed: 20_261_120, profile: .technosnab)
}

/// Generates realistic, deterministic customer and sales exports for tests, benchmarks and
/// the bundled example.
package enum SampleData {
    /// Writes `customers.csv` and `sales.csv` (and `managers.csv`) into `directory` and returns
    /// their paths. The same options always give byte-identical files. An existing file is
    /// replaced only as `outputGuard` allows (an earlier sample file, by its first line).
    /// - Complexity: O(customers + lines); memory holds the customers, not the sales lines
    ///   (except for the example profile, whose lines are sorted by date).
    package static func generate(into directory: String, options: SampleDataOptions, guard outputGuard: OutputGuard = OutputGuard()) throws
        -> [String]
    {
        guard options.customers >= 1, options.orderLines >= 1, options.years >= 1 else {
            throw ImportError.invalidOption(
                ImportText.atLeastCustomerAndSalesLine.text())
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var world = SampleWorld(options: options)
        world.outputGuard = outputGuard
        let customers = directory + "/customers.csv"
        let sales = directory + "/sales.csv"
        let managers = directory + "/managers.csv"
        try world.writeCustomers(to: customers)
        try world.writeSales(to: sales)
        try world.writeManagers(to: managers)
        // The healthy profile also has a CRM's deals and activities (the problems show in them).
        guard options.profile == .healthy else { return [customers, sales, managers] }
        let deals = directory + "/deals.csv", activities = directory + "/activities.csv"
        try world.writeDeals(to: deals)
        try world.writeActivities(to: activities)
        return [customers, sales, managers, deals, activities]
    }
}

/// A file written through a buffer, in UTF-8 or Windows-1251, to a temporary file renamed
/// over the target when closed.
struct SampleFileWriter {
    let path: String
    let file: PrivateFile.Writer
    let windows1251: Bool
    var buffer: [UInt8] = []

    init(path: String, windows1251: Bool, bom: Bool, guard outputGuard: OutputGuard) throws {
        self.path = path
        self.windows1251 = windows1251
        file = try PrivateFile.Writer(path: path, guard: outputGuard)
        if bom { buffer = [0xEF, 0xBB, 0xBF] }
    }

    /// Writes one record. Every field is the generator's own (names from fixed lists, numbers,
    /// dates), nothing from outside, and the files must look like a real export (`+7 …`
    /// phones, `-1 200,00` returns), so the fields are written as formatted, not neutralised.
    mutating func line(_ fields: [String], delimiter: Unicode.Scalar, crlf: Bool) throws {
        try write(CSVFormat(delimiter: delimiter, lineEnd: crlf ? "\r\n" : "\n").line(fields.map(CSVField.formatted)))
    }

    mutating func write(_ text: String) throws {
        if windows1251 { buffer.append(contentsOf: Transcoder.windows1251(text)) } else { buffer.append(contentsOf: text.utf8) }
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try file.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try file.commit()
    }
}

/// Money as Russian exports print it: `12 345,60` (the group separator given).
func rubles(_ value: Double, group: String) -> String {
    let kopecks = Int64(clamped: abs(value) * 100, rounding: .toNearestOrAwayFromZero)
    let whole = String(kopecks / 100)
    var grouped = ""
    for (index, character) in whole.enumerated() {
        if index > 0 && (whole.count - index) % 3 == 0 { grouped += group }
        grouped.append(character)
    }
    let fraction = kopecks % 100
    return (value < 0 ? "-" : "") + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
}

/// `dd.mm.yyyy`.
func russianDate(_ day: Day) -> String {
    let (y, m, d) = day.components
    return (d < 10 ? "0" : "") + String(d) + "." + (m < 10 ? "0" : "") + String(m) + "." + String(y)
}
