"""Minutes mode of an overleg: the window, the inline action points and the Opvolging."""
