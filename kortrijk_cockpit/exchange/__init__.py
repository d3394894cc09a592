"""Exchange access behind the `MailboxBackend` protocol (EWS first). No Qt."""
