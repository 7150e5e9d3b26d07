"""The learned layer of stance: a small softmax regression over the rule features.

Trained by ``benchmarks/stance.py --train`` on the hand-made PolNeAR-stance dev labels (PolNeAR
gold attributions, ``self`` pairs left out); its quality is reported by article-level
cross-validation only (see docs/actors-stance.md). The weights ship as ``stance_weights.json``
next to this module; without that file the transparent threshold rule is used.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

from saidwhat.analysis.stance.score import FEATURES, LABELS, StanceConfig

WEIGHTS_PATH = Path(__file__).resolve().parent / "stance_weights.json"


@functools.lru_cache(maxsize=1)
def load_weights(path: str = str(WEIGHTS_PATH)) -> tuple[tuple[float, ...], ...] | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return None
    if tuple(data.get("features", ())) != FEATURES or tuple(data.get("labels", ())) != LABELS:
        return None  # trained on another feature set: fall back to the rule
    return tuple(tuple(float(w) for w in row) for row in data["weights"])


def default_config() -> StanceConfig:
    return StanceConfig(weights=load_weights())


def train(X: list[dict[str, float]], y: list[str], *, l2: float = 0.05, epochs: int = 600,
          lr: float = 0.5) -> tuple[tuple[float, ...], ...]:
    """Class-balanced softmax regression by gradient descent (small data: a few hundred rows)."""
    A = np.array([[x.get(f, 0.0) for f in FEATURES] for x in X], dtype=float)
    Y = np.zeros((len(y), len(LABELS)))
    for i, lab in enumerate(y):
        Y[i, LABELS.index(lab)] = 1.0
    counts = Y.sum(axis=0) + 1.0
    sample_w = (Y @ (len(y) / (len(LABELS) * counts)))[:, None]
    W = np.zeros((len(LABELS), len(FEATURES)))
    for _ in range(epochs):
        Z = A @ W.T
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        grad = ((P - Y) * sample_w).T @ A / len(y) + l2 * W
        grad[:, 0] -= l2 * W[:, 0]  # no penalty on the bias
        W -= lr * grad
    return tuple(tuple(round(float(w), 5) for w in row) for row in W)


def save_weights(weights: tuple[tuple[float, ...], ...], path: Path, note: str) -> None:
    path.write_text(json.dumps({"note": note, "features": FEATURES, "labels": LABELS,
                                "weights": weights}, indent=1) + "\n", encoding="utf-8")
