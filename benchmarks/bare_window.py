"""Baseline for the start-up figure: a bare PySide6 QMainWindow, same probe."""

from PySide6.QtWidgets import QApplication, QMainWindow

from quizdesk.ui.app.startup_probe import install_if_requested

app = QApplication([])
window = QMainWindow()
window.resize(1200, 760)
install_if_requested(app, window)
window.show()
app.exec()
