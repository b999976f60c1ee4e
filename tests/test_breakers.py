import time

import pytest

from core.breakers import Breaker, CircuitOpen


def outage(exc) -> bool:
    return isinstance(exc, ConnectionError)


def fail(breaker: Breaker) -> None:
    with pytest.raises(ConnectionError), breaker.guard(outage):
        raise ConnectionError


def test_five_failures_within_the_window_open_the_circuit_then_one_probe_closes_it():
    breaker = Breaker("test", failures=5, window=10.0, reset_after=0.2)
    for _ in range(4):
        fail(breaker)
    assert breaker.state == "closed"
    fail(breaker)
    assert breaker.state == "open"
    with pytest.raises(CircuitOpen), breaker.guard(outage):
        pass
    deadline = time.monotonic() + 5
    while breaker.state != "half-open":
        assert time.monotonic() < deadline
    assert breaker.allow() and not breaker.allow()  # one probe at a time
    breaker.succeeded()
    assert breaker.state == "closed"


def test_failures_spread_wider_than_the_window_do_not_open_it():
    breaker = Breaker("test", failures=3, window=0.05, reset_after=60)
    for _ in range(5):
        fail(breaker)
        deadline = time.monotonic() + 0.06
        while time.monotonic() < deadline:  # let the window pass between two failures
            pass
    assert breaker.state == "closed"


def test_a_failed_probe_opens_it_again_and_other_errors_count_as_success():
    breaker = Breaker("test", failures=1, window=10.0, reset_after=0.05)
    fail(breaker)
    deadline = time.monotonic() + 5
    while breaker.state != "half-open":
        assert time.monotonic() < deadline
    fail(breaker)
    assert breaker.state == "open"
    breaker.reset()
    with pytest.raises(ValueError), breaker.guard(outage):
        raise ValueError
    assert breaker.state == "closed"
