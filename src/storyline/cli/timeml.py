"""``storyline timeml``: tag TempEval-3 input files with TIMEX3."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def timeml(
        in_dir: Annotated[Path, typer.Argument(help="Folder of *.tml.TE3input or *.tml files.")],
        out_dir: Annotated[Path, typer.Argument(help="Folder to write the tagged *.tml files to.")],
        parse: Annotated[
            bool, typer.Option(help="Read tense from a spaCy parse (slower; cue words otherwise).")
        ] = False,
    ) -> None:
        """Tag time expressions in TimeML files; each file's DCT anchors its relative dates.

        Example: storyline timeml te3-input/ out/
        """
        from storyline.eval.timeml import annotate_folder

        result = annotate_folder(in_dir, out_dir, parse=parse)
        for _path, reason in result.failed:
            typer.echo(f"Error: {reason}", err=True)
        for warning in _dct_warnings(result.undated):
            typer.echo(f"Warning: {warning}", err=True)
        typer.echo(f"wrote {len(result.written)} file(s) to {out_dir}")
        if result.failed:
            # A batch carries on past bad files but says so in its exit code.
            raise typer.Exit(1)


def _dct_warnings(undated: list[tuple[Path, str | None]]) -> list[str]:
    """One line per input whose DCT is missing or not a date: it is still tagged, but its
    relative dates ("Friday", "next year") stay unresolved, which the user must hear of."""
    warnings = []
    for path, value in undated:
        found = f"DCT value {value!r} is not a date" if value else "no DCT"
        warnings.append(
            f"{path.name}: {found}; relative dates are left unresolved "
            '(give <DCT><TIMEX3 value="YYYY-MM-DD" ...></DCT>)'
        )
    return warnings
