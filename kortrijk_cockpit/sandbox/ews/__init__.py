"""The EWS front-end of the sandbox: SOAP over HTTP onto the in-memory mailbox."""
