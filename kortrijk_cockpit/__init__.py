"""Kortrijk Cockpit: the desktop cockpit of the algemeen directeur's office."""

__version__ = "0.1.0"
APP_NAME = "Kortrijk Cockpit"
APP_ID = "kortrijk-cockpit"
