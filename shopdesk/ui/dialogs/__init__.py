"""Dialogs: forms and small windows opened from the main window and views."""
