"""A tiny progress bar (tqdm is not installed): one redrawn line on a terminal, silent otherwise."""
import sys
import time


class Progress:
    def __init__(self, total, label="", stream=None, enabled=None, min_interval=0.2):
        self.total, self.label, self.count = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.min_interval = min_interval
        self.start = self._last = time.monotonic()
        self.postfix = ""

    def update(self, n=1, **postfix):
        self.count += n
        if postfix:
            self.postfix = " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in postfix.items())
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.min_interval or self.count >= self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now):
        frac = self.count / self.total if self.total else 1.0
        bar = "#" * int(24 * frac)
        rate = self.count / max(now - self.start, 1e-9)
        self.stream.write(f"\r{self.label} [{bar:<24s}] {self.count}/{self.total} {rate:.1f}/s {self.postfix}\x1b[K")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
