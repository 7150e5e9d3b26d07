"""The learned layer of stance: a sparse softmax regression over ``features.py``, temperature-calibrated.

Trained by ``scripts/train_stance.py`` on the project's own hand-labelled PolNeAR *train*
attributions (``tests/data/stance``), never on the PolNeAR-stance dev labels, which only measure
it. The weights ship as ``stance_weights.json`` next to this module; without that file (or with
one written for another feature set) the transparent threshold rule of ``score.py`` decides.

Probabilities are calibrated by one temperature fitted on held-out (grouped by article)
predictions of the training data; a label whose probability is below ``UNCERTAIN_BELOW`` is
marked uncertain.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from saidwhat.analysis.stance.score import LABELS, LayerLike, StanceConfig
from saidwhat.schema import StanceLabel

WEIGHTS_PATH = Path(__file__).resolve().parent / "stance_weights.json"
FORMAT = "sparse-softmax-1"


@dataclass(frozen=True)
class Layer(LayerLike):
    """Per-feature weight rows (one weight per label) and a softmax temperature."""

    weights: dict[str, tuple[float, ...]]
    temperature: float = 1.0
    note: str = ""

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        scores = [0.0] * len(LABELS)
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None and value:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def predict(self, feats: dict[str, float]) -> tuple[StanceLabel, float]:
        probs = self.probabilities(feats)
        k = max(range(len(LABELS)), key=lambda i: probs[i])
        return LABELS[k], probs[k]


@functools.lru_cache(maxsize=1)
def load_layer(path: str = str(WEIGHTS_PATH)) -> Layer | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return None
    if data.get("format") != FORMAT or tuple(data.get("labels", ())) != LABELS:
        return None  # written for another layer: fall back to the rule
    weights = {k: tuple(float(w) for w in v) for k, v in data["weights"].items()}
    return Layer(weights, float(data.get("temperature", 1.0)), str(data.get("note", "")))


def default_config() -> StanceConfig:
    return StanceConfig(layer=load_layer())


def train(
    X: Sequence[dict[str, float]],
    y: Sequence[str],
    *,
    l2: float = 1.0,
    class_power: float = 0.5,
    min_count: int = 1,
    dense_l2: float | None = None,
) -> Layer:
    """Softmax regression with L2 (not on ``bias``), fitted by L-BFGS on a sparse design matrix.

    Classes are weighted by ``(n / count) ** class_power`` (0: unweighted, 1: balanced);
    word features (``w:``, ``c:``) seen in fewer than ``min_count`` rows are dropped; ``dense_l2``:
    the L2 of the features without a ``:`` in their name (the sums), if not ``l2``.
    """
    from scipy import optimize, sparse  # type: ignore[import-untyped]  # training only (dev tools)

    seen: dict[str, int] = {}
    for x in X:
        for k, v in x.items():
            if v:
                seen[k] = seen.get(k, 0) + 1
    names = sorted(k for k, c in seen.items() if c >= min_count or ":" not in k)
    index = {k: i for i, k in enumerate(names)}
    r_idx, c_idx, vals = [], [], []
    for r, x in enumerate(X):
        for k, v in x.items():
            i = index.get(k)
            if i is not None and v:
                r_idx.append(r)
                c_idx.append(i)
                vals.append(v)
    A = sparse.csr_matrix((vals, (r_idx, c_idx)), shape=(len(X), len(names)))
    gold = np.array([LABELS.index(lab) for lab in y])
    Y = np.zeros((len(y), len(LABELS)))
    Y[np.arange(len(y)), gold] = 1.0
    counts = Y.sum(axis=0) + 1.0
    sample_w = Y @ ((len(y) / counts) ** class_power)
    sample_w /= sample_w.mean()
    penal = np.ones(len(names))
    if dense_l2 is not None:  # the named (dense) features penalised apart from the word features
        penal[[i for k, i in index.items() if ":" not in k]] = dense_l2 / l2
    if "bias" in index:
        penal[index["bias"]] = 0.0
    shape = (len(LABELS), len(names))

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        W = flat.reshape(shape)
        Z = np.asarray(A @ W.T)
        Z -= Z.max(axis=1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
        value = -float(np.sum(sample_w * logp[np.arange(len(gold)), gold])) + 0.5 * l2 * float(
            np.sum(W * W * penal)
        )
        G = np.asarray(((np.exp(logp) - Y) * sample_w[:, None]).T @ A) + l2 * W * penal
        return value, G.ravel()

    res = optimize.minimize(
        loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    W = res.x.reshape(shape)
    weights = {k: tuple(round(float(W[c, i]), 5) for c in range(len(LABELS))) for k, i in index.items()}
    return Layer({k: v for k, v in weights.items() if any(v)})


def fit_temperature(probs: Sequence[Sequence[float]], y: Sequence[str]) -> float:
    """The temperature that minimises the log loss of held-out probabilities (grid 0.3..3)."""
    logp = np.log(np.clip(np.array(probs, dtype=float), 1e-9, 1.0))
    gold = np.array([LABELS.index(lab) for lab in y])
    best, best_loss = 1.0, math.inf
    for t in np.arange(0.3, 3.01, 0.05):
        z = logp / t
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        loss = -float(np.mean(np.log(np.clip(p[np.arange(len(gold)), gold], 1e-12, 1.0))))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return round(best, 2)


def save_layer(layer: Layer, path: Path) -> None:
    """JSON with one line per feature (readable diffs when the layer is refitted)."""
    head = {"format": FORMAT, "note": layer.note, "labels": LABELS, "temperature": layer.temperature}
    rows = [
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(list(v))}"
        for k, v in sorted(layer.weights.items())
    ]
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "weights": {\n' + ",\n".join(rows) + "\n}}\n"
    path.write_text(text, encoding="utf-8")
