"""PostgreSQL as Django's backend, with the database circuit breaker and a deadline on queries.

Every new connection and every query goes through core.breakers.DATABASE: while the circuit is
open they fail at once with DatabaseUnavailable (an OperationalError, so every caller's handling
of a database outage applies). Inside an HTTP request (core.middleware) each query also has a
deadline: a watchdog thread shuts the socket of a query still waiting past it, so a stalled
PostgreSQL gives an error within seconds instead of a hung request. libpq's connect_timeout
bounds the connection itself.
"""
import heapq
import itertools
import socket
import threading
import time
from contextlib import contextmanager

import psycopg
from django.db import InterfaceError, OperationalError
from django.db.backends.postgresql import base

from core.breakers import DATABASE, CircuitOpen


class DatabaseUnavailable(OperationalError):
    """The database circuit is open: nothing was sent to PostgreSQL."""


_deadline = threading.local()


OUTAGES = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)


def is_outage(exc: BaseException) -> bool:
    """Errors that say PostgreSQL is unreachable or failing (not a bad query or a constraint)."""
    return isinstance(exc, OUTAGES) and not isinstance(exc, DatabaseUnavailable)


@contextmanager
def query_deadline(seconds: float | None):
    """Queries of this thread inside the block are cut after `seconds` (None: no deadline), and
    once one is cut the others fail at once: a request waits on a stalled database only once."""
    previous = getattr(_deadline, "seconds", None), getattr(_deadline, "lost", False)
    _deadline.seconds, _deadline.lost = seconds, False
    try:
        yield
    finally:
        _deadline.seconds, _deadline.lost = previous


@contextmanager
def guarded():
    if getattr(_deadline, "lost", False):
        raise DatabaseUnavailable("database lost during this request")
    try:
        with DATABASE.guard(is_outage):
            yield
    except CircuitOpen:
        raise DatabaseUnavailable("database circuit open") from None


class Watchdog:
    """One thread per process: shuts the sockets of queries past their deadline."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self._lock = threading.Lock()
        self._watched: dict[int, tuple[int, dict]] = {}
        self._heap: list[tuple[float, int]] = []
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watching(self, fileno: int, seconds: float):
        """Yields a dict whose "cut" turns true if the deadline passed and the socket was shut."""
        token, outcome = next(self._tokens), {"cut": False}
        deadline = time.monotonic() + seconds
        with self._lock:
            self._watched[token] = (fileno, outcome)
            heapq.heappush(self._heap, (deadline, token))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="query-watchdog", daemon=True)
                self._thread.start()
        try:
            yield outcome
        finally:
            with self._lock:
                self._watched.pop(token, None)

    def _run(self) -> None:
        while True:
            time.sleep(self.interval)
            now = time.monotonic()
            with self._lock:
                while self._heap and self._heap[0][0] <= now:
                    _, token = heapq.heappop(self._heap)
                    overdue = self._watched.pop(token, None)
                    if overdue is not None:
                        fileno, outcome = overdue
                        outcome["cut"] = True
                        _shut(fileno)


def _shut(fileno: int) -> None:
    """Shut the connection's socket down (not close its descriptor): libpq's wait ends with an error."""
    try:
        with socket.socket(fileno=socket.dup(fileno)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


WATCHDOG = Watchdog()


@contextmanager
def watched(wrapper):
    """Under the request's deadline, if any. A query cut by the watchdog means a stalled database:
    the request's other queries and connection attempts then fail at once."""
    seconds = getattr(_deadline, "seconds", None)
    if seconds is None or wrapper.connection is None:
        yield {"cut": False}
        return
    with WATCHDOG.watching(wrapper.connection.fileno(), seconds) as outcome:
        try:
            yield outcome
        finally:
            if outcome["cut"]:
                _deadline.lost = True


def guarded_execute(execute, sql, params, many, context):
    with guarded(), watched(context["connection"]):
        return execute(sql, params, many, context)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(guarded_execute)

    def get_new_connection(self, conn_params):
        with guarded():
            return super().get_new_connection(conn_params)

    def is_usable(self):
        with watched(self):
            return super().is_usable()
