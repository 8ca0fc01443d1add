import AuditModel

extension SampleColumns.Title {
    /// English column titles.
    static let english: [SampleColumns.Title: String] = [
        .customerId: "Customer id",
        .name: "Customer",
        .email: "Email",
        .phone: "Phone",
        .manager: "Manager",
        .sourceLine: "File line",
        .orderId: "Order",
        .date: "Date",
        .amount: "Amount",
        .revenue: "Revenue",
        .revenueLast12m: "Revenue, last 12 months",
        .revenuePrev12m: "Revenue, previous 12 months",
        .revenueAllHistory: "Revenue, all history",
        .revenueChange12m: "Change on the year before",
        .purchaseIntervalDays: "Usually buys every, days",
        .ordersLast12m: "Orders, last 12 months",
        .customersLast12m: "Customers, last 12 months",
        .marginLast12m: "Margin, last 12 months",
        .shareLast12m: "Share, last 12 months",
        .lastPurchase: "Last purchase",
        .recencyDays: "Days since purchase",
        .segment: "RFM segment",
        .orders: "Orders",
        .customers: "Customers",
        .margin: "Margin",
        .share: "Share",
        .lastSaleDate: "Last sale",
        .idle: "Idle",
        .taxId: "Tax id",
        .keys: "Matching on",
        .group: "Group",
    ]
}
