"""Evaluation of the attribution extractor on PolNeAR-style brat data (shared scorer, throughput, memory)."""

from __future__ import annotations

from saidwhat.evaluate.polnear import GoldAttribution, load_split, read_ann

__all__ = ["GoldAttribution", "load_split", "read_ann"]
