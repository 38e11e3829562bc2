"""The ``plankg`` command: each area of the project contributes its subcommands."""

from __future__ import annotations

import click

from plankg import __version__
from plankg.analysis.commands import COMMANDS as ANALYSIS_COMMANDS
from plankg.api.commands import COMMANDS as API_COMMANDS
from plankg.evaluation.commands import COMMANDS as EVALUATION_COMMANDS
from plankg.graph.commands import COMMANDS as GRAPH_COMMANDS


class _Commands(click.Group):
    """Every command's store errors (a store another process holds, an endpoint that does not answer) end in their
    one-line message, not a traceback."""

    def invoke(self, ctx: click.Context):
        from plankg.graph.store import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="plankg")
def main() -> None:
    """plankg: a knowledge graph of government plans (tasks, agencies, deadlines, targets, glossary, prerequisites).

    Typical use: `plankg build` ingests the bundled sample corpus into ./data/store, `plankg serve` serves it at
    http://127.0.0.1:8000 (SPARQL at /sparql, API at /api, docs at /docs).
    """


for command in [*GRAPH_COMMANDS, *API_COMMANDS, *ANALYSIS_COMMANDS, *EVALUATION_COMMANDS]:
    main.add_command(command)
