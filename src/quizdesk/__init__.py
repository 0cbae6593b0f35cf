"""QuizDesk: an offline study app for AI / algorithm-engineer interviews."""

__version__ = "0.1.0"
APP_NAME = "QuizDesk"
