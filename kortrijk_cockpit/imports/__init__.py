"""Reading mail and calendar files (.eml, .msg, .ics) into plain records. No Qt, no store.

Each reader turns one file's bytes into `ParsedMail` or `ParsedEvent` values,
or raises `NotReadable` with the Dutch reason; `services/mail_import.py`
stores them.
"""
