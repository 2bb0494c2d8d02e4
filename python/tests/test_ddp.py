"""DistributedDataParallel smoke test: two CPU processes (gloo) launched by torch.distributed.run."""
import json
import os
import socket
import subprocess
import sys
import unittest

import helpers
from e2e_train import synthetic


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TwoProcessGloo(helpers.TempDirTest):
    def test_two_ranks_train_in_step_and_rank_0_ships_the_model(self):
        data = self.path("toy.h5")
        synthetic.write(data, "e2e", 160, channels=1, size=16, seed=1, graphs=False)
        out = self.path("run")
        env = dict(os.environ, PYTHONPATH=helpers.PYTHON_DIR + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   OMP_NUM_THREADS="1")
        # --redirects 1 --tee 1: Debian's torch 1.13 launcher cannot parse its own default "0" under
        # Python 3.11 (Std flag iteration changed); any non-zero value works around it.
        cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port",
               str(_free_port()), "--redirects", "1", "--tee", "1", "-m", "e2e_train.train", "--task", "top",
               "--arch", "resnet15", "--data", data, "--out", out, "--epochs", "2", "--batch", "8", "--no-progress"]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stdout[-3000:] + proc.stderr[-3000:])
        with open(os.path.join(out, "top_resnet15.json")) as f:
            card = json.load(f)
        t = card["training"]
        self.assertEqual(t["world_size"], 2)
        self.assertTrue(t["ranks_in_sync"])
        # 144 training rows over 2 ranks in batches of 8: 9 steps each.
        self.assertEqual([h["steps"] for h in t["history"]], [9, 9])
        self.assertEqual(card["metrics"]["n_signal"] + card["metrics"]["n_background"], 16)
        self.assertEqual(card["parity"]["legs"]["numpy"]["status"], "passed")
        # Only rank 0 logs: one summary line, not two.
        self.assertEqual(proc.stdout.count("top_resnet15: resnet15 on 144 training"), 1)


if __name__ == "__main__":
    unittest.main()
