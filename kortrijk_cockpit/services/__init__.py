"""The office's use cases. No Qt: services take a session factory and a clock
and return frozen dataclasses, never ORM objects."""
