import AuditModel

/// Finds a round's personal identifiers in any text and replaces each with its pseudonym.
///
/// A value is found as a whole word (not inside a longer word or number), ignoring case: the
/// name `ИП Сидоров А.В.` inside "… клиент ИП Сидоров А.В. не покупал …" is found, the customer
/// code `Опт` inside "Оптовая" is not. Values too short to search for safely (under four
/// characters, or digits only and under ten) are replaced only where they are a whole text.
/// Texts are scanned once, with the values indexed by their first three characters, so the cost
/// is the length of the text, not texts × customers.
struct PersonalValueMatcher {
    private struct Candidate {
        var characters: [Character]
        var replacement: String
    }

    /// Lowercased whole value → pseudonym.
    private var exact: [String: String] = [:]
    /// First three lowercased characters → the values starting with them, longest first.
    private var byPrefix: [String: [Candidate]] = [:]

    let pseudonyms: Pseudonyms

    init(_ values: [PersonalValue], pseudonyms: Pseudonyms) {
        self.pseudonyms = pseudonyms
        for item in values {
            let value = item.value.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            let hasLetter = value.contains(where: \.isLetter)
            let digits = value.filter(\.isNumber).count
            // What a column holds is an identifier only in that column's shape: "нет" typed in the
            // phone column is not a phone, and replacing every "нет" of the report would garble it.
            switch item.field {
            case "phone", "tax_id": if digits < 5 { continue }
            case "email": if !value.contains("@") { continue }
            case "birth_date": if digits < 4 { continue }
            default: break
            }
            let lowered = Self.lower(Array(value))
            let replacement = pseudonyms.pseudonym(value, field: item.field)
            if hasLetter || digits >= 5 { exact[String(lowered), default: replacement] = replacement }
            guard lowered.count >= 4, hasLetter || digits >= 10 else { continue }
            byPrefix[String(lowered.prefix(3)), default: []].append(Candidate(characters: lowered, replacement: replacement))
        }
        for key in byPrefix.keys { byPrefix[key]?.sort { $0.characters.count > $1.characters.count } }
    }

    /// `text` with every personal identifier replaced.
    func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let whole = exact[String(Self.lower(Array(trimmed)))] { return whole }
        return PersonalPatterns.redact(replacingValues(in: text), pseudonyms)
    }

    private func replacingValues(in text: String) -> String {
        guard !byPrefix.isEmpty else { return text }
        let original = Array(text)
        let lowered = Self.lower(original)
        var out = ""
        var index = 0
        while index < original.count {
            if index + 3 <= lowered.count, index == 0 || !Self.isWordCharacter(lowered[index - 1]),
                let candidates = byPrefix[String(lowered[index..<index + 3])],
                let match = candidates.first(where: { matches($0.characters, in: lowered, at: index) })
            {
                out += match.replacement
                index += match.characters.count
                continue
            }
            out.append(original[index])
            index += 1
        }
        return out
    }

    private func matches(_ value: [Character], in text: [Character], at start: Int) -> Bool {
        let end = start + value.count
        guard end <= text.count, text[start..<end].elementsEqual(value) else { return false }
        return end == text.count || !Self.isWordCharacter(text[end])
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Lowercases character by character, so that positions stay aligned with the original.
    static func lower(_ characters: [Character]) -> [Character] {
        characters.map { character in
            let lowered = String(character).lowercased()
            return lowered.count == 1 ? Character(lowered) : character
        }
    }
}

/// Identifiers found by their shape, whatever the data holds: e-mail addresses, international
/// phone numbers (`+7 (912) 345-67-89`) and numbers of exactly 10 or 12 digits (an ИНН of a
/// company or of a sole trader, which the public register ties to a person).
enum PersonalPatterns {
    static func redact(_ text: String, _ pseudonyms: Pseudonyms) -> String {
        guard text.contains(where: { $0 == "@" || $0.isNumber }) else { return text }
        let characters = Array(text)
        var out = ""
        var index = 0
        while index < characters.count {
            if let (end, field) = email(in: characters, at: index) ?? phone(in: characters, at: index)
                ?? taxID(in: characters, at: index)
            {
                out += pseudonyms.pseudonym(String(characters[index..<end]), field: field)
                index = end
                continue
            }
            out.append(characters[index])
            index += 1
        }
        return out
    }

    private static func isLocalCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c))
    }

    private static func isDomainCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-")
    }

    /// An address starting at `start`: local part, `@`, a domain with a dot.
    /// Each finder gives the end of what it found and the kind of identifier it is.
    private static func email(in text: [Character], at start: Int) -> (Int, String)? {
        guard isLocalCharacter(text[start]), start == 0 || !isLocalCharacter(text[start - 1]) else { return nil }
        var at = start
        while at < text.count, isLocalCharacter(text[at]) { at += 1 }
        guard at < text.count, text[at] == "@", at > start else { return nil }
        var end = at + 1
        while end < text.count, isDomainCharacter(text[end]) { end += 1 }
        while end > at + 1, text[end - 1] == "." || text[end - 1] == "-" { end -= 1 }
        let domain = text[(at + 1)..<end]
        guard domain.contains("."), domain.last?.isLetter == true else { return nil }
        return (end, "email")
    }

    /// `+` then 10 to 15 digits, with spaces, brackets and dashes between them.
    private static func phone(in text: [Character], at start: Int) -> (Int, String)? {
        guard text[start] == "+", start + 1 < text.count, text[start + 1].isASCII, text[start + 1].isNumber else { return nil }
        var end = start + 1, digits = 0, lastDigit = start
        while end < text.count, (text[end].isASCII && text[end].isNumber) || " ()-".contains(text[end]) {
            if text[end].isNumber {
                digits += 1
                lastDigit = end
            }
            end += 1
        }
        guard (10...15).contains(digits) else { return nil }
        return (lastDigit + 1, "phone")
    }

    /// A run of exactly 10 or 12 ASCII digits standing alone.
    private static func taxID(in text: [Character], at start: Int) -> (Int, String)? {
        guard text[start].isASCII, text[start].isNumber, start == 0 || !PersonalValueMatcher.isWordCharacter(text[start - 1])
        else { return nil }
        var end = start
        while end < text.count, text[end].isASCII, text[end].isNumber { end += 1 }
        guard end - start == 10 || end - start == 12, end == text.count || !PersonalValueMatcher.isWordCharacter(text[end])
        else { return nil }
        return (end, "tax_id")
    }
}
