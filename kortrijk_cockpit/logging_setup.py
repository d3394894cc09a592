"""Rotating log file, with secrets scrubbed before anything is written.

Every handler gets `RedactingFilter`: known secrets (registered by whoever
holds them, e.g. the keyring layer) and password/token-looking fragments are
replaced before a record reaches a file, the console or a crash report.
"""

from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "cockpit.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_PATTERNS = [
    re.compile(r"(?i)(authorization)(\s*[=:]\s*)([^\r\n]+)"),
    re.compile(r"(?i)(password|passwd|pwd|secret|token)(\s*[=:]\s*)(\S+)"),
    re.compile(r"(?i)(bearer|basic|ntlm)(\s+)([A-Za-z0-9._~+/=-]{8,})"),
    re.compile(r"(?i)(://[^:/\s]+:)()([^@\s]+)(?=@)"),
]


def register_secret(value: str) -> None:
    """Never let `value` reach a log line or crash report."""
    if value and len(value) >= 3:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup_logging(log_dir: Path, *, debug: bool = False) -> Path:
    """Log to a rotating file in `log_dir`; return the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cockpit", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler._cockpit = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # exchangelib's DEBUG output contains whole mails: never at our DEBUG level.
    logging.getLogger("exchangelib").setLevel(logging.WARNING)
    return path
