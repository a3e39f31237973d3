"""What the window stands on: settings, language, single instance, background work, icons."""
