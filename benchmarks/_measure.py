"""Measuring helpers shared by the benchmarks (run as scripts: ``benchmarks/`` is on sys.path)."""

from __future__ import annotations

import threading


class ChildMemory:
    """Samples the RSS of this process's children (pool workers) and keeps each one's peak."""

    def __init__(self, every: float = 0.1):
        import psutil

        self._me, self._every, self.peaks, self.cpu = psutil.Process(), every, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ChildMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        import psutil

        while not self._stop.wait(self._every):
            for child in self._me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                    times = child.cpu_times()
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(rss, self.peaks.get(child.pid, 0.0))
                self.cpu[child.pid] = times.user + times.system

    def cpu_seconds(self) -> float:
        """CPU time used by the children so far (as last sampled)."""
        return sum(self.cpu.values())
