"""The weak-areas page: mastery per topic, charts, and the interview countdown."""
