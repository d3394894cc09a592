"""Opvolging: what is open, by due date (visit and tour checklists, action points)."""
