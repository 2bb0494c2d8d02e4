"""The seed's tau layer study: tau vs QCD AUC for three input sets, each with a CNN and a graph network.

  PYTHONPATH=python /usr/bin/python3 -m e2e_train.layer_study [--scale 1] [--reuse]

Input sets (SPEC.md section 5, seed proposal Table 1): tracks (track pT, d0, dz); + ECAL + HCAL;
+ BPIX 1-4 + TIB 1-2 + TOB 1-2. The tau recipe's events (H -> tau tau vs QCD dijets) are simulated once;
`e2e frames` then makes crops and hit graphs per input set (graph nodes follow the channels: tracks, then
ECAL crystals and HCAL towers, then tracker hits). Every set is mixed with the same seed and the same row
counts, so all six models are tested on the very same jets. Each set trains ResNet-15 on its channels and
EdgeConv on its hit graphs. Writes a markdown table (AUC +- Hanley-McNeil error, and paired-bootstrap
differences to the tracks-only set) and a PNG plot.
"""
import argparse
import copy
import json
import os
import subprocess
import sys
import time

import numpy as np

from . import pipeline
from .recipes import CPU_EDGECONV, JET13, RECIPES, Training, node_scales_option

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = [("tracks", "track pT + d0 + dz", JET13[:3]),
        ("calo", "+ ECAL + HCAL", JET13[:5]),
        ("tracker", "+ BPIX1-4 + TIB/TOB1-2", JET13)]
# Seed proposal Table 1 (CMS full simulation), CNN / GNN.
SEED_AUCS = {"tracks": (0.776, 0.864), "calo": (0.798, 0.870), "tracker": (0.864, 0.887)}


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m e2e_train.layer_study", description=__doc__.split("\n")[0])
    p.add_argument("--scale", type=float, default=1.0, help="multiplies the study's event counts")
    p.add_argument("--events", type=int, default=1500, help="H -> tau tau events at scale 1 (QCD: x1.25, the tau "
                   "recipe's ratio, for about as many QCD jets)")
    p.add_argument("--size", type=int, default=63, help="crop size in crystals (the study's reduced scale)")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--num-nodes", type=int, default=96)
    # Debian's torch runs Linear layers on a generic BLAS (~0.5 GFLOP/s here): the reference EdgeConv
    # (k 16, 64-64-128) trains at ~1 graph/s on this machine, this one at ~18.
    p.add_argument("--gnn-args", default=CPU_EDGECONV[-1], help="EdgeConv architecture (JSON, as train --model-args)")
    p.add_argument("--fractions", default="0.6,0.1,0.3", help="train,val,test shares (a large test share keeps "
                   "the AUC errors small enough to order the sets)")
    p.add_argument("--work", default=os.path.join(REPO, "out", "layer_study"))
    p.add_argument("--table", default=os.path.join(REPO, "docs", "validation", "layer_study.md"))
    p.add_argument("--plot", default=os.path.join(REPO, "docs", "validation", "img", "layer_study.png"))
    p.add_argument("--e2e")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--reuse", action="store_true")
    return p.parse_args(argv)


def set_recipe(key, channels, args):
    r = copy.deepcopy(RECIPES["tau"])
    r.channels, r.size, r.max_nodes = list(channels), args.size, max(args.num_nodes, 128)
    r.fractions = tuple(float(v) for v in args.fractions.split(","))
    base = r.samples[0].events
    for s in r.samples:
        s.events = int(round(args.events * s.events / base))
    r.trainings = [Training(f"tau_{key}_resnet15", "resnet15", epochs=args.epochs, lr=5e-4),
                   Training(f"tau_{key}_edgeconv", "edgeconv", epochs=args.epochs, lr=1e-3,
                            extra=["--num-nodes", str(args.num_nodes), "--model-args", args.gnn_args]
                            + node_scales_option())]
    return r


def train(recipe, training, data_dir, run_dir, args, log):
    cmd = [sys.executable, "-m", "e2e_train.train", "--task", "tau", "--arch", training.arch,
           "--data", os.path.join(data_dir, "train.h5"), "--val", os.path.join(data_dir, "val.h5"),
           "--test", os.path.join(data_dir, "test.h5"), "--out", run_dir, "--name", training.name,
           "--epochs", str(training.epochs), "--lr", f"{training.lr:g}", "--milestones", "",
           "--patience", str(training.patience), "--seed", str(args.seed), "--no-progress"] + training.extra
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"))
    log("$ " + " ".join(cmd))
    t0 = time.monotonic()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout.splitlines():
        log("  | " + line)
    if proc.returncode != 0:
        raise pipeline.PipelineError(f"training {training.name} failed (exit {proc.returncode})")
    with open(os.path.join(run_dir, f"{training.name}.json")) as f:
        card = json.load(f)
    return card, test_predictions(run_dir, data_dir), time.monotonic() - t0


def test_predictions(run_dir, data_dir):
    """Scores of the best checkpoint on the test split, in file order, with labels and pT."""
    from . import distributed
    from .checkpoint import load_model
    from .data import DataSpec, make_splits
    from .tasks import TASKS
    from .trainer import evaluate
    model = load_model(os.path.join(run_dir, "best.pt"))
    spec = DataSpec.from_dict(model.data_spec)
    spec.resolved = {}
    test = os.path.join(data_dir, "test.h5")
    _, _, split = make_splits([test], [test], [test])
    result = evaluate(model, TASKS["tau"], split, spec, 128, distributed.Context())
    return result["pred"], result["true"]


def paired_bootstrap(true, a, b, rounds=200, seed=0):
    """Mean and standard deviation of AUC(b) - AUC(a) over common resamplings of the test jets."""
    from .metrics import auc
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(rounds):
        i = rng.integers(0, len(true), len(true))
        if 0 < true[i].sum() < len(i):
            diffs.append(auc(true[i], b[i]) - auc(true[i], a[i]))
    return float(np.mean(diffs)), float(np.std(diffs))


def write_table(path, results, args, meta):
    lines = ["# Tau vs QCD: AUC by input layers (seed layer study, reduced scale)", "",
             "Made by `" + meta["command"] + "`.", "",
             f"Samples: {meta['events']} events (gg -> H -> tau tau with truth-matched hadronic taus; QCD "
             f"dijets with pT-hat 20-120 GeV, quark/gluon-matched jets); AK8 jets with pT > 20 GeV, |eta| < 2.4, at most two per event; "
             f"{args.size} x {args.size} crops; hit graphs with at most {args.num_nodes} nodes (highest energy first, so "
             f"tracker hits, which carry no energy, come last); EdgeConv {args.gnn_args}; "
             f"balanced classes; train/val/test = {meta['splits']['train']}/{meta['splits']['val']}/"
             f"{meta['splits']['test']} jets, the same jets for all six models. Training: {args.epochs} epochs max "
             f"(early stopping on the validation loss, patience 4), Adam, batch 32, seed {args.seed}, CPU.", "",
             "| input set | CNN (ResNet-15) AUC | GNN (EdgeConv) AUC | CNN - tracks | GNN - tracks | seed CNN / GNN |",
             "|---|---|---|---|---|---|"]
    for key, label, _ in SETS:
        r = results[key]
        cells = [label]
        for arch in ("resnet15", "edgeconv"):
            cells.append(f"{r[arch]['auc']:.3f} +- {r[arch]['err']:.3f}")
        for arch in ("resnet15", "edgeconv"):
            d = r[arch].get("diff")
            cells.append("-" if d is None else f"{d[0]:+.3f} +- {d[1]:.3f}")
        cells.append("{:.3f} / {:.3f}".format(*SEED_AUCS[key]))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "AUC errors: Hanley-McNeil. Differences: paired bootstrap over the common test jets (200 "
              "resamplings), mean +- standard deviation. Seed numbers are CMS full simulation at full scale, a "
              "sanity range, not a target.", "",
              f"![AUC by input set](img/{os.path.basename(args.plot)})", "",
              f"Times (2 shared CPU cores): data {meta['data_seconds']:.0f} s, training "
              f"{meta['train_seconds']:.0f} s.", ""]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def plot(path, results):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    x = np.arange(len(SETS))
    for arch, label, off, marker in (("resnet15", "CNN (ResNet-15)", -0.06, "o"), ("edgeconv", "GNN (EdgeConv)", 0.06, "s")):
        y = [results[k][arch]["auc"] for k, _, _ in SETS]
        e = [results[k][arch]["err"] for k, _, _ in SETS]
        ax.errorbar(x + off, y, yerr=e, marker=marker, capsize=4, label=f"{label}, e2e simulation")
    for i, (arch, label) in enumerate((("cnn", "CNN"), ("gnn", "GNN"))):
        ax.plot(x, [SEED_AUCS[k][i] for k, _, _ in SETS], ls=":", marker="x", color="grey" if i else "black",
                label=f"seed {label} (CMS full sim)")
    ax.set_xticks(x, [lab for _, lab, _ in SETS])
    ax.set_ylabel("tau vs QCD test AUC")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(args, log=print):
    e2e = pipeline.find_e2e(args.e2e)
    results, t_data, t_train, preds, meta = {}, 0.0, 0.0, {}, {}
    events_dir = os.path.join(args.work, "events")
    for key, _, channels in SETS:
        recipe = set_recipe(key, channels, args)
        work = os.path.join(args.work, key)
        t0 = time.monotonic()
        record = pipeline.make_data(recipe, work, e2e, args.scale, args.threads, args.reuse, args.seed, log,
                                    events_dir=events_dir)
        t_data += time.monotonic() - t0
        meta.update(events=" and ".join(f"{x['events']} `{x['process']}`" for x in record["samples"]),
                    objects=record["objects_per_sample"], splits=record["splits"])
        results[key] = {}
        for training in recipe.trainings:
            card, (pred, true), sec = train(recipe, training, os.path.join(work, "data"),
                                            os.path.join(work, "runs", training.name), args, log)
            t_train += sec
            m = card["metrics"]
            results[key][training.arch] = {"auc": m["auc"], "err": m["auc_error_hanley_mcneil"],
                                           "boot": m["auc_error_bootstrap"], "card": card["name"]}
            preds[(key, training.arch)] = (pred, true)
            log(f"{training.name}: AUC {m['auc']:.4f} +- {m['auc_error_hanley_mcneil']:.4f}")
    for arch in ("resnet15", "edgeconv"):
        base_pred, base_true = preds[("tracks", arch)]
        for key, _, _ in SETS[1:]:
            pred, true = preds[(key, arch)]
            if not np.array_equal(true, base_true):
                raise pipeline.PipelineError(f"the {key} test split differs from the tracks one: not the same jets")
            results[key][arch]["diff"] = paired_bootstrap(true, base_pred, pred)
    meta.update(command="PYTHONPATH=python /usr/bin/python3 -m e2e_train.layer_study " + " ".join(args.argv),
                data_seconds=t_data, train_seconds=t_train)
    write_table(args.table, results, args, meta)
    plot(args.plot, results)
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump({"results": results, "meta": meta}, f, indent=2)
    log(f"wrote {args.table} and {args.plot}")
    return results


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    args.argv = argv
    try:
        run(args)
    except pipeline.PipelineError as exc:
        print(f"e2e_train.layer_study: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
