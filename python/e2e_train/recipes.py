"""How each shipped model is made: which events, which objects and channels, which training.

A recipe is data, not code: make_models.py turns it into `e2e generate --simulate`, `e2e frames`,
mixdata and `e2e_train.train` commands. Each tagger has one or two samples (signal and background, or a
single regression sample); `events` is per sample at scale 1. The `--scale` of make_models multiplies every
event count, so the same recipe serves the CPU default and a bigger GPU run. Channel sets follow the seed
(SPEC.md section 3); the `--require-truth` lists keep only objects whose truth match is the class the sample
stands for, so labels are clean and the classes come from different events.
"""
from dataclasses import dataclass, field

QUARKS_GLUON = "1,2,3,4,5,21"

# Channel scales applied by the frame maker. Without them the channels differ by orders of magnitude (ECAL
# crystals O(1-50) GeV, HCAL crystals = tower / 25, track d0 sums O(0.001-0.05) cm, dz sums < 0.1 cm, hit
# counts O(1)), and a network without batch norm (ResNet-15) then learns mostly from the largest. These bring
# the busy pixels of each channel to O(0.1-10); they are recorded in every dataset and card (frame_scales).
JET8 = ["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3"]
JET13 = ["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3", "bpix4", "tib1", "tib2",
         "tob1", "tob2"]
SCALE = {"ecal": 0.1, "hcal": 1.0, "trk_pt": 0.1, "trk_d0": 100.0, "trk_dz": 100.0, "ecal_time": 0.1}


# Hit-graph node features deta, dphi, energy (GeV; pT for tracks), d0 (cm), dz (cm), subdet, layer -> O(1):
# the first EdgeConv layer finds its neighbours in this space, so no feature may swamp the others.
NODE_SCALES = [10.0, 10.0, 0.1, 100.0, 10.0, 0.2, 0.2]


# EdgeConv that trains at ~18 graphs/s on this CPU (the reference k 16, 64-64-128 on 128 nodes: ~1 graph/s).
CPU_EDGECONV = ["--num-nodes", "96", "--model-args", '{"k": 8, "widths": [16, 16, 32], "hidden": 32}']


def node_scales_option():
    return ["--node-scales", ",".join(f"{v:g}" for v in NODE_SCALES)]


def scales_for(channels):
    return [SCALE.get(c, 1.0) for c in channels]


@dataclass
class Sample:
    """One generated sample and the objects taken from it."""
    key: str                    # file stem in the work directory
    process: str                # e2e generate --process
    events: int                 # at scale 1
    seed: int
    generate: dict = field(default_factory=dict)   # extra `e2e generate` options, e.g. {"pt-min": 50}
    require_truth: str = ""     # e2e frames --require-truth


@dataclass
class Training:
    """One model trained on the recipe's dataset."""
    name: str                   # models/<name>.onnx, the name the C++ taggers look for
    arch: str
    epochs: int
    batch: int = 32
    lr: float = 5e-4
    milestones: str = ""        # "" = no step decay inside the few epochs we can afford
    patience: int = 4
    extra: list = field(default_factory=list)   # more e2e_train.train options
    # Appended with --device cpu only (later options win): Debian's torch runs Linear layers on a generic BLAS
    # (~0.5 GFLOP/s here), so graph networks train on CPU in a lighter configuration. The card's model.hparams
    # always says which one was trained.
    cpu_extra: list = field(default_factory=list)


@dataclass
class Recipe:
    tagger: str                 # the e2e_train task
    objects: str                # photons | jets
    channels: list
    size: int
    label: str                  # e2e frames --label-from
    samples: list
    trainings: list
    jet_radius: float = 0.4
    min_pt: float = None
    max_eta: float = None
    leading: int = 0
    graphs: bool = False
    max_nodes: int = 256
    balance: bool = True        # same number of objects per sample (classification)
    fractions: tuple = (0.7, 0.15, 0.15)
    note: str = ""

    def frames_options(self):
        opts = ["--objects", self.objects, "--channels", ",".join(self.channels),
                "--scales", ",".join(f"{s:g}" for s in scales_for(self.channels)),
                "--size", str(self.size), "--label-from", self.label]
        if self.objects == "jets":
            opts += ["--jet-radius", f"{self.jet_radius:g}"]
        if self.min_pt is not None:
            opts += ["--min-pt", f"{self.min_pt:g}"]
        if self.max_eta is not None:
            opts += ["--max-eta", f"{self.max_eta:g}"]
        if self.leading:
            opts += ["--leading", str(self.leading)]
        if self.graphs:
            opts += ["--graphs", "--max-nodes", str(self.max_nodes)]
        return opts


def _egamma():
    gun = {"pt-min": 50, "pt-max": 50, "eta-max": 1.44}
    return Recipe(
        tagger="egamma", objects="photons", channels=["ecal", "ecal_time"], size=32, label="electron",
        min_pt=10, max_eta=1.44, leading=1,
        samples=[Sample("electron", "electron", 25000, 101, gun, "11"),
                 Sample("photon", "photon", 25000, 102, gun, "22")],
        trainings=[Training("egamma_resnet15", "resnet15", epochs=10, batch=64, lr=1e-3, milestones="7")],
        note="seed sample: single electrons vs single photons at pT 50 GeV in the barrel; [energy, time] crops")


def _qg():
    return Recipe(
        tagger="qg", objects="jets", channels=["trk_pt", "ecal", "hcal"], size=125, label="quark",
        jet_radius=0.4, min_pt=70, max_eta=2.0, leading=2,
        samples=[Sample("quark", "dijet-quark", 700, 201, {}, QUARKS_GLUON),
                 Sample("gluon", "dijet-gluon", 700, 202, {}, QUARKS_GLUON)],
        trainings=[Training("qg_resnet15", "resnet15", epochs=6, lr=5e-4)],
        note="seed sample: QCD dijets, pT-hat 300-470 GeV; quark-only vs gluon-only hard processes, AK4 jets")


def _top():
    return Recipe(
        tagger="top", objects="jets", channels=JET8, size=125, label="top",
        jet_radius=0.8, min_pt=400, max_eta=2.4, leading=2,
        samples=[Sample("top", "ttbar-boosted", 600, 301, {}, "6"),
                 Sample("qcd", "qcd-boosted", 520, 302, {}, QUARKS_GLUON)],
        trainings=[Training("top_resnet15", "resnet15", epochs=6, lr=5e-4)],
        note="seed sample: hadronic ttbar with top pT > 400 GeV vs QCD dijets at the same pT; AK8 jets, 8 channels")


def _tau():
    return Recipe(
        tagger="tau", objects="jets", channels=JET13, size=125, label="tau",
        jet_radius=0.8, min_pt=20, max_eta=2.4, leading=2, graphs=True, max_nodes=256,
        samples=[Sample("tau", "htautau", 800, 401, {}, "15"),
                 Sample("qcd", "qcd-tau", 1000, 402, {}, QUARKS_GLUON)],
        trainings=[Training("tau_resnet15", "resnet15", epochs=6, lr=5e-4),
                   Training("tau_edgeconv", "edgeconv", epochs=10, lr=1e-3,
                            extra=["--num-nodes", "128"] + node_scales_option(), cpu_extra=CPU_EDGECONV)],
        note="seed sample: hadronic taus from gg -> H -> tau tau vs QCD dijets (pT-hat 20-120 GeV); all 13 "
             "channels and hit graphs")


def _mass():
    return Recipe(
        tagger="mass", objects="photons", channels=["ecal"], size=32, label="mass",
        min_pt=10, max_eta=1.44, leading=1, balance=False,
        samples=[Sample("agg", "agg", 40000, 501, {"eta-max": 1.44}, "36")],
        trainings=[Training("mass_resnet15", "resnet15", epochs=10, batch=64, lr=1e-3, milestones="7")],
        note="seed sample: merged photons A -> gamma gamma, m_A flat 0.1-1.2 GeV, pT 20-100 GeV; ECAL energy crops")


RECIPES = {r.tagger: r for r in (_egamma(), _qg(), _top(), _tau(), _mass())}
