"""Writing the calendar over Graph: events with attendees (one occurrence or the series),
cancel, attachments on an appointment, getSchedule."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.graph.http import Route

ROUTES: list[Route] = []
