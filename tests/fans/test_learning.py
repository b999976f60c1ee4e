"""The learning run: each learner once per event, a failure retried alone, the sweep for what was left."""
from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from fans import learning, tasks
from memory.models import InteractionEvent
from personality.models import PersonalityProfile
from tests.conftest import message, post


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
    assert InteractionEvent.objects.get(pk=event.pk).learn_attempts == 2
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
