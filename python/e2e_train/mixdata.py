"""Balanced, shuffled train/validation/test files from per-class e2e datasets.

`e2e frames` writes one dataset per generated sample (signal, background). Training wants every split to
hold both classes in a random order, with the same number of objects per class. This takes the first
`min(rows)` objects of each input (balanced) or all of them (`balance=False`, regression), cuts each input
into train/validation/test by row ranges (so no object lands in two splits), and writes each split as one
e2e-layout file in a seeded random order. Images, kinematic columns and hit graphs are copied row by row in
blocks; nothing is loaded whole.

  python3 -m e2e_train.mixdata --inputs sig.h5 bkg.h5 --out DIR [--fractions 0.7,0.15,0.15] [--seed 0]
"""
import argparse
import os
import sys

import h5py
import numpy as np

from .layouts import DataError

COLUMNS = ("y", "pt", "eta", "phi", "m", "ieta", "iphi", "truth_mass")
SPLITS = ("train", "val", "test")
BLOCK = 64


def _rows(f):
    if "X" in f:
        return int(f["X"].shape[0])
    if "graph_node_offsets" in f:
        return int(f["graph_node_offsets"].shape[0]) - 1
    raise DataError(f"{f.filename}: not an e2e dataset (no X and no graph_node_offsets)")


def _check_compatible(files):
    first = files[0]
    for f in files[1:]:
        for key in ("channels", "scales", "graph_features", "layout"):
            a, b = first.attrs.get(key), f.attrs.get(key)
            if (a is None) != (b is None) or (a is not None and not np.array_equal(np.asarray(a), np.asarray(b))):
                raise DataError(f"{f.filename}: attribute '{key}' differs from {first.filename}")
        if ("X" in first) != ("X" in f) or ("X" in f and f["X"].shape[1:] != first["X"].shape[1:]):
            raise DataError(f"{f.filename}: image shape differs from {first.filename}")


def plan(sizes, fractions, balance, seed):
    """Per split: an array of (input index, row) pairs in a seeded random order."""
    take = [min(sizes)] * len(sizes) if balance else list(sizes)
    frac = np.asarray(fractions, dtype=np.float64)
    if frac.shape != (3,) or np.any(frac < 0) or frac.sum() <= 0:
        raise ValueError(f"fractions must be three non-negative numbers, got {fractions}")
    frac = frac / frac.sum()
    rng = np.random.default_rng(seed)
    out = {s: [] for s in SPLITS}
    for i, n in enumerate(take):
        edges = np.round(np.cumsum(np.concatenate([[0.0], frac])) * n).astype(np.int64)
        for s, a, b in zip(SPLITS, edges[:-1], edges[1:]):
            out[s].append(np.stack([np.full(b - a, i), np.arange(a, b)], axis=1))
    return {s: rng.permutation(np.concatenate(parts)) for s, parts in out.items()}


class _SplitWriter:
    """One output file in the e2e layout with the attributes of the first input."""

    def __init__(self, path, template, sources):
        self.f = h5py.File(path + ".tmp", "w")
        self.path = path
        for k, v in template.attrs.items():
            self.f.attrs[k] = v
        self.f.attrs["mixed_from"] = [os.path.basename(s) for s in sources]
        self.has_x = "X" in template
        if self.has_x:
            shape = template["X"].shape[1:]
            self.x = self.f.create_dataset("X", (0,) + shape, "f4", maxshape=(None,) + shape,
                                           chunks=(1,) + shape, compression="gzip", compression_opts=1)
            for k, v in template["X"].attrs.items():
                self.x.attrs[k] = v
        self.cols = {c: self.f.create_dataset(c, (0,), "f4", maxshape=(None,), chunks=(4096,))
                     for c in COLUMNS if c in template}
        self.graphs = "graph_nodes" in template
        if self.graphs:
            nf = template["graph_nodes"].shape[1]
            self.nodes = self.f.create_dataset("graph_nodes", (0, nf), "f4", maxshape=(None, nf), chunks=(4096, nf),
                                               compression="gzip", compression_opts=1)
            self.node_off = [0]
            self.edges = None
            if "graph_edges" in template:
                self.edges = self.f.create_dataset("graph_edges", (0, 2), "i4", maxshape=(None, 2),
                                                   chunks=(8192, 2), compression="gzip", compression_opts=1)
                self.edge_off = [0]
        self.rows = 0

    @staticmethod
    def _extend(ds, values):
        n = ds.shape[0]
        ds.resize(n + len(values), axis=0)
        ds[n:] = values

    def append(self, block):
        n = len(block["y"])
        if self.has_x:
            self._extend(self.x, block["X"])
        for c, ds in self.cols.items():
            self._extend(ds, block[c])
        if self.graphs:
            # One resize per block: HDF5 resizes are what make row-by-row appends slow.
            self._extend(self.nodes, np.concatenate(block["nodes"]))
            self.node_off += (self.node_off[-1] + np.cumsum([len(n) for n in block["nodes"]])).tolist()
            if self.edges is not None:
                self._extend(self.edges, np.concatenate(block["edges"]))
                self.edge_off += (self.edge_off[-1] + np.cumsum([len(e) for e in block["edges"]])).tolist()
        self.rows += n

    def close(self):
        if self.graphs:
            self.f.create_dataset("graph_node_offsets", data=np.asarray(self.node_off, dtype=np.int64))
            if self.edges is not None:
                self.f.create_dataset("graph_edge_offsets", data=np.asarray(self.edge_off, dtype=np.int64))
        self.f.close()
        os.replace(self.path + ".tmp", self.path)


def _read_rows(f, rows):
    """Rows (sorted, unique) of one input: a dict of per-row arrays / lists."""
    out = {}
    if "X" in f:
        out["X"] = f["X"][rows]
    for c in COLUMNS:
        if c in f:
            out[c] = f[c][rows]
    if "graph_nodes" in f:
        for key, data in (("nodes", "graph_nodes"), ("edges", "graph_edges")):
            if data not in f:
                continue
            off = f[f"{data[:-1]}_offsets"]
            out[key] = [f[data][a:b] for a, b in (off[r:r + 2] for r in rows)]
    return out


def _gather(files, pairs):
    """The rows named by (input, row) pairs, in that order."""
    parts = {}
    for i in np.unique(pairs[:, 0]):
        sel = np.nonzero(pairs[:, 0] == i)[0]
        rows = pairs[sel, 1]
        order = np.argsort(rows)
        parts[i] = (_read_rows(files[i], rows[order].tolist()), sel[order])
    n = len(pairs)
    block = {}
    for i, (data, positions) in parts.items():
        for k, v in data.items():
            if k not in block:
                block[k] = [None] * n if isinstance(v, list) else np.empty((n,) + v.shape[1:], v.dtype)
            for j, p in enumerate(positions):
                block[k][p] = v[j]
    return block


def mix(inputs, out_dir, fractions=(0.7, 0.15, 0.15), balance=True, seed=0, log=print):
    """Writes out_dir/{train,val,test}.h5; returns {split: rows} and the per-input rows used."""
    files = [h5py.File(p, "r") for p in inputs]
    try:
        _check_compatible(files)
        sizes = [_rows(f) for f in files]
        if min(sizes) == 0:
            empty = [p for p, n in zip(inputs, sizes) if n == 0]
            raise DataError(f"{', '.join(empty)}: no objects (check the selection of e2e frames)")
        os.makedirs(out_dir, exist_ok=True)
        counts = {}
        for split, pairs in plan(sizes, fractions, balance, seed).items():
            w = _SplitWriter(os.path.join(out_dir, f"{split}.h5"), files[0], inputs)
            for a in range(0, len(pairs), BLOCK):
                w.append(_gather(files, pairs[a:a + BLOCK]))
            w.close()
            counts[split] = w.rows
        used = [min(sizes)] * len(sizes) if balance else sizes
        log(f"mixed {dict(zip(inputs, sizes))} -> {counts} in {out_dir}")
        return counts, dict(zip(inputs, used))
    finally:
        for f in files:
            f.close()


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.mixdata", description=__doc__.split("\n")[0])
    p.add_argument("--inputs", nargs="+", required=True, help="e2e datasets, e.g. one per class")
    p.add_argument("--out", required=True, help="directory for train.h5, val.h5, test.h5")
    p.add_argument("--fractions", default="0.7,0.15,0.15", help="train,val,test shares")
    p.add_argument("--no-balance", action="store_true", help="keep every object (regression)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    try:
        mix(args.inputs, args.out, [float(v) for v in args.fractions.split(",")], not args.no_balance, args.seed)
    except (DataError, OSError, ValueError) as exc:
        print(f"e2e_train.mixdata: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
