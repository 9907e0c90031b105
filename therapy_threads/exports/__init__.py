"""Exports of a release into other tools' formats (light install: no pipeline imports)."""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError


def check_output_folder(out: Path, overwrite: bool, marker: str, what: str) -> None:
    """Refuse to write into a non-empty folder, unless ``overwrite`` and it holds an earlier
    output of the same kind (it has ``marker``): never replace someone's other files."""
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise UserError(f"{out} exists and is not empty; choose a new folder or pass --force")
        if not (out / marker).is_file():
            raise UserError(f"{out} is not {what}; refusing to replace it")
