"""Qt item models over the services (no SQL here: rows come from the services)."""
