"""Make the shipped models: events -> simulation -> crops/graphs -> balanced splits -> training -> models/.

  PYTHONPATH=python /usr/bin/python3 -m e2e_train.make_models --tagger egamma|qg|top|tau|mass|all

For each tagger (recipes.py says which processes, objects, channels and trainings) this runs
`e2e generate --simulate` per sample, `e2e frames`, mixes the samples into balanced, shuffled
train/val/test files, trains each of the recipe's models with `e2e_train.train` (ONNX export with the parity
check included), and copies `<name>.onnx` and `<name>.json` into --models. The card gains a `recipe`
section: the e2e commands, events and objects per sample, split sizes, per-stage seconds and this command.

Stages: `--stage data` stops after the mix (with `--pack DIR`, also writes float16 copies small enough to carry
to a GPU machine); `--stage train` trains on an existing <work>/<tagger>/data (no e2e binary needed there);
`--stage all` (default) does both; `--stage verify` re-runs the ONNX parity check (engine leg included) of
shipped models whose checkpoints sit in <work>/<tagger>/runs, e.g. after training on a GPU machine.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

from . import pack, pipeline
from .recipes import RECIPES

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.make_models", description=__doc__.split("\n")[0])
    p.add_argument("--tagger", nargs="+", required=True, choices=sorted(RECIPES) + ["all"])
    p.add_argument("--stage", default="all", choices=["all", "data", "train", "verify"],
                   help="verify: re-run the parity check of already shipped models (after a GPU run)")
    p.add_argument("--pack", help="after the data stage, also write float16-packed splits under PACK/<tagger>/data")
    p.add_argument("--scale", type=float, default=1.0, help="multiplies every sample's event count")
    p.add_argument("--epochs", type=int, help="override every training's epoch count")
    p.add_argument("--work", default=os.path.join(REPO, "out", "make_models"),
                   help="intermediate files (events, datasets, training runs)")
    p.add_argument("--models", default=os.path.join(REPO, "models"), help="where the ONNX files and cards go")
    p.add_argument("--plots", default=os.path.join(REPO, "docs", "validation", "img", "models"),
                   help="where each model's ROC / mass plot is copied ('' to skip)")
    p.add_argument("--e2e", help="e2e binary (default: $E2E_BIN, build/bin/e2e, build-models/bin/e2e)")
    p.add_argument("--threads", type=int, default=2, help="threads for e2e generate / frames")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--workers", type=int, default=0, help="DataLoader workers for training")
    p.add_argument("--batch", type=int, help="override every training's batch size")
    p.add_argument("--seed", type=int, default=0, help="training and mixing seed")
    p.add_argument("--reuse", action="store_true", help="keep generated/framed files whose command is unchanged")
    p.add_argument("--only", help="comma-separated model names to train (default: all of the recipe's)")
    return p.parse_args(argv)


def train_command(recipe, training, data_dir, run_dir, args):
    epochs = args.epochs or training.epochs
    cmd = [sys.executable, "-m", "e2e_train.train", "--task", recipe.tagger, "--arch", training.arch,
           "--data", os.path.join(data_dir, "train.h5"), "--val", os.path.join(data_dir, "val.h5"),
           "--test", os.path.join(data_dir, "test.h5"), "--out", run_dir, "--name", training.name,
           "--epochs", str(epochs), "--batch", str(args.batch or training.batch), "--lr", f"{training.lr:g}",
           "--milestones", training.milestones, "--patience", str(training.patience),
           "--seed", str(args.seed), "--device", args.device, "--workers", str(args.workers), "--no-progress"]
    cmd += training.extra + (training.cpu_extra if args.device == "cpu" else [])
    if args.e2e_bin:
        cmd += ["--e2e", args.e2e_bin]
    return cmd


def _run_training(cmd, log):
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    log("$ " + " ".join(cmd))
    t0 = time.monotonic()
    env["PYTHONUNBUFFERED"] = "1"
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        for line in proc.stdout:
            log("  | " + line.rstrip())
    if proc.returncode != 0:
        raise pipeline.PipelineError(f"training failed (exit {proc.returncode}): {cmd[cmd.index('--name') + 1]}")
    return time.monotonic() - t0


def ship(card_path, onnx_path, recipe_record, command, seconds, args, log):
    """Copies the ONNX file and the card (with the recipe section) into --models; returns the card."""
    with open(card_path) as f:
        card = json.load(f)
    card["recipe"] = dict(recipe_record, make_models_command=command, train_wall_seconds=round(seconds, 1))
    os.makedirs(args.models, exist_ok=True)
    name = card["name"]
    shutil.copyfile(onnx_path, os.path.join(args.models, f"{name}.onnx"))
    with open(os.path.join(args.models, f"{name}.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    if args.plots:
        os.makedirs(args.plots, exist_ok=True)
        run_dir = os.path.dirname(card_path)
        for key in ("roc", "mass", "loss"):
            if key in card.get("plots", {}):
                shutil.copyfile(os.path.join(run_dir, card["plots"][key]), os.path.join(args.plots, card["plots"][key]))
    log(f"shipped {args.models}/{name}.onnx ({os.path.getsize(onnx_path) / 1e6:.2f} MB) + {name}.json")
    return card


def summary_line(card):
    m = card["metrics"]
    if "auc" in m:
        return (f"{card['name']}: test AUC {m['auc']:.4f} +- {m['auc_error_hanley_mcneil']:.4f} "
                f"(n = {card['data']['test']['samples']})")
    return (f"{card['name']}: mass bias {m['bias']:.4f} GeV, resolution {m['resolution']:.4f} GeV "
            f"(n = {card['data']['test']['samples']})")


def verify(recipe, work, args, log):
    """Re-runs the export parity check of models trained elsewhere (e.g. on a GPU machine without the e2e
    binary) here: the checkpoint through PyTorch vs the shipped ONNX file through every leg, the e2e engine
    included, on the last 16 test rows. The card's `parity` section is replaced by this report."""
    from . import export
    from .checkpoint import load_model
    card = None
    for training in recipe.trainings:
        model = load_model(os.path.join(work, "runs", training.name, "best.pt"))
        onnx_path = os.path.join(args.models, f"{training.name}.onnx")
        inputs = export.heldout_inputs(model, os.path.join(work, "data", "test.h5"), 16)
        report = export.check_parity(model, onnx_path, inputs, args.e2e_bin)
        report["checked_by"] = "e2e_train.make_models --stage verify, " + " ".join(args.argv)
        log(f"{training.name}: parity {'passed' if report['passed'] else 'FAILED'}\n{export.format_parity(report)}")
        card_path = os.path.join(args.models, f"{training.name}.json")
        with open(card_path) as f:
            card = json.load(f)
        card["parity"] = report
        with open(card_path, "w") as f:
            json.dump(card, f, indent=2)
            f.write("\n")
        if not report["passed"]:
            raise pipeline.PipelineError(f"{training.name}: the shipped ONNX file fails the parity check")
    return card


def make(tagger, args, log=print):
    recipe = RECIPES[tagger]
    work = os.path.join(args.work, tagger)
    data_dir = os.path.join(work, "data")
    command = "PYTHONPATH=python /usr/bin/python3 -m e2e_train.make_models " + " ".join(args.argv)
    t0 = time.monotonic()
    if args.stage in ("all", "data"):
        record = pipeline.make_data(recipe, work, args.e2e_bin, args.scale, args.threads, args.reuse, args.seed, log)
        record["data_wall_seconds"] = round(time.monotonic() - t0, 1)
        with open(os.path.join(data_dir, "recipe.json"), "w") as f:
            json.dump(record, f, indent=2)
    if args.pack:
        packed = os.path.join(args.pack, tagger, "data")
        os.makedirs(packed, exist_ok=True)
        for split in ("train", "val", "test"):
            pack.pack(os.path.join(data_dir, f"{split}.h5"), os.path.join(packed, f"{split}.h5"))
        with open(os.path.join(data_dir, "recipe.json")) as f:
            record = json.load(f)
        record["packed"] = "train/val/test repacked by e2e_train.pack (float16 images and graph nodes) for transport"
        with open(os.path.join(packed, "recipe.json"), "w") as f:
            json.dump(record, f, indent=2)
        log(f"packed {data_dir} -> {packed}")
    if args.stage == "data":
        return []
    if args.stage == "verify":
        return [verify(recipe, work, args, log)]
    with open(os.path.join(data_dir, "recipe.json")) as f:
        record = json.load(f)
    only = set(args.only.split(",")) if args.only else None
    cards = []
    for training in recipe.trainings:
        if only and training.name not in only:
            continue
        run_dir = os.path.join(work, "runs", training.name)
        cmd = train_command(recipe, training, data_dir, run_dir, args)
        seconds = _run_training(cmd, log)
        cards.append(ship(os.path.join(run_dir, f"{training.name}.json"),
                          os.path.join(run_dir, f"{training.name}.onnx"), record, command, seconds, args, log))
        log(summary_line(cards[-1]))
    log(f"{tagger}: done in {time.monotonic() - t0:.0f} s")
    return cards


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    args.argv = argv
    taggers = sorted(RECIPES) if "all" in args.tagger else args.tagger
    try:
        try:
            args.e2e_bin = pipeline.find_e2e(args.e2e)
        except pipeline.PipelineError:
            # Training alone needs no binary; the export then reports the engine parity leg as skipped.
            if args.stage != "train":
                raise
            args.e2e_bin = None
        cards = []
        for t in taggers:
            cards += make(t, args)
    except pipeline.PipelineError as exc:
        print(f"e2e_train.make_models: error: {exc}", file=sys.stderr)
        return 1
    if len(cards) > 1:
        print("summary:\n" + "\n".join("  " + summary_line(c) for c in cards))
    return 0


if __name__ == "__main__":
    sys.exit(main())
