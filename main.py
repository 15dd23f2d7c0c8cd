"""Quality School Desktop: start the window, or run a command-line task (see ``--help``)."""

from __future__ import annotations

import os
import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from qualityschool_desktop import cli

    cli.utf8_output()  # before anything prints: Windows' redirected output is not UTF-8 otherwise
    args = cli.parse(argv)
    status = cli.run(args)
    if status is not None:
        return status
    # Only the window needs Qt; headless commands never load it.
    from ui.shell.app import run_app

    path, create = cli.gui_target(args)
    return run_app(path, create=create, demo=args.demo and args.db is None, import_files=args.import_files)


def entry() -> int:
    """Run :func:`main` as the program does and return the exit status.

    A windowed Windows build has no console: ``sys.stdout`` and ``sys.stderr`` are ``None`` there
    (issue 12 finding 1: flushing them failed at every quit), so every use of them is guarded."""
    try:
        status = main()
        if sys.stdout is not None:
            sys.stdout.flush()  # output still buffered meets the closed pipe here, not at exit
    except BrokenPipeError:
        # `main.py schools --json | head`: the reader has gone; that is not an error of ours.
        if sys.stdout is not None:
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # a stream without a file descriptor of its own
                pass
        return 0
    return status


if __name__ == "__main__":
    sys.exit(entry())
