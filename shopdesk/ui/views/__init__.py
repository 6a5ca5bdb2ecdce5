"""Views: the panels that make up the main window."""
