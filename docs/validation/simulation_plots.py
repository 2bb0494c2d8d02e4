#!/usr/bin/python3
"""Plots of the detector-simulation validation (docs/validation/simulation.md).

Usage: /usr/bin/python3 docs/validation/simulation_plots.py CSV_DIR [IMG_DIR]
CSV_DIR is what `sim_validation CSV_DIR` wrote; the PNGs go to IMG_DIR (default docs/validation/img).
"""
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def column(table, key, cast=float, where=None):
    return [cast(r[key]) for r in table if where is None or where(r)]


def save(fig, out, name):
    fig.tight_layout()
    fig.savefig(os.path.join(out, name), dpi=110)
    plt.close(fig)


def containment(src, out):
    t = rows(os.path.join(src, "containment_50gev.csv"))
    fig, ax = plt.subplots(1, 2, figsize=(10, 4))
    for key, label, spec, colour in (("e1x1", "1x1", 0.78, "C0"), ("e3x3", "3x3", 0.94, "C1"), ("e5x5", "5x5", 0.97, "C2")):
        v = column(t, key)
        ax[0].hist(v, bins=80, range=(0.6, 1.0), histtype="step", color=colour, label=f"{label}: mean {sum(v) / len(v):.3f}")
        ax[0].axvline(spec, color=colour, ls="--", lw=1)
    ax[0].set_xlabel("fraction of the photon energy")
    ax[0].set_ylabel("showers")
    ax[0].set_title("50 GeV photons at crystal centres (dashed: SPEC)")
    ax[0].legend(loc="upper left")
    e = rows(os.path.join(src, "containment_energy.csv"))
    for mode, marker in (("integrated", "o"), ("spots", "s")):
        sel = lambda r, m=mode: r["mode"] == m
        en = column(e, "energy", where=sel)
        for key, spec, colour in (("c1", 0.78, "C0"), ("c3", 0.94, "C1"), ("c5", 0.97, "C2")):
            ax[1].errorbar(en, column(e, key, where=sel), yerr=column(e, key + "err", where=sel), fmt=marker, color=colour,
                           mfc="none" if mode == "spots" else colour, label=f"{key[1]}x{key[1]} {mode}")
    for spec in (0.78, 0.94, 0.97):
        ax[1].axhspan(spec - 0.02, spec + 0.02, color="grey", alpha=0.15)
    ax[1].set_xscale("log")
    ax[1].set_xlabel("photon energy [GeV]")
    ax[1].set_ylabel("mean containment")
    ax[1].set_title("containment vs energy (bands: SPEC +- 0.02)")
    ax[1].legend(fontsize=7, ncol=2)
    save(fig, out, "sim_containment.png")


def resolution(src, out):
    t = rows(os.path.join(src, "resolution.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    grid = [2 + i for i in range(0, 200)]
    ax.plot(grid, [100 * math.sqrt(0.028**2 / e + (0.12 / e) ** 2 + 0.003**2) for e in grid], "k-", label="SPEC 2.8%/sqrt(E) + 0.12/E + 0.3%")
    ax.fill_between(grid, [90 * math.sqrt(0.028**2 / e + (0.12 / e) ** 2 + 0.003**2) for e in grid],
                    [110 * math.sqrt(0.028**2 / e + (0.12 / e) ** 2 + 0.003**2) for e in grid], color="grey", alpha=0.2, label="+-10%")
    for mode, marker in (("integrated", "o"), ("spots", "s")):
        sel = lambda r, m=mode: r["mode"] == m
        ax.errorbar(column(t, "energy", where=sel), [100 * v for v in column(t, "sigma", where=sel)],
                    yerr=[100 * v for v in column(t, "sigma_err", where=sel)], fmt=marker, mfc="none" if mode == "spots" else None,
                    label=f"simulation, {mode}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("photon energy [GeV]")
    ax.set_ylabel("sigma(E3x3) / E3x3 [%]")
    ax.set_title("ECAL resolution, 3x3 sum (no material, EB noise)")
    ax.legend(fontsize=8)
    save(fig, out, "sim_resolution.png")


def conversions(src, out):
    t = rows(os.path.join(src, "conversions.csv"))
    centre = [0.5 * (a + b) for a, b in zip(column(t, "eta_lo"), column(t, "eta_hi"))]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.errorbar(centre, column(t, "fraction"), yerr=column(t, "error"), fmt="o", label="simulated")
    ax.plot(centre, column(t, "expected"), "k-", label="1 - exp(-7/9 t(eta))")
    ax.axhline(0.27, color="grey", ls=":", label="27% (0.4 X0, SPEC)")
    ax.set_xlabel("|eta|")
    ax.set_ylabel("converted fraction")
    ax.set_title("photon conversions before the ECAL")
    ax.legend()
    save(fig, out, "sim_conversions.png")


def bending(src, out):
    t = rows(os.path.join(src, "phishift.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(column(t, "pt"), column(t, "formula"), "k-", label="asin(0.3 B r / 2 pT)")
    ax.plot(column(t, "pt"), column(t, "dphi"), "o", label="helix transport")
    ax.axhline(0.074, color="grey", ls=":")
    ax.axvline(10.0, color="grey", ls=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("track pT [GeV]")
    ax.set_ylabel("|phi shift| at r = 129 cm [rad]")
    ax.set_title("bending in 3.8 T (0.074 rad at 10 GeV)")
    ax.legend()
    save(fig, out, "sim_phishift.png")


def response(src, out):
    t = rows(os.path.join(src, "response.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.errorbar(column(t, "energy"), column(t, "electron"), yerr=column(t, "electron_err"), fmt="o", label="electrons")
    ax.errorbar(column(t, "energy"), column(t, "pion"), yerr=column(t, "pion_err"), fmt="s", label="charged pions")
    ax.set_xscale("log")
    ax.set_ylim(0.4, 1.1)
    ax.set_xlabel("energy [GeV]")
    ax.set_ylabel("(ECAL + HCAL) / E")
    ax.set_title("calorimeter response (|eta| < 0.5, no noise)")
    ax.legend()
    save(fig, out, "sim_response.png")


def impact(src, out):
    t = rows(os.path.join(src, "d0.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    for kind in ("prompt", "tau"):
        v = [1e4 * x for x in column(t, "d0", where=lambda r, k=kind: r["kind"] == k)]
        ax.hist(v, bins=120, range=(-600, 600), histtype="step", label=f"{kind}: rms {math.sqrt(sum(x * x for x in v) / len(v)):.0f} um")
    ax.set_yscale("log")
    ax.set_xlabel("track d0 [um]")
    ax.set_ylabel("tracks")
    ax.set_title("tau -> pi nu daughters vs prompt pions (same pT)")
    ax.legend()
    save(fig, out, "sim_d0.png")


def egamma(src, out):
    t = rows(os.path.join(src, "egamma_width.csv"))
    e = column(t, "width", where=lambda r: r["kind"] == "electron")
    g = column(t, "width", where=lambda r: r["kind"] == "photon")
    wins = 0.0
    gs = sorted(g)
    import bisect

    for x in e:
        lo, hi = bisect.bisect_left(gs, x), bisect.bisect_right(gs, x)
        wins += lo + 0.5 * (hi - lo)
    auc = wins / (len(e) * len(g))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.hist(g, bins=60, range=(0, 3), histtype="step", density=True, label=f"photons (mean {sum(g) / len(g):.2f})")
    ax.hist(e, bins=60, range=(0, 3), histtype="step", density=True, label=f"electrons (mean {sum(e) / len(e):.2f})")
    ax.set_xlabel("energy-weighted phi width [crystals]")
    ax.set_ylabel("density")
    ax.set_title(f"pT 50 GeV, EB, full simulation: AUC = {auc:.3f}")
    ax.legend()
    save(fig, out, "sim_egamma_width.png")


def timing(src, out):
    t = rows(os.path.join(src, "shower_time.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(column(t, "energy"), column(t, "integrated_us"), "o-", label="integrated over crystals")
    ax.plot(column(t, "energy"), column(t, "spots_us"), "s-", label="spot by spot")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("photon energy [GeV]")
    ax.set_ylabel("CPU time per event [us]")
    ax.set_title("cost of one photon shower (no material, no noise)")
    ax.legend()
    save(fig, out, "sim_shower_time.png")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "img")
    os.makedirs(out, exist_ok=True)
    for plot in (containment, resolution, conversions, bending, response, impact, egamma, timing):
        plot(src, out)
    print(f"plots written to {out}")


if __name__ == "__main__":
    main()
