// A comment without a reason, or for an unknown rule, is invalid-suppression's business.
// backend-review-ignore cors-allows-any-origin
// backend-review-ignore no-such-rule: reviewed
const label = 'backend-review-ignore cors-allows-any-origin: in a string, not a comment';
module.exports = { label };
