"""The training loop: epochs, validation, early stopping, checkpoints and resume.

Kept apart from train.py (the command line and final outputs) so tests can drive a few steps directly.
"""
import os
import time
from dataclasses import dataclass, field

import numpy as np
import torch
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader

from . import checkpoint, distributed
from .data import BatchStream
from .metrics import auc
from .progress import Progress


@dataclass
class TrainConfig:
    epochs: int = 30
    batch: int = 32
    lr: float = 5e-4
    milestones: tuple = (10, 20)
    gamma: float = 0.5
    patience: int = 5
    seed: int = 0
    workers: int = 0
    max_steps: int = 0          # per epoch, 0 = no limit (tests and quick looks)
    progress: bool = None       # None: on a terminal only


@dataclass
class State:
    epoch: int = 0              # next epoch to run
    best_val: float = float("inf")
    best_epoch: int = -1
    bad_epochs: int = 0
    history: list = field(default_factory=list)


def _loader(stream, workers, ctx):
    return DataLoader(stream, batch_size=None, num_workers=workers, pin_memory=ctx.device.type == "cuda",
                      persistent_workers=False)


def _to(batch, device):
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}


def evaluate(model, task, split, spec, batch, ctx, workers=0):
    """Loss and predictions over a whole split; each rank takes a share, results gathered on all ranks."""
    stream = BatchStream(split, spec, model.kind, batch, shuffle=False, rank=ctx.rank, world=ctx.world)
    loss_sum, count, preds, targets, extras = 0.0, 0, [], [], {}
    model.eval()
    with torch.no_grad():
        for b in _loader(stream, workers, ctx):
            b = _to(b, ctx.device)
            out = model(*model.inputs_from_batch(b))
            loss_sum += float(task.loss(out, b["y"], model)) * len(b["y"])
            count += len(b["y"])
            preds.append(task.predictions(out).cpu().numpy())
            targets.append(b["y"].cpu().numpy())
            for k in ("pt", "m"):
                if k in b:
                    extras.setdefault(k, []).append(b[k].cpu().numpy())
    loss_sum, count = distributed.sum_across(ctx, [loss_sum, float(count)])
    local = (np.concatenate(preds) if preds else np.zeros(0), np.concatenate(targets) if targets else np.zeros(0))
    parts = distributed.gather_objects(ctx, local)
    pred = np.concatenate([p[0] for p in parts])
    true = np.concatenate([p[1] for p in parts])
    return {"loss": loss_sum / max(count, 1.0), "pred": pred, "true": true}


def _summary_metric(task, result):
    if task.regression or len(np.unique(result["true"] > 0.5)) < 2:
        return {}
    return {"val_auc": auc(result["true"], result["pred"])}


class Trainer:
    def __init__(self, model, task, spec, train_split, val_split, cfg, ctx, out_dir):
        self.model, self.task, self.spec, self.cfg, self.ctx = model.to(ctx.device), task, spec, cfg, ctx
        self.train_split, self.val_split, self.out_dir = train_split, val_split, out_dir
        self.stream = BatchStream(train_split, spec, model.kind, cfg.batch, shuffle=True, seed=cfg.seed,
                                  rank=ctx.rank, world=ctx.world)
        self.ddp = DistributedDataParallel(self.model) if ctx.distributed else self.model
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=cfg.lr)
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, list(cfg.milestones), cfg.gamma)
        self.state = State()
        self.checkpoint_path = os.path.join(out_dir, "checkpoint.pt")
        self.best_path = os.path.join(out_dir, "best.pt")

    def payload(self, extra=None):
        p = {"model": self.model.describe(), "state_dict": self.model.state_dict(), "task": self.task.name,
             "data_spec": self.spec.to_dict()}
        p.update(extra or {})
        return p

    def save(self):
        if not self.ctx.main:
            return
        s = self.state
        checkpoint.save(self.checkpoint_path, self.payload({
            "optimizer": self.optimizer.state_dict(), "scheduler": self.scheduler.state_dict(),
            "state": {"epoch": s.epoch, "best_val": s.best_val, "best_epoch": s.best_epoch,
                      "bad_epochs": s.bad_epochs, "history": s.history},
            "train_config": {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self.cfg).items()}}))

    def resume(self, path=None):
        ckpt = checkpoint.load(path or self.checkpoint_path)
        if ckpt["model"]["arch"] != self.model.arch or ckpt["task"] != self.task.name:
            raise ValueError(f"checkpoint is {ckpt['task']}/{ckpt['model']['arch']}, "
                             f"not {self.task.name}/{self.model.arch}")
        self.model.load_state_dict(ckpt["state_dict"])
        self.optimizer.load_state_dict(ckpt["optimizer"])
        self.scheduler.load_state_dict(ckpt["scheduler"])
        self.state = State(**ckpt["state"])

    def train_epoch(self, epoch):
        self.stream.set_epoch(epoch)
        steps = self.stream.steps_per_epoch(self.cfg.workers)
        if self.cfg.max_steps:
            steps = min(steps, self.cfg.max_steps)
        if steps == 0:
            raise ValueError(f"batch {self.cfg.batch} is larger than the training split of every rank")
        self.model.train()
        total, seen = 0.0, 0
        enabled = self.cfg.progress if self.ctx.main else False
        with Progress(steps, f"epoch {epoch + 1}/{self.cfg.epochs}", enabled=enabled) as bar:
            for _, batch in zip(range(steps), _loader(self.stream, self.cfg.workers, self.ctx)):
                batch = _to(batch, self.ctx.device)
                out = self.ddp(*self.model.inputs_from_batch(batch))
                loss = self.task.loss(out, batch["y"], self.model)
                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                self.optimizer.step()
                total += float(loss.detach()) * len(batch["y"])
                seen += len(batch["y"])
                bar.update(loss=total / seen)
        total, seen = distributed.sum_across(self.ctx, [total, float(seen)])
        return total / seen, steps

    def fit(self, log=print):
        """Runs the remaining epochs; returns the State. Stops early after `patience` epochs without a new
        best validation loss."""
        cfg, s = self.cfg, self.state
        while s.epoch < cfg.epochs and s.bad_epochs < cfg.patience:
            t0 = time.monotonic()
            train_loss, steps = self.train_epoch(s.epoch)
            lr = self.optimizer.param_groups[0]["lr"]
            self.scheduler.step()
            val = evaluate(self.model, self.task, self.val_split, self.spec, cfg.batch, self.ctx, cfg.workers)
            record = {"epoch": s.epoch + 1, "train_loss": train_loss, "val_loss": val["loss"], "lr": lr,
                      "steps": steps, "seconds": time.monotonic() - t0}
            record.update(_summary_metric(self.task, val))
            s.history.append(record)
            if not np.isfinite(train_loss):
                raise FloatingPointError(f"training loss is {train_loss} at epoch {s.epoch + 1}")
            if val["loss"] < s.best_val:
                s.best_val, s.best_epoch, s.bad_epochs = val["loss"], s.epoch + 1, 0
                if self.ctx.main:
                    checkpoint.save(self.best_path, self.payload({"epoch": s.epoch + 1}))
            else:
                s.bad_epochs += 1
            s.epoch += 1
            self.save()
            distributed.barrier(self.ctx)
            if self.ctx.main:
                extra = f" val_auc {record['val_auc']:.4f}" if "val_auc" in record else ""
                log(f"epoch {s.epoch}: train_loss {train_loss:.4f} val_loss {val['loss']:.4f}{extra} "
                    f"lr {lr:.2e} ({record['seconds']:.1f} s)")
        return s

    def ranks_in_sync(self):
        """True when every rank holds the same weights (DDP's contract; cheap: one checksum per rank)."""
        with torch.no_grad():
            checksum = sum(float(p.double().sum()) for p in self.model.parameters())
        sums = distributed.gather_objects(self.ctx, checksum)
        return all(abs(v - sums[0]) <= 1e-9 * max(1.0, abs(sums[0])) for v in sums)
