"""The Personen area."""
