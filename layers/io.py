"""Writing files so that a crash never leaves a truncated one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geo.errors import InputError


def atomic_path_write(path: Path, writer) -> None:
    """Run ``writer(tmp_path)`` on a new temporary file name beside ``path``, then
    rename it into place: a failure leaves neither a half-written nor a clobbered
    file. The writer creates the file itself (GDAL insists), so it gets the usual
    permissions, not mkstemp's 0600."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    os.close(fd)
    os.unlink(tmp)
    try:
        writer(tmp)
        os.replace(tmp, path)
    except BaseException:
        for leftover in folder.glob(Path(tmp).name + "*"):  # GDAL's side files too
            leftover.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    atomic_path_write(path, lambda tmp: Path(tmp).write_bytes(data))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
