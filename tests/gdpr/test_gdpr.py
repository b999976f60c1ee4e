from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from gdpr.models import RetentionRun
from core import keys
from core.registry import sources
from core.cache import forget as forget_parts
from memory.models import FanMemory, InteractionEvent
from personality.models import CreatorToneStats
from preferences.models import CategoryPopularity
from tests.conftest import feedback, message, post, purchase, redis_unreachable, run_schedules

FAN = "f_gdpr"


def fill_fan(api):
    post(api, message("m1", fan_id=FAN, content="my dog Rex loves walks", metadata={"city": "Lyon"}))
    post(api, message("ai1", fan_id=FAN, sender="ai", content="aww tell me more"))
    post(api, purchase("p1", fan_id=FAN, amount="42.00"))
    post(api, feedback("fb1", "ai1", fan_id=FAN, outcome="positive"))
    api.put(f"/api/v1/fans/{FAN}/consent/", {"analytics": False}, format="json")
    api.get(f"/api/v1/fans/{FAN}/context/")


def test_export_holds_every_datum_written(api):
    fill_fan(api)
    response = api.get(f"/api/v1/fans/{FAN}/export/")
    assert response.status_code == 200
    document = response.json()
    assert document["schema_version"] == 1 and document["fan_id"] == FAN
    text = response.content.decode()
    for datum in ("my dog Rex loves walks", "Lyon", "aww tell me more", "42.00", "positive", "fb1"):
        assert datum in text
    assert document["data"]["gdpr_consent_changes"][0]["granted"] is False
    assert set(document["data"]) == {source.label for source in sources()}


def test_export_command_writes_the_same_document(api, tmp_path):
    fill_fan(api)
    out = tmp_path / "export.json"
    call_command("export_fan_data", "creator_a", FAN, "--output", str(out))
    assert "my dog Rex loves walks" in out.read_text()


def count_rows() -> dict:
    return {source.label: source.rows("creator_a", FAN).count() for source in sources()}


def fan_data_keys(redis_client, creator_id: str) -> list[bytes]:
    """The fan's keys (cache and rate limits, named by the fan's keyed hash) but the generation counter,
    which an erasure leaves behind: a number under a keyed hash."""
    generation = keys.generation_key(creator_id, FAN).encode()
    return [key for key in redis_client.scan_iter(match=f"*{keys.fan_tag(creator_id, FAN)}*") if key != generation]


def creator_a_keys(redis_client) -> list[bytes]:
    return fan_data_keys(redis_client, "creator_a")


def test_erasure_removes_everything_and_proves_it(api, other_api, redis_client):
    fill_fan(api)
    post(other_api, message("m1", fan_id=FAN, content="other creator keeps this"))
    before = count_rows()
    fan_keys_before = len(creator_a_keys(redis_client))
    other_keys = set(fan_data_keys(redis_client, "creator_b"))
    assert fan_keys_before > 0
    response = api.post(f"/api/v1/fans/{FAN}/erasure/")
    assert response.status_code == 202
    body = response.json()
    deadline = timezone.datetime.fromisoformat(body["deadline"].replace("Z", "+00:00"))
    assert timezone.now() < deadline <= timezone.now() + timedelta(hours=72)
    status = api.get(f"/api/v1/gdpr/erasure-requests/{body['request_id']}/").json()
    assert status["status"] == "done"
    assert status["proof"]["tables"] == {label: count for label, count in before.items()}
    assert status["proof"]["cache_keys_removed"] == fan_keys_before
    # the fan's positive feedback and its 42.00 purchase were the creator's only tone and price statistics
    assert status["proof"]["aggregates_adjusted"] == {"personality_creator_tones": 1, "category_popularity": 1}
    assert not CreatorToneStats.objects.filter(creator_id="creator_a").exists()
    assert not CategoryPopularity.objects.filter(creator_id="creator_a").exists()
    assert FAN not in str(status)
    assert all(count == 0 for count in count_rows().values())
    assert creator_a_keys(redis_client) == []
    assert set(fan_data_keys(redis_client, "creator_b")) == other_keys
    assert not [key for key in redis_client.scan_iter() if FAN.encode() in key]
    with connection.cursor() as cursor:  # nothing left anywhere in clear, in any table
        cursor.execute("SELECT count(*) FROM fan_memories WHERE creator_id = 'creator_a'")
        assert cursor.fetchone()[0] == 0
    assert other_api.get(f"/api/v1/fans/{FAN}/context/").json()["recent_messages"][0]["content"] == \
        "other creator keeps this"
    assert other_api.get(f"/api/v1/gdpr/erasure-requests/{body['request_id']}/").status_code == 404


def test_purge_fan_command_erases_with_proof(api, capsys):
    fill_fan(api)
    call_command("purge_fan", "creator_a", FAN)
    assert '"status":"done"' in capsys.readouterr().out
    assert all(count == 0 for count in count_rows().values())


def test_stalled_erasures_are_retried_and_late_ones_raise_the_alarm(api):
    from gdpr.models import ErasureRequest
    from gdpr.services import erasures_retry
    from core.refs import fan_ref

    fill_fan(api)
    stalled = ErasureRequest.objects.create(creator_id="creator_a", fan_ref=fan_ref("creator_a", FAN),
                                            pending_fan_id=FAN, deadline=timezone.now() + timedelta(hours=2))
    ErasureRequest.objects.filter(pk=stalled.pk).update(requested_at=timezone.now() - timedelta(hours=70))
    outcome = erasures_retry()
    assert outcome == {"retried": 1, "at_risk": 1}
    stalled.refresh_from_db()
    assert stalled.status == "done" and stalled.pending_fan_id is None
    assert all(count == 0 for count in count_rows().values())


def test_consent_defaults_history_and_bad_input(api):
    body = api.get(f"/api/v1/fans/{FAN}/consent/").json()
    assert body["consent"] == {"memory": True, "personalization": True, "analytics": True} and body["history"] == []
    api.put(f"/api/v1/fans/{FAN}/consent/", {"personalization": False}, format="json")
    body = api.put(f"/api/v1/fans/{FAN}/consent/", {"personalization": True}, format="json").json()
    assert [(c["purpose"], c["granted"]) for c in body["history"]] == [("personalization", False),
                                                                       ("personalization", True)]
    for bad in ({}, {"memory": "maybe"}, {"marketing": False}):
        response = api.put(f"/api/v1/fans/{FAN}/consent/", bad, format="json")
        assert response.status_code == 400 and response.json()["error"]["type"] == "INVALID_DATA"


def test_memory_withdrawn_refuses_messages_and_stores_nothing(api):
    api.put(f"/api/v1/fans/{FAN}/consent/", {"memory": False}, format="json")
    response = post(api, message("m1", fan_id=FAN))
    assert response.status_code == 403 and response.json()["error"]["type"] == "CONSENT_WITHDRAWN"
    assert not FanMemory.objects.exists() and not InteractionEvent.objects.exists()
    api.put(f"/api/v1/fans/{FAN}/consent/", {"memory": True}, format="json")
    assert post(api, message("m1", fan_id=FAN)).status_code == 201


def test_personalization_withdrawn_serves_defaults_and_stops_learning(api):
    from personality.models import PersonalityProfile

    post(api, message("m1", fan_id=FAN))
    PersonalityProfile.objects.update_or_create(creator_id="creator_a", fan_id=FAN,
                                                defaults={"tone": "professional", "last_calibrated": timezone.now()})
    forget_parts("creator_a", FAN, "personality")  # the row was written behind the service's back
    api.put(f"/api/v1/fans/{FAN}/consent/", {"personalization": False}, format="json")
    context = api.get(f"/api/v1/fans/{FAN}/context/").json()
    assert context["personality_profile"]["tone"] == "friendly" and context["consent"]["personalization"] is False
    api.put(f"/api/v1/fans/{FAN}/consent/", {"personalization": True}, format="json")
    assert api.get(f"/api/v1/fans/{FAN}/context/").json()["personality_profile"]["tone"] == "professional"


def test_personalization_withdrawn_skips_the_personal_learners(api, monkeypatch):
    from fans import learning

    called = []
    monkeypatch.setattr(learning, "LEARNERS", tuple(replace(learner, learn=lambda given, n=learner.name: called.append(n))
                                                    for learner in learning.LEARNERS))
    api.put(f"/api/v1/fans/{FAN}/consent/", {"personalization": False}, format="json")
    post(api, message("m1", fan_id=FAN))
    assert called and not set(called) & {learner.name for learner in learning.LEARNERS if learner.personal}


def test_analytics_withdrawn_leaves_the_fan_out_of_stats(api):
    post(api, message("m1", fan_id=FAN))
    post(api, message("m2", fan_id="f_other"))
    assert api.get("/api/v1/stats/").json()["fans_with_memory"] == 2
    api.put(f"/api/v1/fans/{FAN}/consent/", {"analytics": False}, format="json")
    stats = api.get("/api/v1/stats/").json()
    assert stats["fans_with_memory"] == 1 and stats["total_messages"] == 1


def test_retention_deletes_exactly_the_old_rows(api, capsys):
    old = timezone.now() - timedelta(days=800)
    post(api, message("old", fan_id=FAN, occurred_at=old.isoformat()))
    post(api, message("new", fan_id=FAN))
    call_command("cleanup_old_memories", "--dry-run")
    assert "would delete {'fan_memories': 1, 'interaction_events': 1, 'fans_expired': 0, 'fans_recomputed': 0}" \
        in capsys.readouterr().out
    assert FanMemory.objects.count() == 2
    call_command("cleanup_old_memories")
    assert list(FanMemory.objects.values_list("event_id", flat=True)) == ["new"]
    assert list(InteractionEvent.objects.values_list("event_id", flat=True)) == ["new"]
    assert RetentionRun.objects.filter(dry_run=False).get().counts == {
        "fan_memories": 1, "interaction_events": 1, "fans_expired": 0, "fans_recomputed": 1}
    assert [m["event_id"] for m in api.get(f"/api/v1/fans/{FAN}/context/").json()["recent_messages"]] == ["new"]


def test_retention_and_erasure_retries_are_scheduled_once(db):
    from django_celery_beat.models import PeriodicTask

    run_schedules("gdpr.migrations.0003_access_log_append_only_groups_schedules")
    run_schedules("fans.migrations.0001_learning_sweep_and_moved_schedules")
    tasks = set(PeriodicTask.objects.values_list("task", flat=True))
    assert {"fans.tasks.cleanup_old_memories", "gdpr.tasks.retry_erasures"} <= tasks
    assert PeriodicTask.objects.filter(task="fans.tasks.cleanup_old_memories").count() == 1


def test_rotation_keeps_every_row_readable_and_changes_every_ciphertext(api, settings):
    from gdpr.rotation import derive_field_key, encrypted_columns, rotate_all
    from django_cryptography.core.signing import FernetSigner
    from django_cryptography.utils.crypto import FernetBytes

    fill_fan(api)
    old = FernetBytes(derive_field_key("the-old-key"), FernetSigner(settings.SECRET_KEY))
    before = {}
    with connection.cursor() as cursor:  # put every encrypted value under the old key, as before a rotation
        for model, fields in encrypted_columns():
            table, pk = model._meta.db_table, model._meta.pk.column
            for field in fields:
                cursor.execute(f"SELECT {pk}, {field.column} FROM {table} WHERE {field.column} IS NOT NULL")
                for row_pk, raw in cursor.fetchall():
                    token = old.encrypt(field._fernet.decrypt(bytes(raw)))
                    cursor.execute(f"UPDATE {table} SET {field.column} = %s WHERE {pk} = %s", [token, row_pk])
                    before[(table, field.column, str(row_pk))] = token
    assert before
    settings.OLD_FIELD_ENCRYPTION_KEY = "the-old-key"
    totals = rotate_all(report=lambda line: None)
    assert sum(counts["rotated"] for counts in totals.values()) > 0
    with connection.cursor() as cursor:
        for (table, column, row_pk), token in before.items():
            pk = next(m._meta.pk.column for m, _ in encrypted_columns() if m._meta.db_table == table)
            cursor.execute(f"SELECT {column} FROM {table} WHERE {pk}::text = %s", [row_pk])
            assert bytes(cursor.fetchone()[0]) != token
    assert FanMemory.objects.get(event_id="m1").message_content == "my dog Rex loves walks"
    again = rotate_all(report=lambda line: None)
    assert sum(counts["rotated"] for counts in again.values()) == 0


def test_a_withdrawal_wins_over_a_cached_consent(api, redis_client):
    post(api, message("m1", fan_id=FAN))
    api.get(f"/api/v1/fans/{FAN}/context/")  # caches the consent part
    assert redis_client.exists(keys.fan_key("creator_a", FAN, "consent"))
    api.put(f"/api/v1/fans/{FAN}/consent/", {"memory": False}, format="json")
    response = post(api, message("m2", fan_id=FAN))
    assert response.status_code == 403 and not FanMemory.objects.filter(event_id="m2").exists()


def test_an_erasure_with_redis_down_stays_open_until_the_cache_is_cleared(api, redis_client, settings):
    from gdpr.models import ErasureRequest
    from gdpr.services import erasures_retry

    fill_fan(api)
    before = count_rows()
    cached = len(creator_a_keys(redis_client))
    with redis_unreachable(settings):
        body = api.post(f"/api/v1/fans/{FAN}/erasure/").json()
    erasure = ErasureRequest.objects.get(pk=body["request_id"])
    assert erasure.status == "failed" and all(count == 0 for count in count_rows().values())
    assert len(creator_a_keys(redis_client)) == cached  # still there: the request must stay open
    ErasureRequest.objects.filter(pk=erasure.pk).update(requested_at=timezone.now() - timedelta(minutes=10))
    erasures_retry()
    erasure.refresh_from_db()
    assert erasure.status == "done" and erasure.pending_fan_id is None
    assert creator_a_keys(redis_client) == [] and erasure.proof["tables"] == before
    assert erasure.proof["cache_keys_removed"] == cached


def test_delete_with_redis_down_leaves_an_erasure_request_to_clear_the_cache(api, settings):
    from gdpr.models import ErasureRequest

    fill_fan(api)
    with redis_unreachable(settings):
        assert api.delete(f"/api/v1/fans/{FAN}/").status_code == 204
        assert all(count == 0 for count in count_rows().values())
        assert ErasureRequest.objects.get(creator_id="creator_a").status == "failed"  # retried by beat
