/// The customer list's fields in words, so that no report, catalogue title or message shows a
/// field id (`tax_id`, `email_consent`) to a reader.
extension CanonicalModel {
    package static let customerFieldTitles: [String: LocalizedText] = [
        "customer_id": ModelText.customerId.text(),
        "name": ModelText.name.text(),
        "type": ModelText.customerType.text(),
        "tax_id": ModelText.taxId.text(),
        "email": ModelText.email.text(),
        "phone": ModelText.phone.text(),
        "birth_date": ModelText.birthDate.text(),
        "gender": ModelText.gender.text(),
        "city": ModelText.city.text(),
        "region": ModelText.region.text(),
        "industry": ModelText.industry.text(),
        "segment": ModelText.segment.text(),
        "source": ModelText.source.text(),
        "manager": ModelText.manager.text(),
        "created_at": ModelText.created.text(),
        "email_consent": ModelText.emailConsent.text(),
    ]
}
