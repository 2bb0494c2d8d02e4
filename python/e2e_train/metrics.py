"""Classifier and regression metrics, and the PNG plots that go with a trained model.

AUC is the Mann-Whitney statistic (ties count one half), identical to the trapezoidal area under the ROC
curve. Its uncertainty is given two ways: the Hanley-McNeil (1982) closed form and a bootstrap standard
deviation; the model card records both. Mass regression: bias = median(pred - true) and resolution = half
the central 68% interval of (pred - true), per bin of true mass, also relative to the bin centre.
"""
import numpy as np


def _check_binary(y, s):
    y = np.asarray(y, dtype=np.float64).ravel()
    s = np.asarray(s, dtype=np.float64).ravel()
    if y.shape != s.shape:
        raise ValueError(f"labels {y.shape} and scores {s.shape} differ in length")
    pos = y > 0.5
    if pos.all() or not pos.any():
        raise ValueError("AUC needs both classes among the labels")
    return pos, s


def roc_curve(y, s):
    """False- and true-positive rates for every distinct threshold, from (0, 0) to (1, 1)."""
    pos, s = _check_binary(y, s)
    order = np.argsort(-s, kind="stable")
    s_sorted, pos_sorted = s[order], pos[order]
    last_of_tie = np.r_[np.nonzero(np.diff(s_sorted))[0], len(s_sorted) - 1]
    tp = np.cumsum(pos_sorted)[last_of_tie]
    fp = np.cumsum(~pos_sorted)[last_of_tie]
    tpr = np.r_[0.0, tp / pos.sum()]
    fpr = np.r_[0.0, fp / (~pos).sum()]
    return fpr, tpr, np.r_[np.inf, s_sorted[last_of_tie]]


def _average_ranks(s):
    order = np.argsort(s, kind="stable")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_s = s[order]
    starts = np.r_[0, np.nonzero(np.diff(sorted_s))[0] + 1]
    ends = np.r_[starts[1:], len(s)]
    for a, b in zip(starts, ends):
        ranks[order[a:b]] = 0.5 * (a + b - 1) + 1.0
    return ranks


def auc(y, s):
    pos, s = _check_binary(y, s)
    n_pos, n_neg = pos.sum(), (~pos).sum()
    ranks = _average_ranks(s)
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def auc_error_hanley_mcneil(a, n_pos, n_neg):
    """Standard error of an AUC estimate (Hanley & McNeil, Radiology 143 (1982) 29)."""
    q1, q2 = a / (2.0 - a), 2.0 * a * a / (1.0 + a)
    var = (a * (1 - a) + (n_pos - 1) * (q1 - a * a) + (n_neg - 1) * (q2 - a * a)) / (n_pos * n_neg)
    return float(np.sqrt(max(var, 0.0)))


def auc_error_bootstrap(y, s, rounds=200, seed=0):
    """Standard deviation of the AUC over `rounds` resamplings with replacement."""
    pos, s = _check_binary(y, s)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(rounds):
        idx = rng.integers(0, len(s), len(s))
        if pos[idx].all() or not pos[idx].any():
            continue
        values.append(auc(pos[idx], s[idx]))
    return float(np.std(values, ddof=1)) if len(values) > 1 else float("nan")


def classifier_summary(y, s, bootstrap_rounds=200, seed=0):
    pos, _ = _check_binary(y, s)
    a = auc(y, s)
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    fpr, tpr, _ = roc_curve(y, s)
    # Background rejection 1/FPR at 50% signal efficiency: the usual tagging working point.
    fpr50 = float(np.interp(0.5, tpr, fpr))
    return {"auc": a, "auc_error_hanley_mcneil": auc_error_hanley_mcneil(a, n_pos, n_neg),
            "auc_error_bootstrap": auc_error_bootstrap(y, s, bootstrap_rounds, seed),
            "n_signal": n_pos, "n_background": n_neg,
            "background_rejection_at_50": (1.0 / fpr50) if fpr50 > 0 else float("inf")}


def regression_summary(pred, true, bins=10):
    """Bias and resolution of pred - true, overall and per bin of the true value."""
    pred = np.asarray(pred, dtype=np.float64).ravel()
    true = np.asarray(true, dtype=np.float64).ravel()
    diff = pred - true

    def stats(d):
        q16, q50, q84 = np.percentile(d, [16, 50, 84])
        return float(q50), float(0.5 * (q84 - q16))

    bias, res = stats(diff)
    edges = np.linspace(true.min(), true.max(), bins + 1) if true.max() > true.min() else np.array(
        [true.min() - 0.5, true.max() + 0.5])
    per_bin = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (true >= lo) & ((true < hi) | (hi == edges[-1]))
        if sel.sum() < 2:
            continue
        b, r = stats(diff[sel])
        centre = 0.5 * (lo + hi)
        per_bin.append({"lo": float(lo), "hi": float(hi), "count": int(sel.sum()), "bias": b, "resolution": r,
                        "relative_resolution": r / centre if centre else float("nan")})
    return {"bias": bias, "resolution": res, "mae": float(np.abs(diff).mean()), "count": int(len(diff)),
            "bins": per_bin}


def _pyplot():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def plot_roc(path, y, s, label="model"):
    plt = _pyplot()
    fpr, tpr, _ = roc_curve(y, s)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot(fpr, tpr, label=f"{label} (AUC {auc(y, s):.4f})")
    ax.plot([0, 1], [0, 1], "k:", lw=0.8)
    ax.set(xlabel="false positive rate", ylabel="true positive rate", title="ROC")
    ax.legend(loc="lower right")
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


def plot_scores(path, y, s):
    plt = _pyplot()
    pos, s = _check_binary(y, s)
    fig, ax = plt.subplots(figsize=(6, 4))
    bins = np.linspace(0.0, 1.0, 41)
    ax.hist(s[~pos], bins=bins, histtype="step", density=True, label="class 0")
    ax.hist(s[pos], bins=bins, histtype="step", density=True, label="class 1")
    ax.set(xlabel="score (sigmoid of logit)", ylabel="density", title="score distributions")
    ax.legend()
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


def plot_loss(path, history):
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    epochs = [h["epoch"] for h in history]
    ax.plot(epochs, [h["train_loss"] for h in history], "o-", label="train")
    ax.plot(epochs, [h["val_loss"] for h in history], "s-", label="validation")
    ax.set(xlabel="epoch", ylabel="loss", title="loss curves")
    ax.legend()
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


def plot_mass(path, pred, true, summary):
    plt = _pyplot()
    fig, (a0, a1) = plt.subplots(1, 2, figsize=(11, 4.5))
    lo, hi = float(np.min(true)), float(np.max(true))
    a0.hist2d(np.ravel(true), np.ravel(pred), bins=40, range=[[lo, hi], [lo, hi]], cmap="viridis")
    a0.plot([lo, hi], [lo, hi], "w--", lw=0.8)
    a0.set(xlabel="true mass", ylabel="predicted mass", title="predicted vs true")
    centres = [0.5 * (b["lo"] + b["hi"]) for b in summary["bins"]]
    a1.plot(centres, [b["bias"] for b in summary["bins"]], "o-", label="bias (median)")
    a1.plot(centres, [b["resolution"] for b in summary["bins"]], "s-", label="resolution (68% half-width)")
    a1.axhline(0.0, color="k", lw=0.6)
    a1.set(xlabel="true mass", ylabel="predicted - true", title="per mass bin")
    a1.legend()
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
