"""Typed ORM entities of the office's model. No Qt, no I/O."""

from kortrijk_cockpit.domain.base import Base, UTCDateTime, Versioned, utcnow
from kortrijk_cockpit.domain.briefs import Brief, BriefPerson, BriefStatus
from kortrijk_cockpit.domain.calendar import CalendarEvent
from kortrijk_cockpit.domain.mail import (
    Attachment,
    FlagStatus,
    FolderKind,
    Importance,
    LinkKind,
    Mail,
    MailFolder,
    MailLink,
    Sensitivity,
    TextTemplate,
    TriageOutcome,
    TrustedImageSender,
)
from kortrijk_cockpit.domain.meetings import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    DocumentRequest,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    RequestStatus,
    SeriesMember,
    Theme,
)
from kortrijk_cockpit.domain.people import Organisation, Person
from kortrijk_cockpit.domain.reporting import Deliverable, DeliverableStatus, ReportingCycle
from kortrijk_cockpit.domain.sync import AuditEntry, OutboxEntry, OutboxStatus, SyncState
from kortrijk_cockpit.domain.visits import Visit, VisitChecklistItem, VisitKind, VisitTemplateItem

__all__ = [
    "ActionPoint", "ActionStatus", "AgendaItem", "AgendaItemKind", "Attachment", "AuditEntry",
    "Base", "Brief", "BriefPerson", "BriefStatus", "CalendarEvent", "Deliverable",
    "DeliverableStatus", "DocumentRequest", "FlagStatus", "FolderKind", "Importance",
    "LinkKind", "Mail", "MailFolder", "MailLink", "Meeting", "MeetingSeries", "MeetingStatus",
    "Organisation", "OutboxEntry", "OutboxStatus", "Person", "ReportingCycle", "RequestStatus",
    "Sensitivity", "SeriesMember", "SyncState", "TextTemplate", "Theme", "TriageOutcome",
    "TrustedImageSender", "UTCDateTime", "utcnow", "Versioned", "Visit", "VisitChecklistItem",
    "VisitKind", "VisitTemplateItem",
]
