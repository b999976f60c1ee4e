"""The rollout switches: read-only mode, and each creator's share of fans with calibration on."""
import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from core import rollout
from core.models import Creator
from fans import policy
from personality.models import PersonalityProfile
from tests.conftest import message, post, redis_unreachable

EMOJI_CHAT = ["lol 😂😂", "haha 😂", "omg 😂", "lmao 😂", "ok 😂"]


def test_read_only_refuses_every_write_and_serves_reads(api):
    assert post(api, message("before")).status_code == 201
    call_command("rollout", "--read-only", "on", "--retry-after", "120")

    response = post(api, message("during"))
    assert response.status_code == 503 and response["Retry-After"] == "120"
    assert response.json() == {"error": {"type": "READ_ONLY", "recoverable": True,
                                         "message": "The service is in read-only mode: retry this write later."}}
    for path, body in (("/api/v1/interactions/batch/", {"events": [message("b1")]}),
                       ("/api/v1/fans/f_1/facts/", {"kind": "name", "value": "Mike"}),
                       ("/api/v1/fans/f_1/erasure/", {})):
        assert api.post(path, body, format="json").json()["error"]["type"] == "READ_ONLY", path
    assert api.put("/api/v1/fans/f_1/consent/", {"analytics": False}, format="json").status_code == 503
    assert api.delete("/api/v1/fans/f_1/").status_code == 503

    context = api.get("/api/v1/fans/f_1/context/")
    assert context.status_code == 200 and [m["event_id"] for m in context.json()["recent_messages"]] == ["before"]
    assert api.post("/api/v1/fans/bulk-context/", {"fan_ids": ["f_1"]}, format="json").status_code == 200
    assert api.post("/api/v1/emotions/analyze/", {"text": "so happy"}, format="json").status_code == 200

    call_command("rollout", "--read-only", "off")
    assert post(api, message("after")).status_code == 201


def test_read_only_holds_while_redis_is_down(api, settings):
    """The mode lives in PostgreSQL: a Redis outage neither lifts nor breaks it."""
    rollout.read_only_set(on=True)
    with redis_unreachable(settings):
        response = post(api, message("during"))
        assert response.status_code == 503 and response.json()["error"]["type"] == "READ_ONLY"


def test_another_process_sees_the_mode_within_the_cache_period(api, settings):
    settings.FANMEMORY = {**settings.FANMEMORY, "SWITCH_CACHE_SECONDS": 3600}
    assert post(api, message("m1")).status_code == 201  # this process has read "normal"
    from core.models import ServiceMode

    ServiceMode.objects.update_or_create(pk=1, defaults={"read_only": True})  # as another process would
    assert post(api, message("m2")).status_code == 201  # still trusted for SWITCH_CACHE_SECONDS
    rollout.forget()  # the period is over
    assert post(api, message("m3")).status_code == 503


def fans_in_and_out(creator_id: str, percent: int) -> tuple[str, str]:
    fans = [f"f_{n}" for n in range(100)]
    inside = next(f for f in fans if rollout.bucket(creator_id, f) < percent)
    outside = next(f for f in fans if rollout.bucket(creator_id, f) >= percent)
    return inside, outside


def chat(api, fan_id: str) -> dict:
    for n, content in enumerate(EMOJI_CHAT):
        assert post(api, message(f"{fan_id}-{n}", fan_id=fan_id, content=content)).status_code == 201
    return api.get(f"/api/v1/fans/{fan_id}/context/").json()


def test_only_fans_in_the_share_are_calibrated(api):
    call_command("rollout", "--creator", "creator_a", "--percent", "30")
    inside, outside = fans_in_and_out("creator_a", 30)
    assert policy.calibration_on(creator_id="creator_a", fan_id=inside)
    assert not policy.recall_on(creator_id="creator_a", fan_id=outside)

    assert chat(api, inside)["personality_profile"]["preferred_emojis"] == ["😂"]
    served = chat(api, outside)
    assert served["personality_profile"]["preferred_emojis"] == [] and served["personality_profile"]["interaction_count"] == 0
    assert not PersonalityProfile.objects.filter(fan_id=outside).exists()  # not learned either
    assert api.post(f"/api/v1/fans/{outside}/personality/calibrate/").json()["interaction_count"] == 0
    assert not PersonalityProfile.objects.filter(fan_id=outside).exists()
    assert served["engagement_metrics"]["total_messages"] == 5  # the other parts are still learned


def test_the_share_is_100_unless_set_and_0_turns_calibration_off(api):
    assert Creator.objects.get(pk="creator_a").rollout_percent == 100
    assert all(policy.calibration_on(creator_id="creator_a", fan_id=f"f_{n}") for n in range(200))
    rollout.share_set(creator_id="creator_a", percent=0)
    assert not any(policy.calibration_on(creator_id="creator_a", fan_id=f"f_{n}") for n in range(200))


def test_buckets_are_stable_and_spread():
    assert rollout.bucket("creator_a", "f_1") == rollout.bucket("creator_a", "f_1") == 92
    buckets = [rollout.bucket("creator_a", f"f_{n}") for n in range(10_000)]
    share = sum(bucket < 10 for bucket in buckets) / len(buckets)
    assert 0.09 < share < 0.11


@pytest.mark.parametrize("args, error", [
    (["--creator", "creator_a", "--percent", "101"], "0 to 100"),
    (["--creator", "nobody", "--percent", "50"], "No such creator"),
    (["--creator", "creator_a"], "go together"),
    (["--retry-after", "30"], "goes with --read-only"),
])
def test_the_command_refuses_bad_input(api, args, error):
    with pytest.raises(CommandError, match=error):
        call_command("rollout", *args)


def test_the_admin_sets_both_switches(api, client):
    User.objects.create_superuser("root", "root@example.com", "pw-123456")
    client.login(username="root", password="pw-123456")
    rollout.read_only_set(on=False)  # the row core's migration creates (the suite's flush removes it)
    assert client.get("/admin/core/servicemode/1/change/").status_code == 200
    response = client.post("/admin/core/servicemode/1/change/", {"read_only": "on", "retry_after_seconds": "30"})
    assert response.status_code == 302
    assert post(api, message("m1"))["Retry-After"] == "30"

    page = client.get("/admin/core/creator/creator_a/change/")
    assert page.status_code == 200 and b"rollout_percent" in page.content
    response = client.post("/admin/core/creator/creator_a/change/", {"rollout_percent": "101"})
    assert response.status_code == 200 and Creator.objects.get(pk="creator_a").rollout_percent == 100  # refused
    response = client.post("/admin/core/creator/creator_a/change/", {"rollout_percent": "30", "id": "renamed"})
    assert response.status_code == 302 and Creator.objects.get(pk="creator_a").rollout_percent == 30
    assert not Creator.objects.filter(pk="renamed").exists()
