"""Mock exams: set-up, the running exam, self-grading, results and history."""
