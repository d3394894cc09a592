"""Overleg: the series, their meetings and the weekly agenda with its stukken."""
