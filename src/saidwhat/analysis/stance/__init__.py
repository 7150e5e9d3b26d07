"""Targets and stance: what the article's actors react to, and for or against."""

from __future__ import annotations

from saidwhat.analysis.stance.assign import assign_stances

__all__ = ["assign_stances"]
