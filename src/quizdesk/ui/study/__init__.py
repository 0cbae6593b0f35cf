"""A study round: one card at a time, graded."""
