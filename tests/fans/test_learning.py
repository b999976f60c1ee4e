"""The learning run: each learner once per event, a failure retried alone, the sweep for what was left."""
from dataclasses import replace
from datetime import timedelta

import psycopg
import pytest
from django.conf import settings
from django.utils import timezone

from fans import actions, learning, tasks
from memory.models import InteractionEvent
from personality.models import PersonalityProfile
from tests.conftest import message, post
from tests.faults.processes import wait_until


def failing(name: str):
    def learn(given):
        raise RuntimeError(f"{name} is broken")
    return learn


def test_a_failing_learner_is_retried_alone_and_the_sweep_finishes_the_event(api, monkeypatch):
    broken = tuple(replace(learner, learn=failing(learner.name)) if learner.name == "facts" else learner
                   for learner in learning.LEARNERS)
    monkeypatch.setattr(learning, "LEARNERS", broken)
    assert post(api, message("m1", content="my name is Kevin")).status_code == 201
    event = InteractionEvent.objects.get(event_id="m1")
    assert event.learned_at is None and "facts" not in event.learned and "personality" in event.learned
    with pytest.raises(learning.LearningIncomplete):  # a retry (the worker's, with backoff) runs facts alone
        learning.learn_event(event.pk)
    assert PersonalityProfile.objects.get(fan_id="f_1").interaction_count == 1
    # the save's run, the retry it was handed to (run at once: tasks are eager here), and this one
    assert InteractionEvent.objects.get(pk=event.pk).learn_attempts == 3
    monkeypatch.undo()
    InteractionEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(minutes=5))
    assert tasks.sweep_unlearned() == 1
    event.refresh_from_db()
    assert event.learned_at is not None and "facts" in event.learned
    assert PersonalityProfile.objects.get(fan_id="f_1").interaction_count == 1
    assert api.get("/api/v1/fans/f_1/facts/").json()["results"][0]["value"] == "Kevin"
    assert tasks.sweep_unlearned() == 0


def test_a_learned_event_is_skipped_when_delivered_again(api):
    assert post(api, message("m1")).status_code == 201
    event = InteractionEvent.objects.get(event_id="m1")
    assert event.learned_at is not None
    assert learning.learn_event(event.pk) == "skipped"
    assert PersonalityProfile.objects.get(fan_id="f_1").interaction_count == 1


def hold_event_lock(event_id: str) -> psycopg.Connection:
    """The event's row locked in an open transaction of a connection of its own, as a running
    learning run holds it (released by leaving the connection's `with` block)."""
    db = settings.DATABASES["default"]
    holder = psycopg.connect(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"],
                             password=db["PASSWORD"], dbname=db["NAME"])
    assert holder.execute("SELECT 1 FROM interaction_events WHERE event_id = %s FOR UPDATE", (event_id,)).fetchone()
    return holder


def test_new_events_are_learned_from_the_database_skipping_those_another_run_holds(api, monkeypatch):
    monkeypatch.setattr(actions.LEARNING_BELL, "send", lambda: True)  # saved, the workers not woken yet
    for n in range(3):
        assert post(api, message(f"m{n}")).status_code == 201
    failed = []
    with hold_event_lock("m1"):
        assert learning.learn_new_events(budget=10, on_failure=failed.append) == 2
        assert set(InteractionEvent.objects.filter(learned_at__isnull=True).values_list("event_id", flat=True)) == {"m1"}
    assert learning.learn_new_events(budget=10, on_failure=failed.append) == 1
    assert learning.learn_new_events(budget=10, on_failure=failed.append) == 0
    assert failed == [] and PersonalityProfile.objects.get(fan_id="f_1").interaction_count == 3


def test_new_events_are_learned_at_most_budget_at_a_time_and_a_failed_one_is_handed_on(api, monkeypatch):
    monkeypatch.setattr(actions.LEARNING_BELL, "send", lambda: True)
    for n in range(3):
        assert post(api, message(f"m{n}")).status_code == 201
    assert learning.learn_new_events(budget=2, on_failure=pytest.fail) == 2
    monkeypatch.setattr(learning, "LEARNERS", tuple(replace(learner, learn=failing(learner.name))
                                                    if learner.name == "facts" else learner
                                                    for learner in learning.LEARNERS))
    failed = []
    assert learning.learn_new_events(budget=10, on_failure=failed.append) == 1
    assert failed == [InteractionEvent.objects.get(event_id="m2").pk]
    assert learning.learn_new_events(budget=10, on_failure=failed.append) == 0  # its retries are `learn`'s


def test_the_bell_sends_once_for_a_burst_of_rings_then_again_for_a_later_ring(settings):
    settings.FANMEMORY = {**settings.FANMEMORY, "LEARN_WAKEUP_SECONDS": 0.2}
    sent = []
    bell = actions.LearningBell(lambda: sent.append(1) or True)
    for _ in range(100):
        bell.ring()
    wait_until(lambda: bell.thread is None, 5, what="the bell's thread to end")
    assert 1 <= len(sent) <= 2  # the first ring's send, and at most one for the rings during its wait
    bell.ring()
    wait_until(lambda: bell.thread is None, 5, what="the bell's thread to end")
    assert len(sent) in (2, 3)


def test_the_bell_rings_again_until_the_broker_takes_the_task(settings):
    settings.FANMEMORY = {**settings.FANMEMORY, "LEARN_WAKEUP_SECONDS": 0}
    answers = [False, False, True]
    bell = actions.LearningBell(lambda: answers.pop(0), retry_interval=0.05)
    bell.ring()  # refused in the ringing thread: the bell's thread tries again
    wait_until(lambda: not answers, 5, what="the task taken")
    wait_until(lambda: bell.thread is None, 5, what="the bell's thread to end")
