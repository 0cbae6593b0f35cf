"""The names of the code-box styles and the marks the view looks for, without Pygments.

The answer view needs these before any answer is rendered; importing Pygments
(and its plugin registry) only for them would put tens of milliseconds on the
path to the first answer.
"""

from __future__ import annotations

LIGHT_CODE_STYLE = "default"
# Pygments >= 2.17 (pyproject) ships it; tests/core/render checks it is there.
DARK_CODE_STYLE = "github-dark"
# Marks the first block of every code box in the Qt document (``-qt-user-state``,
# which QTextBlock.userState() reads back), so the view finds its code lines and
# draws a continuation mark where a long one wraps.
CODE_BLOCK_STATE = 0x51C0DE
# Left gutter of a code box, where that mark goes.
CODE_GUTTER = "1.2em"
