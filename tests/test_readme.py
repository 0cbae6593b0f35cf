"""The README's promises: two set-up commands, CI runs the test one as written (in Shanghai time),
and the Linux note names the packages ``quizdesk`` itself would ask for."""

from __future__ import annotations

import re
from pathlib import Path

from quizdesk.qt_preflight import OFTEN_MISSING, install_command

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _get_started() -> str:
    return README.split("## Get started", 1)[1].split("\n## ", 1)[0]


def test_get_started_has_exactly_two_commands_to_copy() -> None:
    blocks = re.findall(r"```(\w*)\n(.*?)```", _get_started(), re.S)
    assert [(language, body.count("\n")) for language, body in blocks] == [("bash", 1), ("bash", 1)]
    assert blocks[0][1].strip().endswith(".venv/bin/quizdesk")
    assert blocks[1][1].strip().endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim_in_shanghai_time() -> None:
    test_command = re.findall(r"```bash\n(.*?)\n```", _get_started(), re.S)[1]
    lines = [line.strip() for line in CI.splitlines()]
    assert test_command in lines
    assert lines.index("export TZ=Asia/Shanghai") < lines.index(test_command)


def test_the_linux_note_lists_the_packages_quizdesk_asks_for() -> None:
    note = " ".join(_get_started().split("> **Linux:**", 1)[1].split("\n\n", 1)[0].replace(">", " ").split())
    for manager in ("apt-get", "dnf"):
        assert f"`{install_command(OFTEN_MISSING, manager, as_root=False)}`" in note, manager
