"""The Agenda area: the director's calendar, painted."""
