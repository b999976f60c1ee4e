"""Circuit breakers on PostgreSQL and Redis, as the seed asks: 5 failures within 10 s open the
circuit; after 60 s one call goes through as a probe; its success closes the circuit, its failure
opens it for another 60 s. While open, calls fail at once instead of waiting on timeouts.

Not pybreaker: its CircuitBreaker.call holds one lock for the whole guarded call, which would
serialise every query and every Redis call of a server process's threads. State is per process.
"""
import threading
import time
from collections import deque
from contextlib import contextmanager

from .metrics import CIRCUIT_OPEN


class CircuitOpen(Exception):
    def __init__(self, name: str):
        super().__init__(f"the {name} circuit is open")
        self.name = name


class Breaker:
    def __init__(self, name: str, failures: int = 5, window: float = 10.0, reset_after: float = 60.0):
        self.name, self.failures, self.window, self.reset_after = name, failures, window, reset_after
        self._lock = threading.Lock()
        self._recent: deque[float] = deque()
        self._opened_at: float | None = None
        self._probing = False
        self._open_gauge = CIRCUIT_OPEN.labels(circuit=name)
        self._open_gauge.set(0)

    @property
    def state(self) -> str:
        opened_at = self._opened_at
        if opened_at is None:
            return "closed"
        return "half-open" if time.monotonic() - opened_at >= self.reset_after else "open"

    def allow(self) -> bool:
        """May a call go through now? (While half-open, only one probe at a time.)"""
        if self._opened_at is None:  # the common case, without the lock
            return True
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or time.monotonic() - self._opened_at < self.reset_after:
                return False
            self._probing = True
            return True

    def succeeded(self) -> None:
        if self._opened_at is None and not self._recent:
            return
        self._close()

    def failed(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._probing or self._opened_at is not None:
                self._opened_at, self._probing = now, False
                return
            self._recent.append(now)
            while self._recent and now - self._recent[0] > self.window:
                self._recent.popleft()
            if len(self._recent) >= self.failures:
                self._opened_at = now
                self._recent.clear()
                self._open_gauge.set(1)

    @contextmanager
    def guard(self, is_failure):
        """Run the block if the circuit allows it (else CircuitOpen); an exception for which
        `is_failure(exc)` is true counts as a failure, any other outcome as a success."""
        if not self.allow():
            raise CircuitOpen(self.name)
        try:
            yield
        except BaseException as exc:
            (self.failed if is_failure(exc) else self.succeeded)()
            raise
        self.succeeded()

    def reset(self) -> None:
        self._close()

    def _close(self) -> None:
        with self._lock:
            self._recent.clear()
            self._opened_at, self._probing = None, False
        self._open_gauge.set(0)


DATABASE = Breaker("database")
CACHE = Breaker("cache")


def states() -> dict[str, str]:
    return {breaker.name: breaker.state for breaker in (DATABASE, CACHE)}
