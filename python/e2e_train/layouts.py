"""HDF5 dataset layouts and chunk readers.

Three layouts are read (docs/training.md has the full field list):
  e2e     our datasets: `X` (N, C, H, W) float32 with attributes `channels` and `scales` (the factors the
          frame maker already applied, src/e2e/io/DatasetFile.hpp), `y`, kinematics
          (pt, eta, phi, m, ieta, iphi, truth_mass), optional hit graphs as ragged arrays `graph_nodes`
          (total_nodes, F) + `graph_node_offsets` (N + 1) with attribute `graph_features`
  egamma  public e/gamma crops: `X` (N, 32, 32, 2) channels-last [energy, time], `y`
  jet     public jet crops: `X_jets` (or `X_jet`) (N, 125, 125, C) channels-last, `y`, `pt`/`jetPt`,
          `m0`/`jetM`/`m`, optionally `ieta`, `iphi`
A Source never loads a whole dataset: `read(start, stop, ...)` slices one contiguous row range.
"""
import os

import h5py
import numpy as np

LAYOUTS = ("auto", "e2e", "egamma", "jet", "jets")

# Channel names of the public layouts (SPEC.md section 4), by channel count, spelled as in the C++ channel
# registry (src/e2e/frames/ChannelSet.cpp) so model cards name channels the taggers know.
EGAMMA_CHANNELS = ["ecal", "ecal_time"]
JET_CHANNELS = {3: ["trk_pt", "ecal", "hcal"],
                8: ["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3"]}

# Kinematic columns and the names they go by in the public layouts.
KINEMATICS = {"pt": ("pt", "jetPt"), "eta": ("eta",), "phi": ("phi",), "m": ("m", "m0", "jetM"),
              "ieta": ("ieta",), "iphi": ("iphi",), "truth_mass": ("truth_mass",)}


class DataError(ValueError):
    """A dataset that cannot be used as asked; the message names the file and the dataset at fault."""


def _decode(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in np.atleast_1d(values)]


def detect_layout(f):
    declared = f.attrs.get("layout")
    if declared is not None:
        declared = declared.decode() if isinstance(declared, bytes) else str(declared)
        if declared in LAYOUTS[1:]:
            return "jet" if declared == "jets" else declared
    if "X_jets" in f or "X_jet" in f:
        return "jet"
    if "X" in f:
        x = f["X"]
        if "channels" in x.attrs or "channels" in f.attrs:
            return "e2e"
        # Channels-last with a handful of channels after two equal spatial sizes: the public e/gamma crops.
        if x.ndim == 4 and x.shape[1] == x.shape[2] and x.shape[3] <= 16 < x.shape[1]:
            return "egamma"
        return "e2e"
    if "graph_nodes" in f:
        return "e2e"
    raise DataError(f"{f.filename}: no image dataset (X, X_jets, X_jet) and no graph_nodes: unknown layout")


class Source:
    """One HDF5 file in one layout. Re-opens its file lazily in each process (DataLoader workers fork)."""

    def __init__(self, path, layout="auto"):
        if layout not in LAYOUTS:
            raise DataError(f"unknown layout '{layout}' (known: {', '.join(LAYOUTS)})")
        if not os.path.isfile(path):
            raise DataError(f"{path}: no such file")
        self.path = path
        self._file, self._pid = None, None
        try:
            f = self.file()
        except OSError as exc:
            raise DataError(f"{path}: not a readable HDF5 file ({exc})") from None
        self.layout = detect_layout(f) if layout == "auto" else ("jet" if layout == "jets" else layout)
        self.image_key = next((k for k in ("X", "X_jets", "X_jet") if k in f), None)
        self.channels_last = self.layout in ("egamma", "jet")
        self.size = self._row_count(f)
        self.channels, self.file_scales, self.image_shape = self._describe_images(f)
        self.graph_features = _decode(f.attrs.get("graph_features", [])) if "graph_nodes" in f else []
        if "graph_nodes" in f and "graph_node_offsets" not in f:
            raise DataError(f"{path}: graph_nodes without graph_node_offsets")
        self.kinematics = {k: next(a for a in names if a in f) for k, names in KINEMATICS.items()
                           if any(a in f for a in names)}

    def file(self):
        if self._file is None or self._pid != os.getpid():
            self._file, self._pid = h5py.File(self.path, "r"), os.getpid()
        return self._file

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_file"], state["_pid"] = None, None
        return state

    def _row_count(self, f):
        for key in (self.image_key, "y"):
            if key and key in f:
                return int(f[key].shape[0])
        if "graph_node_offsets" in f:
            return int(f["graph_node_offsets"].shape[0]) - 1
        raise DataError(f"{self.path}: cannot tell the number of samples (no X and no y)")

    def _describe_images(self, f):
        if self.image_key is None:
            return [], [], None
        x = f[self.image_key]
        if x.ndim != 4:
            raise DataError(f"{self.path}: {self.image_key} has shape {x.shape}, expected 4 dimensions")
        if self.channels_last:
            c, shape = x.shape[3], (x.shape[3], x.shape[1], x.shape[2])
        else:
            c, shape = x.shape[1], tuple(x.shape[1:])
        if self.layout == "egamma" and c == 2:
            names = list(EGAMMA_CHANNELS)
        elif self.layout == "jet" and c in JET_CHANNELS:
            names = list(JET_CHANNELS[c])
        else:
            attrs = x.attrs if "channels" in x.attrs else f.attrs
            names = _decode(attrs["channels"]) if "channels" in attrs else [f"ch{i}" for i in range(c)]
        if len(names) != c:
            raise DataError(f"{self.path}: attribute channels lists {len(names)} names for {c} channels")
        attrs = x.attrs if "scales" in x.attrs else f.attrs
        scales = [float(s) for s in np.atleast_1d(attrs["scales"])] if "scales" in attrs else [1.0] * c
        if len(scales) != c:
            raise DataError(f"{self.path}: attribute scales has {len(scales)} values for {c} channels")
        return names, scales, shape

    def has(self, name):
        return name in self.file()

    def read_images(self, start, stop):
        x = self.file()[self.image_key][start:stop]
        if self.channels_last:
            x = np.ascontiguousarray(x.transpose(0, 3, 1, 2))
        return x.astype(np.float32, copy=False)

    def read_graphs(self, start, stop, num_nodes):
        """Padded node features (n, num_nodes, F) and mask (n, num_nodes); longer graphs keep their first
        num_nodes nodes (writers store nodes in decreasing importance)."""
        f = self.file()
        if "graph_nodes" not in f:
            raise DataError(f"{self.path}: no hit graphs (graph_nodes) for a graph model")
        offsets = f["graph_node_offsets"][start:stop + 1].astype(np.int64)
        nodes = f["graph_nodes"][offsets[0]:offsets[-1]].astype(np.float32, copy=False)
        n, feats = stop - start, nodes.shape[1]
        out = np.zeros((n, num_nodes, feats), dtype=np.float32)
        mask = np.zeros((n, num_nodes), dtype=np.float32)
        base = offsets[0]
        for i in range(n):
            a, b = offsets[i] - base, min(offsets[i + 1] - base, offsets[i] - base + num_nodes)
            out[i, :b - a] = nodes[a:b]
            mask[i, :b - a] = 1.0
        return out, mask

    def read_column(self, name, start, stop):
        key = self.kinematics.get(name, name)
        if key not in self.file():
            raise DataError(f"{self.path}: no dataset '{name}'")
        return self.file()[key][start:stop].astype(np.float32)
