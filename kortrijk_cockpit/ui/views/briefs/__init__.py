"""Fiches: external appointments, their discussiefiche and its review."""
