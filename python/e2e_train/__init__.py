"""e2e_train: PyTorch training, export and metrics for the e2e taggers.

Run the tools as modules with PYTHONPATH=python, e.g. `python3 -m e2e_train.train --help`.
"""

__version__ = "0.1.0"
