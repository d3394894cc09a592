"""Briefings: the director's read-only window (his external appointments, their fiches,
approve or send back with a comment)."""
