"""One controller per feature of the main window, created and held by the window.

A controller gets the window through the small `Host` interface (host.py) and never
imports main_window; the window places the actions and widgets each controller makes.
"""
