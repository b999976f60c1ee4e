"""Retention covers what was learned: a fan whose whole history expired keeps nothing; for the others
what was learned from the expired part is recomputed from what remains."""
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from core.registry import sources
from emotions.models import EmotionalState
from facts.models import Fact, Flag
from personality.models import PersonalityProfile
from tests.conftest import message, post, purchase

OLD = (timezone.now() - timedelta(days=800)).isoformat()


def test_what_was_learned_only_from_expired_messages_goes_with_them(api):
    assert post(api, message("old-1", content="hi, my name is Kevin", occurred_at=OLD)).status_code == 201
    assert post(api, purchase("old-2", kind="tip", amount="500.00", occurred_at=OLD)).status_code == 201
    assert post(api, message("new-1", content="hello again, how are you?")).status_code == 201
    assert Fact.objects.filter(fan_id="f_1", kind="name").exists() and Flag.objects.filter(fan_id="f_1").exists()
    call_command("cleanup_old_memories")
    assert not Fact.objects.filter(fan_id="f_1", kind="name").exists()
    assert not Flag.objects.filter(fan_id="f_1").exists()
    assert PersonalityProfile.objects.get(fan_id="f_1").interaction_count == 1
    assert len(EmotionalState.objects.get(fan_id="f_1").sentiment_history) == 1
    context = api.get("/api/v1/fans/f_1/context/").json()
    assert [m["event_id"] for m in context["recent_messages"]] == ["new-1"] and context["flags"] == []


def test_a_fan_whose_whole_history_expired_keeps_nothing(api):
    assert post(api, message("old-1", fan_id="f_gone", content="my name is Zed", occurred_at=OLD)).status_code == 201
    assert post(api, message("kept", fan_id="f_kept")).status_code == 201
    call_command("cleanup_old_memories")
    for source in sources():
        assert not source.rows("creator_a", "f_gone").exists(), source.label
    assert api.get("/api/v1/fans/f_kept/context/").json()["is_new"] is False
