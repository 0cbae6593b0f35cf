"""GUI-free core of QuizDesk. Nothing below this package imports Qt."""
