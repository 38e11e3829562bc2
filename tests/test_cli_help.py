"""Every subcommand answers --help with a description of itself."""

import pytest
from click.testing import CliRunner

from plankg.cli import main


def test_main_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("build", "serve", "evaluate"):
        assert name in result.output


@pytest.mark.parametrize("name", sorted(main.commands))
def test_each_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert main.commands[name].help, f"{name} has no help text"
    assert "Usage:" in result.output
