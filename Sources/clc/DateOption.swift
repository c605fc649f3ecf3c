import LifecycleKit

/// The moment a date option names (RFC 3339 or YYYY-MM-DD), nil when not given; a usage
/// error (exit 2) in `language` when it is malformed.
func parseTime(_ text: String?, option: String, language: Language) throws -> Timestamp? {
    guard let text else { return nil }
    guard let t = Timestamp(text) else {
        let problem = Message(.malformedTimestamp, .text(JSONText.string(text)))
        throw UsageFailure(message: Message(.moveIO, .text(option), .message(problem)).text(in: language))
    }
    return t
}
