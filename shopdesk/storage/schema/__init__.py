"""One module per migration: mNNNN_name.py with migrate(db). Never edit a shipped one."""
