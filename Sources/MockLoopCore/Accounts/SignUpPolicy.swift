/// Who may create an account on an instance run with accounts (MOCKLOOP_SIGNUP).
public enum SignUpPolicy: String, Sendable, CaseIterable {
    /// Anyone who reaches the instance.
    case open
    /// Only with an invite code from an admin.
    case invite
    /// No sign-up: admins create accounts (`mockloop users create`).
    case closed
}
