"""The Qt front end of filmdesk."""
