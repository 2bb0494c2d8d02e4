"""Runs a recipe's data stage: e2e generate --simulate, e2e frames, then the balanced train/val/test mix.

Every external command is logged with its wall time; the data directory gets `recipe.json` with the
commands, sample sizes and times, which make_models copies into each model card (section `recipe`).
With `reuse`, a step whose output exists and whose recorded command is unchanged is skipped, so an
interrupted run resumes and a training-only rerun costs nothing here.
"""
import json
import os
import shutil
import subprocess
import time

import h5py

from . import mixdata


class PipelineError(RuntimeError):
    """A step failed; the message names the step and carries the end of its stderr."""


def find_e2e(explicit=None):
    """The e2e binary: --e2e, $E2E_BIN, then the usual build directories."""
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            raise PipelineError(f"--e2e {explicit}: no such executable")
        return os.path.abspath(explicit)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    candidates = [os.environ.get("E2E_BIN")] + [os.path.join(root, d, "bin", "e2e")
                                                          for d in ("build", "build-models")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    raise PipelineError("no e2e binary: build it (ninja -C build e2e) or pass --e2e / set E2E_BIN")


def source_commit():
    """The repository commit the e2e binary was presumably built from ("+dirty" with local changes)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (head or "unknown") + ("+dirty" if dirty else "")


def run_step(cmd, what, log):
    """Runs cmd; returns its wall time in seconds. Raises PipelineError with stderr's tail on failure."""
    log("$ " + " ".join(cmd))
    t0 = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - t0
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise PipelineError(f"{what} failed (exit {proc.returncode}): " + " | ".join(tail))
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    log(f"  {what}: {seconds:.1f} s  {last}")
    return seconds


def _stamp(path):
    return path + ".cmd"


def _up_to_date(path, cmd):
    if not (os.path.isfile(path) and os.path.isfile(_stamp(path))):
        return False
    with open(_stamp(path)) as f:
        return f.read() == " ".join(cmd)


def _run_cached(cmd, out, what, reuse, log):
    if reuse and _up_to_date(out, cmd):
        log(f"  {what}: reusing {out}")
        return 0.0
    for p in (out, _stamp(out)):
        if os.path.exists(p):
            os.remove(p)
    seconds = run_step(cmd, what, log)
    with open(_stamp(out), "w") as f:
        f.write(" ".join(cmd))
    return seconds


def generate_cmd(e2e, sample, events, path, threads):
    cmd = [e2e, "--seed", str(sample.seed), "--threads", str(threads), "--quiet", "generate", "--process",
           sample.process, "--events", str(events), "--out", path, "--force"]
    for k, v in sample.generate.items():
        cmd += [f"--{k}", f"{v:g}" if isinstance(v, float) else str(v)]
    return cmd


def simulate_cmd(e2e, sample, gen_path, path, threads):
    # The simulation's random streams derive from (seed, event index), like the generator's.
    return [e2e, "--seed", str(sample.seed), "--threads", str(threads), "--quiet", "simulate", "--in", gen_path,
            "--out", path, "--force"]


def frames_cmd(e2e, recipe, sample, events_path, path, threads):
    cmd = [e2e, "--threads", str(threads), "--quiet", "frames", "--in", events_path, "--out", path, "--force"]
    cmd += recipe.frames_options()
    if sample.require_truth:
        cmd += ["--require-truth", sample.require_truth]
    return cmd


def _rows(path):
    with h5py.File(path, "r") as f:
        return mixdata._rows(f)


def make_data(recipe, work, e2e, scale=1.0, threads=2, reuse=False, seed=0, log=print, events_dir=None):
    """Generates, simulates and frames every sample, then mixes; returns the recipe record (also in
    <work>/data/recipe.json). Event files go to `events_dir` (default `work`), so recipes that differ only
    in their frames (the layer study's input sets) share one simulation."""
    events_dir = events_dir or work
    os.makedirs(work, exist_ok=True)
    os.makedirs(events_dir, exist_ok=True)
    record = {"tagger": recipe.tagger, "note": recipe.note, "scale": scale, "e2e": e2e,
              "source_commit": source_commit(), "samples": [],
              "frames_options": recipe.frames_options()}
    framed = []
    for s in recipe.samples:
        events = max(1, int(round(s.events * scale)))
        gen_path = os.path.join(events_dir, f"{s.key}.gen.h5")
        ev_path = os.path.join(events_dir, f"{s.key}.sim.h5")
        fr_path = os.path.join(work, f"{s.key}.frames.h5")
        gcmd = generate_cmd(e2e, s, events, gen_path, threads)
        gsec = _run_cached(gcmd, gen_path, f"generate {s.key} ({events} {s.process} events)", reuse, log)
        scmd = simulate_cmd(e2e, s, gen_path, ev_path, threads)
        ssec = _run_cached(scmd, ev_path, f"simulate {s.key}", reuse and gsec == 0, log)
        fcmd = frames_cmd(e2e, recipe, s, ev_path, fr_path, threads)
        fsec = _run_cached(fcmd, fr_path, f"frames {s.key}", reuse and ssec == 0, log)
        objects = _rows(fr_path)
        log(f"  {s.key}: {objects} objects from {events} events")
        record["samples"].append({"key": s.key, "process": s.process, "events": events, "seed": s.seed,
                                  "require_truth": s.require_truth, "objects": objects,
                                  "generate_command": " ".join(gcmd), "simulate_command": " ".join(scmd),
                                  "frames_command": " ".join(fcmd), "generate_seconds": round(gsec, 1),
                                  "simulate_seconds": round(ssec, 1), "frames_seconds": round(fsec, 1)})
        framed.append(fr_path)
    data_dir = os.path.join(work, "data")
    if os.path.isdir(data_dir):
        shutil.rmtree(data_dir)
    t0 = time.monotonic()
    counts, used = mixdata.mix(framed, data_dir, recipe.fractions, recipe.balance, seed, log)
    record.update(splits=counts, objects_per_sample={os.path.basename(k): v for k, v in used.items()},
                  balanced=recipe.balance, fractions=list(recipe.fractions), mix_seed=seed,
                  mix_seconds=round(time.monotonic() - t0, 1))
    with open(os.path.join(data_dir, "recipe.json"), "w") as f:
        json.dump(record, f, indent=2)
    return record
