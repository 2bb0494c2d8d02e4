"""Train a tagger and ship it: ONNX (dynamic batch) + model card + plots.

  python3 -m e2e_train.train --task top --arch resnet15 --data train.h5 [--val val.h5] [--test test.h5] --out DIR
Distributed: python3 -m torch.distributed.run --nproc_per_node 2 -m e2e_train.train ... (gloo on CPU,
nccl with --device cuda). Reference schedule: Adam, lr 5e-4 halved at epochs 10 and 20, batch 32.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

from . import checkpoint, distributed, modelcard
from .data import DataSpec, make_splits
from .layouts import LAYOUTS, DataError
from .models import ARCHS, build_model
from .tasks import TASKS
from .trainer import Trainer, TrainConfig, evaluate


def _floats(text):
    return [float(v) for v in text.split(",")] if text else None


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.train", description=__doc__.split("\n")[0])
    p.add_argument("--task", required=True, choices=sorted(TASKS))
    p.add_argument("--arch", required=True, choices=sorted(ARCHS))
    p.add_argument("--data", required=True, nargs="+", help="training HDF5 file(s), e.g. one per class")
    p.add_argument("--val", nargs="+", help="validation file(s) (default: hold out --val-fraction of --data)")
    p.add_argument("--test", nargs="+", help="test file(s) for the final metrics (default: the validation split)")
    p.add_argument("--out", required=True, help="output directory (checkpoints, ONNX, card, plots)")
    p.add_argument("--name", help="model name (default: <task>_<arch>)")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--milestones", default="10,20", help="epochs at which the learning rate is multiplied by --gamma")
    p.add_argument("--gamma", type=float, default=0.5)
    p.add_argument("--patience", type=int, default=5, help="early stopping: epochs without a better val loss")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--max-samples", type=int, help="use at most N training samples")
    p.add_argument("--max-steps", type=int, default=0, help="cap on batches per epoch (0: all)")
    p.add_argument("--val-fraction", type=float, default=0.1)
    p.add_argument("--workers", type=int, default=0, help="DataLoader worker processes per rank")
    p.add_argument("--layout", default="auto", choices=LAYOUTS)
    p.add_argument("--channels", help="comma-separated channel names to use, in order (default: all)")
    p.add_argument("--scales", help="extra factor per used channel, comma-separated, on top of the file's "
                   "own (already applied) scales; default 1")
    p.add_argument("--zero-suppression", default="0", help="one threshold, or one per channel (file units)")
    p.add_argument("--num-nodes", type=int, default=256, help="graph models: nodes per graph after padding")
    p.add_argument("--node-scales", help="graph models: one factor per node feature, comma-separated (default 1); "
                   "recorded in the card, the C++ graph taggers apply them")
    p.add_argument("--target", default="y", help="dataset holding the label or regression target")
    p.add_argument("--model-args", default="{}", help="JSON dict of architecture arguments, e.g. '{\"depth\": 4}'")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--e2e", help="e2e binary for the engine parity leg (default: $E2E_BIN)")
    p.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    p.add_argument("--no-progress", action="store_true")
    return p.parse_args(argv)


def build_spec(args):
    zs = _floats(args.zero_suppression)
    return DataSpec(layout=args.layout, channels=args.channels.split(",") if args.channels else None,
                    scales=_floats(args.scales),
                    zero_suppression=zs[0] if len(zs) == 1 else zs, num_nodes=args.num_nodes,
                    node_scales=_floats(args.node_scales), target=args.target)


def _targets(split, spec):
    return np.concatenate([src.read_column(spec.target, a, b) for src, a, b in split.ranges])


def build_for_data(arch, task, spec, split, model_args):
    """The model sized for the data: channels and image size, or graph node/feature counts."""
    src = split.ranges[0][0]
    kwargs = dict(model_args)
    kind = ARCHS[arch].kind
    if kind == "image":
        if src.image_shape is None:
            raise DataError(f"{src.path}: no images for the image model '{arch}'")
        for s, _, _ in split.ranges:
            spec.resolve(s)
        _, h, w = src.image_shape
        kwargs.update(in_channels=len(spec.resolved["channels"]), height=h, width=w)
    else:
        if not src.has("graph_nodes"):
            raise DataError(f"{src.path}: no hit graphs (graph_nodes) for the graph model '{arch}'")
        spec.resolved = spec.resolved or {"channels": [], "channel_index": [], "scales": [],
                                          "zero_suppression": [], "graph_features": src.graph_features}
        features = int(src.file()["graph_nodes"].shape[1])
        if spec.node_scales and len(spec.node_scales) != features:
            raise DataError(f"--node-scales has {len(spec.node_scales)} values for the {features} node features "
                            f"{src.graph_features} of {src.path}")
        kwargs.update(num_nodes=spec.num_nodes, num_features=features)
    if task.regression and arch == "resnet15":
        y = _targets(split, spec)
        kwargs.update(regression=True, target_offset=float(y.mean()), target_scale=float(y.std() or 1.0))
    return build_model(arch, **kwargs)


def run(args, log=print):
    ctx = distributed.setup(args.device)
    try:
        return _run(args, ctx, log if ctx.main else (lambda *_: None))
    finally:
        distributed.cleanup(ctx)


def _run(args, ctx, log):
    task = TASKS[args.task]
    if task.regression and args.arch != "resnet15":
        raise ValueError(f"mass regression is implemented for resnet15 (the E2E reference), not {args.arch}")
    name = args.name or f"{args.task}_{args.arch}"
    os.makedirs(args.out, exist_ok=True)
    spec = build_spec(args)
    train, val, test = make_splits(args.data, args.val, args.test, args.layout, args.val_fraction, args.max_samples)
    for split in (val, test):
        for src, _, _ in (split.ranges if split else []):
            if ARCHS[args.arch].kind == "image":
                spec.resolve(src)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    model = build_for_data(args.arch, task, spec, train, json.loads(args.model_args))
    cfg = TrainConfig(epochs=args.epochs, batch=args.batch, lr=args.lr, milestones=tuple(int(m) for m in
                      args.milestones.split(",") if m), gamma=args.gamma, patience=args.patience, seed=args.seed,
                      workers=args.workers, max_steps=args.max_steps,
                      progress=False if args.no_progress else None)
    trainer = Trainer(model, task, spec, train, val, cfg, ctx, args.out)
    if args.resume:
        trainer.resume()
        log(f"resumed at epoch {trainer.state.epoch} from {trainer.checkpoint_path}")
    log(f"{name}: {args.arch} on {train.size} training / {val.size} validation samples, "
        f"{sum(p.numel() for p in model.parameters())} parameters, {ctx.world} process(es) on {ctx.device}")
    t0 = time.monotonic()
    state = trainer.fit(log)
    seconds = time.monotonic() - t0
    in_sync = trainer.ranks_in_sync()
    card = None
    if ctx.main:
        best = checkpoint.load(trainer.best_path)
        model.load_state_dict(best["state_dict"])
        one = distributed.Context(device=ctx.device)
        result = evaluate(model, task, test or val, spec, args.batch, one, args.workers)
        info = {"seed": args.seed, "epochs_requested": args.epochs, "epochs_run": state.epoch,
                "best_epoch": state.best_epoch, "early_stopped": state.epoch < args.epochs,
                "batch": args.batch, "world_size": ctx.world, "ranks_in_sync": in_sync, "lr": args.lr,
                "optimizer": "Adam",
                "schedule": {"milestones": list(cfg.milestones), "gamma": cfg.gamma}, "patience": args.patience,
                "device": str(ctx.device) + (f" ({torch.cuda.get_device_name(ctx.device)})"
                                             if ctx.device.type == "cuda" else ""),
                "train_seconds": seconds, "history": state.history, "command": " ".join(sys.argv)}
        card = modelcard.finish(name, args.out, model, task, spec, {"train": train, "val": val, "test": test},
                                result, info, args.e2e, args.opset, log)
    distributed.barrier(ctx)
    return card


def main(argv=None):
    args = parse_args(argv)
    try:
        card = run(args)
    except (DataError, FileNotFoundError, ValueError, KeyError) as exc:
        print(f"e2e_train.train: error: {exc}", file=sys.stderr)
        return 1
    if card is not None and not card["parity"]["passed"]:
        print("e2e_train.train: error: ONNX parity check failed (see the card's parity section)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
