"""Subcommands of this stage register here (see saidwhat.cli)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """No subcommands yet."""
