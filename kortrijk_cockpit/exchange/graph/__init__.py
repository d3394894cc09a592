"""MailboxBackend over Microsoft Graph, for Exchange Online after EWS (1 April 2027).

`GraphBackend` (backend.py) is assembled from reading.py, mail_writing.py and
calendar_writing.py over one `GraphClient` (client.py: HTTP, sign-in, errors).
"""
