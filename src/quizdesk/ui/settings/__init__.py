"""Settings: preferences, theme choice, backups and restore."""
