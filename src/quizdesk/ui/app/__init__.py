"""The application: start-up, the main window and its actions, the error and recovery paths."""
