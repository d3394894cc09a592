"""Where things live on disk, and the typed settings.

Paths come from platformdirs unless `--basedir` (or `--temp-basedir`) puts
everything under one folder, which the tests and the demo use.
Secrets are never part of `Settings`: they live in the OS keyring only.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kortrijk_cockpit import APP_ID
from kortrijk_cockpit.errors import ConfigError

SETTINGS_FILE = "settings.json"


def resources_dir() -> Path:
    """The `resources/` folder, in a source checkout and in a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path
    backups: Path
    attachments: Path
    stukken: Path  # stukken linked from mails, a folder per meeting
    verslagen: Path  # every verslag version's files, a folder per meeting

    @property
    def fiches(self) -> Path:
        """Every published fiche's files, a folder per fiche (made when first used)."""
        return self.data / "fiches"

    @classmethod
    def for_basedir(cls, base: Path) -> Paths:
        return cls(
            data=base / "data",
            config=base / "config",
            logs=base / "logs",
            backups=base / "data" / "backups",
            attachments=base / "data" / "attachments",
            stukken=base / "data" / "stukken",
            verslagen=base / "data" / "verslagen",
        )

    @classmethod
    def standard(cls) -> Paths:
        import platformdirs  # only without --basedir; keeps it off the start-up path

        data = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
        return cls(
            data=data,
            config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
            backups=data / "backups",
            attachments=data / "attachments",
            stukken=data / "stukken",
            verslagen=data / "verslagen",
        )

    @property
    def default_database(self) -> Path:
        return self.data / "cockpit.sqlite3"

    def ensure(self) -> None:
        """Create every folder and prove it is writable, or fail in Dutch."""
        for folder in (self.data, self.config, self.logs, self.backups, self.attachments,
                       self.stukken, self.verslagen):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                probe = folder / ".write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
                raise ConfigError(
                    f"De map {folder} kan niet worden aangemaakt of beschreven "
                    f"({_why(exc)}). Kies een andere map met --basedir.",
                    detail=repr(exc),
                ) from exc


def _why(exc: OSError) -> str:
    reasons = {
        errno.ENOTDIR: "er staat een bestand in de weg",
        errno.EEXIST: "er staat een bestand in de weg",
        errno.EACCES: "geen schrijfrechten",
        errno.EPERM: "geen schrijfrechten",
        errno.EROFS: "alleen-lezen schijf",
        errno.ENOSPC: "de schijf is vol",
    }
    return reasons.get(exc.errno or 0, f"systeemfout {exc.errno}")


def make_temp_basedir() -> Path:
    """A fresh temporary folder, removed at a clean exit (see `temp_basedir`)."""
    from kortrijk_cockpit import temp_basedir

    return temp_basedir.make()


@dataclass
class Settings:
    """User settings that are not secrets, stored as JSON in the config folder."""

    sync_interval_minutes: int = 10
    calendar_days_back: int = 90
    calendar_days_ahead: int = 365
    language: str = "nl"
    # The Exchange connection profile. Passwords and tokens are never here: OS keyring only.
    exchange_endpoint: str = ""
    exchange_mailbox: str = ""
    exchange_username: str = ""
    exchange_auth: str = "ntlm"  # "ntlm", "basic" or "oauth2" (Microsoft 365)
    exchange_ca_bundle: str = ""
    exchange_authority: str = ""  # oauth2: the sign-in authority (tenant)
    exchange_client_id: str = ""  # oauth2: the city's app registration
    # "ews" (Exchange on-premises, or Microsoft 365 while the tenant allows EWS) or "graph"
    # (Microsoft 365 over Microsoft Graph; EWS stops there on 1 April 2027).
    exchange_backend: str = "ews"
    graph_endpoint: str = ""  # "" is https://graph.microsoft.com/v1.0 (a sandbox sets its own)
    show_private_items: bool = False  # needs the director's ViewPrivateItems grant as well
    director_name: str = ""  # signs replies sent on the director's behalf
    working_hours_start: str = "08:00"  # the Agenda marks appointments outside these
    working_hours_end: str = "18:00"
    # Protecting his time: a "Voorbereiding" block before appointments with a fiche or
    # an agenda, and the buffers "Zoek een moment" keeps around his appointments.
    preparation_minutes: int = 30
    travel_minutes: int = 15
    # Weekly blocks he keeps for himself: {"weekday": 0-6 (Monday 0), "start": "14:00",
    # "end": "16:00"} in Brussels time. Entries that do not parse are ignored.
    protected_blocks: list[dict[str, object]] = field(default_factory=list)
    # The Dagoverzicht of the next working day, mailed through the outbox at this time
    # on working days; empty address: the director's own mailbox.
    day_overview_mail: bool = False
    day_overview_time: str = "16:00"
    day_overview_to: str = ""
    # The city's own Word template for the overleg agenda (docxtpl tags, see
    # documents/agenda_docx.py); empty: the one in resources/templates.
    agenda_template_path: str = ""
    # The same for the verslag (documents/verslag_docx.py); the besluitenlijst stays ours.
    verslag_template_path: str = ""
    # Fiches: an appointment is external when its organiser writes from outside these
    # domains, or it carries one of these categories (or it is marked by hand).
    city_domains: list[str] = field(default_factory=lambda: ["kortrijk.be"])
    external_categories: list[str] = field(default_factory=lambda: ["Extern"])
    # People: kept this many months after the last interaction, then proposed for erasure.
    person_retention_months: int = 24
    # Fiche sections per event type ({"receptie": ["objective", "people"], ...}); a type
    # not listed shows every section. `fiche_template_path`: the office's Word template.
    fiche_sections: dict[str, list[str]] = field(default_factory=dict)
    fiche_template_path: str = ""
    # "director": start the read-only Briefings window instead of the full app (as
    # --briefings does), for the director on a shared team store.
    role: str = "assistant"
    # Reporting flows, planned back from the council: the city's closing days and closure
    # weeks ("2026-12-24" or "2026-12-21/2027-01-01"), and the lead times before the
    # college (MAT/DC, in days) and before the MAT/DC (the teams' drafts, in working days).
    closing_days: list[str] = field(default_factory=list)
    matdc_days_before_college: int = 5
    draft_working_days_before_matdc: int = 10
    # Who delivers for the reporting cycles: {"directie": ..., "team": ..., "owner":
    # address}; each new cycle asks every team for its part.
    reporting_teams: list[dict[str, object]] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Paths) -> Settings:
        path = paths.config / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            # A damaged settings file must not stop the app; defaults are safe.
            return cls()
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        try:
            return cls(**known)
        except TypeError:
            return cls()

    def save(self, paths: Paths) -> None:
        path = paths.config / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
