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
