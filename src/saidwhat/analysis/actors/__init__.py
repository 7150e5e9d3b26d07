"""Actors: every mention of one person, organisation or group merged into one canonical actor."""

from __future__ import annotations

from saidwhat.analysis.actors.resolve import ActorResolution, resolve_actors

__all__ = ["ActorResolution", "resolve_actors"]
