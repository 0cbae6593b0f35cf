"""Every subcommand explains itself: ``--help`` with a description and ``--data-dir``."""

from __future__ import annotations

import argparse

import pytest

from quizdesk.cli import build_parser, main


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_help_describes_the_command_and_takes_a_data_dir(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([name, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: quizdesk {name}") and "--data-dir" in out
    description = out.split("\n\n")[1]
    assert not description.startswith(("options:", "positional arguments:")), f"{name} --help has no description"
    for action in _subcommands()[name]._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"{name} {action.option_strings[0]} has no help text"


def test_the_expected_commands_exist() -> None:
    assert {"gui", "lint", "search", "import", "export", "stats", "render", "self-test"} <= set(_subcommands())


def test_a_limit_below_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["search", "梯度", "--limit", "0"])
    assert info.value.code == 2 and "not a positive number" in capsys.readouterr().err


_GUI_PROBE = """
import sys
import quizdesk.commands.gui as gui
gui.run = lambda args: print(args.command, args.data_dir) or 0
from quizdesk.cli import main
code = main(sys.argv[1:])
print(code, sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("quizdesk.commands.")))
"""


@pytest.mark.parametrize(
    ("argv", "data_dir"),
    [([], None), (["gui"], None), (["--data-dir", "/d"], "/d"), (["gui", "--data-dir=/d"], "/d"), (["--data-dir", "/d", "gui"], "/d")],
)
def test_starting_the_app_loads_no_other_command(argv: list[str], data_dir: str | None) -> None:
    # The plain start needs the gui command's parser only; the others' imports cost it ~30 ms.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _GUI_PROBE, *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"gui {data_dir}", "0 ['gui']"]


def test_other_command_lines_still_get_the_full_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--data-dir"])  # no folder given: the full parser's message
    assert info.value.code == 2 and "--data-dir" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0 and "self-test" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["gui", "lint"])
    assert info.value.code == 2
