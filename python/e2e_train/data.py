"""Streaming training data: preprocessing, train/val/test splits and a chunked, shuffled batch stream.

Nothing is loaded whole. Each split is a list of row ranges over HDF5 files; an epoch reads them in
contiguous chunks (~8 MB) in a seeded random order, shuffles rows inside a window of chunks and yields
ready batches (dicts of tensors), so a DataLoader only moves them. Under DistributedDataParallel each rank
reads a disjoint share of the chunks, and `steps_per_epoch` is the same on every rank so no rank waits on
a gradient all-reduce that never comes.
"""
import math
from dataclasses import asdict, dataclass, field

import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info

from .layouts import DataError, Source

CHUNK_BYTES = 8 << 20


@dataclass
class DataSpec:
    """Preprocessing, recorded verbatim in the model card so inference can repeat it.

    The images in a file are already multiplied by the file's `scales` attribute (the C++ frame maker applies
    them when it fills the image); that is recorded, never applied again. On top of it:
    channels: names to use, in order (None: all, file order). zero_suppression: |value| below it (file
    units) becomes 0; one number for all channels or one per channel. scales: extra factors, one per used
    channel (None: 1). Graphs: num_nodes to pad/cut to, node_scales one factor per node feature (None: 1).
    target: dataset holding the label / regression target.
    """
    layout: str = "auto"
    channels: list = None
    scales: list = None
    zero_suppression: object = 0.0
    num_nodes: int = 256
    node_scales: list = None
    target: str = "y"
    resolved: dict = field(default_factory=dict)

    def to_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, d):
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})

    def resolve(self, source):
        """Fixes channel indices, scales and thresholds for `source`; every split must agree with the first."""
        names = source.channels
        wanted = list(self.channels) if self.channels else list(names)
        missing = [c for c in wanted if c not in names]
        if missing:
            raise DataError(f"{source.path}: channels {missing} not in the file's channels {names}")
        idx = [names.index(c) for c in wanted]
        scales = [1.0] * len(idx) if self.scales is None else [float(s) for s in self.scales]
        frame_scales = [source.file_scales[i] for i in idx]
        zs = self.zero_suppression
        zs = [float(zs)] * len(idx) if np.isscalar(zs) else [float(z) for z in zs]
        for what, values in (("scales", scales), ("zero_suppression", zs)):
            if len(values) != len(idx):
                raise DataError(f"{what} has {len(values)} values for {len(idx)} channels {wanted}")
        resolved = {"channels": wanted, "channel_index": idx, "scales": scales, "frame_scales": frame_scales,
                    "zero_suppression": zs, "graph_features": list(source.graph_features)}
        first = self.resolved
        if first and (first["channels"], first["frame_scales"]) != (wanted, frame_scales):
            raise DataError(f"{source.path}: channels/scales {wanted}/{frame_scales} differ from the first "
                            f"file's {first['channels']}/{first['frame_scales']}")
        self.resolved = self.resolved or resolved
        return resolved


def preprocess_images(x, resolved):
    """Channel selection, zero suppression (file units), then the extra per-channel scaling."""
    idx = resolved["channel_index"]
    if idx != list(range(x.shape[1])):
        x = x[:, idx]
    thr = np.asarray(resolved["zero_suppression"], dtype=np.float32).reshape(1, -1, 1, 1)
    if np.any(thr > 0):
        x = np.where(np.abs(x) < thr, np.float32(0), x)
    scales = np.asarray(resolved["scales"], dtype=np.float32)
    return x if np.all(scales == 1) else x * scales.reshape(1, -1, 1, 1)


def read_block(source, start, stop, spec, kind):
    """One contiguous block of samples as numpy arrays: x (+ mask for graphs), y, position, kinematics."""
    out = {}
    if kind == "image":
        if source.image_key is None:
            raise DataError(f"{source.path}: no images for an image model")
        out["x"] = preprocess_images(source.read_images(start, stop), spec.resolve(source))
    else:
        nodes, mask = source.read_graphs(start, stop, spec.num_nodes)
        if spec.node_scales:
            nodes = nodes * np.asarray(spec.node_scales, dtype=np.float32)
        out["x"], out["mask"] = nodes, mask
    out["y"] = source.read_column(spec.target, start, stop)
    if "ieta" in source.kinematics and "iphi" in source.kinematics:
        out["position"] = np.stack([source.read_column("ieta", start, stop),
                                    source.read_column("iphi", start, stop)], axis=1)
    for name in ("pt", "m", "truth_mass"):
        if name in source.kinematics:
            out[name] = source.read_column(name, start, stop)
    return out


@dataclass
class Split:
    """Row ranges [start, stop) over sources."""
    ranges: list

    @property
    def size(self):
        return sum(b - a for _, a, b in self.ranges)

    def describe(self):
        return [{"path": s.path, "layout": s.layout, "rows": [a, b]} for s, a, b in self.ranges]


def make_splits(train, val=None, test=None, layout="auto", val_fraction=0.1, max_samples=None):
    """Train/val/test splits. Without val files, the last `val_fraction` of each training file is held out
    (per file, so one-file-per-class layouts stay balanced). max_samples caps training rows, shared among
    the files in proportion to their size."""
    sources = [Source(p, layout) for p in train]
    holdout = [0 if val else int(round(val_fraction * s.size)) for s in sources]
    train_rows = [s.size - h for s, h in zip(sources, holdout)]
    if max_samples is not None and sum(train_rows) > max_samples:
        total = sum(train_rows)
        train_rows = [int(max_samples * n / total) for n in train_rows]
    train_split = Split([(s, 0, n) for s, n in zip(sources, train_rows) if n > 0])
    if val:
        val_split = Split([(s, 0, s.size) for s in (Source(p, layout) for p in val)])
    else:
        val_split = Split([(s, s.size - h, s.size) for s, h in zip(sources, holdout) if h > 0])
    test_split = Split([(s, 0, s.size) for s in (Source(p, layout) for p in test)]) if test else None
    if train_split.size == 0:
        raise DataError(f"no training samples in {', '.join(train)}")
    if val_split.size == 0:
        raise DataError("no validation samples: pass --val or a --val-fraction that leaves some")
    return train_split, val_split, test_split


class BatchStream(IterableDataset):
    """Batches from a Split, read chunk by chunk. Use with DataLoader(batch_size=None)."""

    def __init__(self, split, spec, kind, batch_size, shuffle, seed=0, rank=0, world=1, buffer_chunks=8,
                 drop_last=None):
        self.split, self.spec, self.kind, self.batch_size = split, spec, kind, batch_size
        self.shuffle, self.seed, self.rank, self.world = shuffle, seed, rank, world
        self.buffer_chunks = buffer_chunks
        self.drop_last = shuffle if drop_last is None else drop_last
        self.epoch = 0
        self.chunks = []
        # Small splits still get enough chunks for every rank to have a share and for shuffling to bite.
        cap = max(1, math.ceil(split.size / (8 * world)))
        for si, (source, a, b) in enumerate(split.ranges):
            rows = max(1, min(cap, CHUNK_BYTES // max(1, self._sample_bytes(source))))
            self.chunks += [(si, s, min(s + rows, b)) for s in range(a, b, rows)]

    def _sample_bytes(self, source):
        if self.kind == "image" and source.image_shape:
            return 4 * int(np.prod(source.image_shape))
        return 4 * self.spec.num_nodes * max(1, len(source.graph_features) or 8)

    def set_epoch(self, epoch):
        self.epoch = epoch

    def _order(self):
        if not self.shuffle:
            return list(range(len(self.chunks)))
        return np.random.default_rng([self.seed, self.epoch]).permutation(len(self.chunks)).tolist()

    def _shards(self, rank, workers):
        """Chunk ids for each DataLoader worker of `rank`."""
        mine = self._order()[rank::self.world]
        return [mine[w::workers] for w in range(workers)]

    def _batches_in(self, chunk_ids):
        rows = sum(self.chunks[c][2] - self.chunks[c][1] for c in chunk_ids)
        return rows // self.batch_size if self.drop_last else math.ceil(rows / self.batch_size)

    def steps_per_epoch(self, workers=1):
        """Batches every rank runs this epoch: the minimum over ranks, so DDP ranks stay in step."""
        workers = max(1, workers)
        counts = [sum(self._batches_in(s) for s in self._shards(r, workers)) for r in range(self.world)]
        return min(counts)

    def __iter__(self):
        info = get_worker_info()
        wid, workers = (info.id, info.num_workers) if info else (0, 1)
        ids = self._shards(self.rank, workers)[wid]
        rng = np.random.default_rng([self.seed, self.epoch, self.rank, wid, 1])
        group = self.buffer_chunks if self.shuffle else 1
        leftover = None
        for i in range(0, len(ids), group):
            blocks = [self._read(c) for c in ids[i:i + group]]
            block = _concat([leftover] + blocks if leftover else blocks)
            n = len(block["y"])
            if self.shuffle:
                perm = rng.permutation(n)
                block = {k: v[perm] for k, v in block.items()}
            full = n - n % self.batch_size
            for a in range(0, full, self.batch_size):
                yield _tensors(block, a, a + self.batch_size)
            leftover = {k: v[full:] for k, v in block.items()} if full < n else None
        if leftover and not self.drop_last:
            yield _tensors(leftover, 0, len(leftover["y"]))

    def _read(self, chunk_id):
        si, a, b = self.chunks[chunk_id]
        return read_block(self.split.ranges[si][0], a, b, self.spec, self.kind)


def _tensors(block, a, b):
    return {k: torch.from_numpy(np.ascontiguousarray(v[a:b])) for k, v in block.items()}


def _concat(blocks):
    if len(blocks) == 1:
        return blocks[0]
    # Files may differ in optional kinematic columns: keep what every block has.
    keys = [k for k in blocks[0] if all(k in b for b in blocks)]
    return {k: np.concatenate([b[k] for b in blocks]) for k in keys}
