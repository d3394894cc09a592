"""A loopback Microsoft Graph front-end over the sandbox mailbox.

It is served by the same `SandboxServer` as EWS, on the same port under
`/v1.0`, so one mailbox answers both protocols and one fault switchboard
(`Faults`) governs both. Faults and `SandboxServer.requests` use the EWS
operation a Graph request corresponds to ("SyncFolderItems" for a delta query,
"GetItem" for a `$batch` of bodies), so a test written for one protocol runs
unchanged against the other.
"""
