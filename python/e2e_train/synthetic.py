"""Tiny synthetic datasets in every layout we read, with a signal a model can learn in a few steps.

Until the simulation produces real datasets, these exercise the whole chain (tests, docs examples):
  python3 -m e2e_train.synthetic --layout e2e --samples 512 --out toy.h5
Class 1 objects are narrower energy blobs than class 0 (overlapping widths); for regression (`--mass`) two blobs whose
separation grows with the target mass. Graphs are the same blobs sampled as hits (eta, phi, energy, ...).
"""
import argparse
import sys

import h5py
import numpy as np

from .layouts import JET_CHANNELS


def _blobs(rng, n, channels, size, labels, mass=None):
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    centre = size / 2 - 0.5
    x = np.zeros((n, channels, size, size), dtype=np.float32)
    for i in range(n):
        if mass is None:
            # Overlapping width distributions: learnable, but not perfectly separable.
            width = size * max(0.02, rng.normal(0.07 if labels[i] > 0.5 else 0.095, 0.02))
            offsets = [(0.0, 0.0)]
        else:
            width = size * 0.05
            half = 0.5 * size * 0.35 * mass[i] / mass.max()
            offsets = [(0.0, -half), (0.0, half)]
        for c in range(channels):
            img = np.zeros((size, size), dtype=np.float32)
            for dy, dx in offsets:
                img += np.exp(-((yy - centre - dy) ** 2 + (xx - centre - dx) ** 2) / (2 * width ** 2))
            x[i, c] = img * (c + 1) * 10.0
    x += rng.normal(0.0, 0.05, size=x.shape).astype(np.float32)
    return x


def _graphs(rng, labels, max_nodes, features):
    counts = rng.integers(max_nodes // 4, max_nodes + max_nodes // 4, size=len(labels))
    nodes = []
    for label, count in zip(labels, counts):
        spread = 0.05 if label > 0.5 else 0.15
        eta_phi = rng.normal(0.0, spread, size=(count, 2))
        energy = rng.exponential(5.0, size=(count, 1)) + 0.1
        extra = rng.normal(0.0, 1.0, size=(count, features - 3))
        nodes.append(np.concatenate([eta_phi, energy, extra], axis=1).astype(np.float32))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return np.concatenate(nodes), offsets


def write(path, layout="e2e", samples=256, channels=None, size=None, seed=0, mass=False, graphs=True,
          graph_nodes=32, graph_features=8):
    """Writes a synthetic dataset and returns the labels (or targets) it stored."""
    rng = np.random.default_rng(seed)
    labels = (np.arange(samples) % 2).astype(np.float32)
    rng.shuffle(labels)
    target = rng.uniform(0.1, 1.2, size=samples).astype(np.float32) if mass else None
    with h5py.File(path, "w") as f:
        if layout == "e2e":
            channels = channels or 3
            size = size or 32
            x = _blobs(rng, samples, channels, size, labels, target)
            # Like the C++ writer: images already scaled, the factors recorded as root attributes.
            f.create_dataset("X", data=x * np.float32(0.1), chunks=(1,) + x.shape[1:])
            f.attrs["layout"] = "e2e"
            f.attrs["channels"] = [f"ch{i}" for i in range(channels)]
            f.attrs["scales"] = np.full(channels, 0.1, dtype=np.float32)
            f.create_dataset("y", data=target if mass else labels)
            for name in ("pt", "eta", "phi", "m"):
                f.create_dataset(name, data=rng.uniform(0.0, 1.0, samples).astype(np.float32))
            f.create_dataset("ieta", data=rng.integers(55, 225, samples).astype(np.float32))
            f.create_dataset("iphi", data=rng.integers(0, 360, samples).astype(np.float32))
            f.create_dataset("truth_mass", data=target if mass else np.zeros(samples, np.float32))
            if graphs:
                nodes, offsets = _graphs(rng, labels, graph_nodes, graph_features)
                f.create_dataset("graph_nodes", data=nodes, chunks=(min(len(nodes), 4096), graph_features))
                f.create_dataset("graph_node_offsets", data=offsets)
                f.attrs["graph_features"] = ["eta", "phi", "energy"] + [f"f{i}" for i in range(graph_features - 3)]
        elif layout == "egamma":
            x = _blobs(rng, samples, 2, size or 32, labels).transpose(0, 2, 3, 1)
            f.create_dataset("X", data=np.ascontiguousarray(x), chunks=(1,) + x.shape[1:])
            f.create_dataset("y", data=labels)
        elif layout == "jet":
            channels = channels or 3
            if channels not in JET_CHANNELS:
                raise ValueError(f"jet layout: {channels} channels (public layouts have {sorted(JET_CHANNELS)})")
            x = _blobs(rng, samples, channels, size or 125, labels, target).transpose(0, 2, 3, 1)
            f.create_dataset("X_jets", data=np.ascontiguousarray(x), chunks=(1,) + x.shape[1:])
            f.create_dataset("y", data=target if mass else labels)
            f.create_dataset("pt", data=rng.uniform(400, 1000, samples).astype(np.float32))
            f.create_dataset("m0", data=rng.uniform(50, 250, samples).astype(np.float32))
        else:
            raise ValueError(f"unknown layout '{layout}'")
    return target if mass else labels


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.synthetic", description=__doc__.split("\n")[0])
    p.add_argument("--layout", choices=["e2e", "egamma", "jet"], default="e2e")
    p.add_argument("--samples", type=int, default=256)
    p.add_argument("--channels", type=int)
    p.add_argument("--size", type=int, help="image height = width")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--mass", action="store_true", help="regression target instead of a 0/1 label")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    write(a.out, a.layout, a.samples, a.channels, a.size, a.seed, a.mass)
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
