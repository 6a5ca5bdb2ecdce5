"""Use cases shared by the UI and the command line. Never imports Qt."""
