"""Repack e2e datasets small for transport: images and graph nodes as float16, gzip 9 with byte shuffle.

Crops are mostly zeros, so this shrinks a 8 x 125 x 125 jet from 500 kB to a few kB; a GPU machine reached
through a 64 MiB copy can then train on thousands of jets. The readers (layouts.Source) return float32 again;
float16 keeps ~3 significant digits, well below the detector resolution the values carry.

  python3 -m e2e_train.pack --inputs DIR/train.h5 DIR/val.h5 DIR/test.h5 --out PACKED_DIR
"""
import argparse
import os
import sys

import h5py
import numpy as np

HALF = ("X", "graph_nodes")
BLOCK = 256


def pack(src_path, dst_path):
    with h5py.File(src_path, "r") as src, h5py.File(dst_path + ".tmp", "w") as dst:
        for k, v in src.attrs.items():
            dst.attrs[k] = v
        for name, ds in src.items():
            dtype = np.float16 if name in HALF else ds.dtype
            chunks = (1,) + ds.shape[1:] if name == "X" else True
            out = dst.create_dataset(name, ds.shape, dtype, chunks=chunks if ds.size else None,
                                     compression="gzip" if ds.size else None,
                                     compression_opts=9 if ds.size else None, shuffle=bool(ds.size))
            for k, v in ds.attrs.items():
                out.attrs[k] = v
            for a in range(0, ds.shape[0], BLOCK):
                out[a:a + BLOCK] = ds[a:a + BLOCK].astype(dtype, copy=False)
    os.replace(dst_path + ".tmp", dst_path)
    return os.path.getsize(dst_path)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.pack", description=__doc__.split("\n")[0])
    p.add_argument("--inputs", nargs="+", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for path in args.inputs:
        try:
            size = pack(path, os.path.join(args.out, os.path.basename(path)))
        except OSError as exc:
            print(f"e2e_train.pack: error: {path}: {exc}", file=sys.stderr)
            return 1
        print(f"{path} -> {os.path.join(args.out, os.path.basename(path))} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
