#!/usr/bin/python3
"""Draws the plots of docs/validation/generation.md from the tables gen_validation writes.

    build/bin/gen_validation /tmp/genval && /usr/bin/python3 docs/validation/make_generation_plots.py /tmp/genval
"""
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

IMG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "img")


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def column(table, key, cast=float, where=None):
    return [cast(r[key]) for r in table if where is None or where(r)]


def mean(v):
    return sum(v) / len(v)


def save(fig, name):
    fig.tight_layout()
    fig.savefig(os.path.join(IMG, name), dpi=110)
    plt.close(fig)
    print("wrote", os.path.join("docs/validation/img", name))


def tau_modes(d):
    t = rows(os.path.join(d, "tau_modes.csv"))
    names = [r["name"] for r in t]
    x = range(len(t))
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.bar([i - 0.2 for i in x], [float(r["table"]) for r in t], 0.4, label="table (PDG)")
    ax.bar([i + 0.2 for i in x], [float(r["measured"]) for r in t], 0.4,
           yerr=[float(r["sigma"]) for r in t], capsize=3, label="generated, from the decay products")
    ax.set_xticks(list(x))
    ax.set_xticklabels(names, rotation=30, ha="right")
    ax.set_ylabel("fraction of taus")
    ax.set_title(f"Tau decay modes ({t[0]['taus']} taus from H -> tau tau)")
    ax.legend()
    save(fig, "gen_tau_modes.png")


def lifetimes(d):
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    for ax, name, ctau, label in ((axes[0], "tau_flight.csv", 87.03e-4, "tau"), (axes[1], "b_flight.csv", 0.0455, "b hadrons")):
        v = column(rows(os.path.join(d, name)), "proper_length_cm")
        top = 6 * ctau
        n, edges, _ = ax.hist([x * 1e4 for x in v if x < top], bins=40, histtype="step", label=f"generated (mean {mean(v) * 1e4:.0f} um)")
        w = edges[1] - edges[0]
        xs = [edges[0] + i * (edges[-1] - edges[0]) / 200 for i in range(201)]
        ax.plot(xs, [len(v) * w / (ctau * 1e4) * math.exp(-x / (ctau * 1e4)) for x in xs], label=f"exp(-x / {ctau * 1e4:.0f} um)")
        ax.set_yscale("log")
        ax.set_xlabel("proper decay length [um]")
        ax.set_title(label)
        ax.legend(fontsize=8)
    save(fig, "gen_lifetimes.png")


def masses(d):
    t = rows(os.path.join(d, "masses.csv"))
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    for ax, obj, lo, hi, nominal, what in ((axes[0], "W", 60, 100, 80.4, "final-state descendants"),
                                           (axes[1], "top", 140, 200, 172.5, "final state within dR < 1.2")):
        sel = lambda r: r["object"] == obj  # noqa: E731
        bins = [lo + i * (hi - lo) / 80 for i in range(81)]
        truth = column(t, "truth", where=sel)
        ax.hist(truth, bins=bins, histtype="step", label="resonance (truth)")
        ax.hist(column(t, "showered", where=sel), bins=bins, histtype="step", ls="--", label="after the shower")
        for key, label in (("final", what), ("visible", "... without neutrinos")):
            v = sorted(column(t, key, where=sel))
            ax.hist(v, bins=bins, histtype="step", label=f"{label}, median {v[len(v) // 2]:.1f}")
        ax.axvline(nominal, color="grey", ls=":")
        ax.set_xlabel(f"{obj} mass [GeV]")
        ax.set_title(f"{obj} ({len(truth)} in boosted hadronic ttbar)")
        ax.legend(fontsize=7)
    save(fig, "gen_masses.png")


def jets(d):
    t = rows(os.path.join(d, "jets.csv"))
    # Jets at ~400 GeV: selected by the (re-centred R = 0.4 cone) jet pT, as a measurement would.
    window = lambda r: 250 < float(r["pt"]) < 500  # noqa: E731
    q = lambda r: r["flavour"] == "quark" and window(r)  # noqa: E731
    g = lambda r: r["flavour"] == "gluon" and window(r)  # noqa: E731
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.4))
    nq, ng = column(t, "charged", where=q), column(t, "charged", where=g)
    bins = list(range(0, 45))
    axes[0].hist(nq, bins=bins, histtype="step", density=True, label=f"quark jets, mean {mean(nq):.1f}")
    axes[0].hist(ng, bins=bins, histtype="step", density=True, label=f"gluon jets, mean {mean(ng):.1f}")
    axes[0].set_xlabel("charged particles in R < 0.4")
    axes[0].set_title(f"250 < jet pT < 500 GeV: g / q = {mean(ng) / mean(nq):.2f}")
    wq, wg = column(t, "width", where=q), column(t, "width", where=g)
    bins = [i * 0.4 / 50 for i in range(51)]
    axes[1].hist(wq, bins=bins, histtype="step", density=True, label=f"quark, mean {mean(wq):.3f}")
    axes[1].hist(wg, bins=bins, histtype="step", density=True, label=f"gluon, mean {mean(wg):.3f}")
    axes[1].set_xlabel("width  sum(pT dR) / sum(pT)")
    axes[1].set_title("jet width (girth)")
    fq, fg = column(t, "photon_fraction", where=q), column(t, "photon_fraction", where=g)
    bins = [i / 50 for i in range(51)]
    axes[2].hist(fq, bins=bins, histtype="step", density=True, label=f"quark, mean {mean(fq):.2f}")
    axes[2].hist(fg, bins=bins, histtype="step", density=True, label=f"gluon, mean {mean(fg):.2f}")
    axes[2].set_xlabel("photon energy fraction")
    axes[2].set_title("photons (pi0, eta) in the jet")
    for ax in axes:
        ax.legend(fontsize=8)
    save(fig, "gen_jets.png")


def merged_photons(d):
    t = rows(os.path.join(d, "agg.csv"))
    m, pt, dr = column(t, "mass"), column(t, "pt"), column(t, "opening_dr")
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    axes[0].hist(m, bins=44, histtype="step")
    axes[0].set_xlabel("A mass (truth) [GeV]")
    axes[0].set_title("A -> gamma gamma: flat mass range")
    axes[1].scatter([a / b for a, b in zip(m, pt)], dr, s=1, alpha=0.3)
    axes[1].plot([0, 0.06], [0, 0.12], color="grey", ls=":", label="dR = 2 m / pT")
    axes[1].axhline(0.0174, color="red", ls="--", label="one EB crystal")
    axes[1].set_xlabel("m / pT")
    axes[1].set_ylabel("photon opening dR")
    axes[1].set_xlim(0, 0.06)
    axes[1].set_ylim(0, 0.15)
    axes[1].legend(fontsize=8)
    save(fig, "gen_agg.png")


def pileup(d):
    ev = rows(os.path.join(d, "pileup_events.csv"))
    z = column(rows(os.path.join(d, "pileup_vertices.csv")), "z_cm")
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    n = column(ev, "interactions", int)
    axes[0].hist(n, bins=range(min(n), max(n) + 2), histtype="step", label=f"mean {mean(n):.1f}")
    lam = 140
    xs = list(range(min(n), max(n) + 1))
    axes[0].plot(xs, [len(n) * math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1)) for k in xs], label="Poisson(140)")
    axes[0].set_xlabel("pileup interactions per event")
    axes[0].legend(fontsize=8)
    sigma = math.sqrt(mean([x * x for x in z]))
    axes[1].hist(z, bins=60, histtype="step", label=f"rms {sigma:.2f} cm")
    axes[1].set_xlabel("pileup vertex z [cm]")
    axes[1].legend(fontsize=8)
    save(fig, "gen_pileup.png")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    os.makedirs(IMG, exist_ok=True)
    for f in (tau_modes, lifetimes, masses, jets, merged_photons, pileup):
        f(d)


if __name__ == "__main__":
    main()
