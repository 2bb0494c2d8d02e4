"""Bar chart of the engine comparison: every runtime's samples/s as a ratio to ONNX Runtime, per reference model
and (batch, threads) cell, log scale.

  /usr/bin/python3 bench/engine/plot.py --in docs/data/engine_bench.json --out docs/img/engine_vs_peers.png

The input is the medians table behind docs/benchmarks.md ("Inference engine"): {"cells": [{"model", "batch",
"threads", "samples_per_s": {runtime: value}}]}.
"""
import argparse
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

RUNTIMES = [("e2e", "e2e fp32", "#1f5fbf"), ("e2e-bf16", "e2e bf16", "#5b9bff"), ("e2e-int8", "e2e int8", "#a8c8ff"),
            ("torch", "PyTorch eager", "#d62728"), ("torchscript", "TorchScript", "#ff9896"),
            ("opencv", "OpenCV DNN", "#7f7f7f")]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--in", dest="inp", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    cells = [c for c in json.load(open(a.inp))["cells"] if "ort" in c["samples_per_s"]]
    if not cells:
        raise SystemExit(f"plot: no cell with an ONNX Runtime figure in {a.inp}")
    fig, ax = plt.subplots(figsize=(max(8, 0.55 * len(cells)), 4.8))
    width = 0.8 / len(RUNTIMES)
    for j, (key, label, colour) in enumerate(RUNTIMES):
        xs, ys = [], []
        for i, c in enumerate(cells):
            v = c["samples_per_s"].get(key)
            if v:
                xs.append(i + (j - (len(RUNTIMES) - 1) / 2) * width)
                ys.append(v / c["samples_per_s"]["ort"])
        ax.bar(xs, ys, width, label=label, color=colour)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_yscale("log")
    ax.set_ylabel("samples/s relative to ONNX Runtime 1.30 (fp32)")
    ax.set_xticks(range(len(cells)))
    ax.set_xticklabels([f"{c['model'].replace('resnet15_', '')}\nb{c['batch']} t{c['threads']}" for c in cells],
                       fontsize=6.5)
    ax.legend(fontsize=7, ncol=6, loc="upper center", bbox_to_anchor=(0.5, 1.12))
    ax.grid(axis="y", which="both", alpha=0.25)
    fig.tight_layout()
    fig.savefig(a.out, dpi=110)
    print(f"plot: {len(cells)} cells -> {a.out}")


if __name__ == "__main__":
    main()
