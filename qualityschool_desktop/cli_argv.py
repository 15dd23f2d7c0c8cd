"""The command line as people type it: ``main.py --db X rounds`` names the database before the
command, as the window's ``main.py --db X`` does. Each command takes its own ``--db``; a global
one before the command is handed to it (RETEST13 N5: it was refused "ยังไม่ได้ใส่ --db")."""

from __future__ import annotations

import argparse
from typing import Sequence

DB = "--db"


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subcommands on a private list only
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _takes_db(parser: argparse.ArgumentParser, rest: Sequence[str]) -> bool:
    """Does the command whose parser is ``parser`` (its own arguments ``rest``) take ``--db``,
    itself or through the kind named next (``report summary``)?"""
    if DB in parser._option_string_actions:
        return True
    kinds = _commands(parser)
    kind = next((token for token in rest if not token.startswith("-")), None)
    return kind in kinds and DB in kinds[kind]._option_string_actions


def db_to_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``argv`` with a ``--db X`` given before the command moved after it, when the command takes
    ``--db`` and was not given one of its own; otherwise ``argv`` as it is. Raises nothing."""
    argv = list(argv)
    commands = _commands(parser)
    at = next((i for i, token in enumerate(argv) if token in commands), None)
    if at is None:
        return argv
    before, command, rest = argv[:at], argv[at], argv[at + 1:]
    if any(token == DB or token.startswith(DB + "=") for token in rest) or not _takes_db(commands[command], rest):
        return argv
    for index, token in enumerate(before):
        if token == DB and index + 1 < len(before):
            moved = before[index:index + 2]
            del before[index:index + 2]
            break
        if token.startswith(DB + "="):
            moved = [token]
            del before[index]
            break
    else:
        return argv
    end = rest.index("--") if "--" in rest else len(rest)
    return [*before, command, *rest[:end], *moved, *rest[end:]]


def parse_args(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_args`` of ``argv`` after :func:`db_to_command`."""
    return parser.parse_args(db_to_command(parser, argv))
