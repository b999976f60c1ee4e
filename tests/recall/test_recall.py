"""Long-term recall: the index, the endpoint, the context's relevant memories, and the fan's rights."""
from datetime import timedelta

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core.crypto import derive_field_key
from fans import tasks
from memory import selectors as memory_selectors
from memory.models import InteractionEvent
from recall import embedding
from recall import selectors as recall_selectors
from recall.models import IndexEntry
from tests.conftest import message, post

FAN = "f_1"
CHAT = [
    ("fan", "My sister Clara is getting married in Lisbon next summer"),
    ("creator", "Oh that sounds lovely! Are you going?"),
    ("fan", "Yes, I am the best man, I need to write a speech"),
    ("fan", "J'ai adopté deux chatons la semaine dernière, ils s'appellent Pixel et Miette"),
    ("creator", "Trop mignon ! Ils ont quel âge ?"),
    ("fan", "I work night shifts at the hospital, so I sleep during the day"),
] + [("fan", f"just chatting about nothing in particular, number {n}") for n in range(60)]


def save_chat(api, fan_id=FAN, start=None):
    start = start or timezone.now() - timedelta(days=200)
    for number, (sender, content) in enumerate(CHAT):
        at = (start + timedelta(minutes=number)).isoformat()
        assert post(api, message(f"{fan_id}-m{number}", fan_id=fan_id, content=content, sender=sender,
                                 occurred_at=at)).status_code == 201


def recall(api, query, fan_id=FAN, **extra):
    return api.post(f"/api/v1/fans/{fan_id}/recall/", {"query": query, **extra}, format="json")


def contents(answer):
    return [result["content"] for result in answer.json()["results"]]


def test_recall_finds_old_messages_by_their_words_and_word_forms_in_english_and_french(api):
    save_chat(api)
    answer = recall(api, "When is the wedding of his sister?", k=3)
    assert answer.status_code == 200 and answer.json()["pending"] == 0
    assert contents(answer)[0] == CHAT[0][1]
    assert CHAT[3][1] in contents(recall(api, "il a adopté un chaton ?", k=3))  # chatons -> chaton
    assert CHAT[5][1] in contents(recall(api, "works nights in a hospital", k=3))  # shifts, works -> work
    first = recall(api, "speech", k=1).json()["results"][0]
    assert set(first) == {"event_id", "content", "sender", "timestamp", "score"} and first["sender"] == "fan"


def test_recall_finds_old_messages_by_their_meaning_in_english_and_french(api):
    save_chat(api)  # none of these queries shares a word stem with the message it must find
    assert contents(recall(api, "a wedding in Portugal", k=1)) == [CHAT[0][1]]
    assert contents(recall(api, "de nouveaux animaux à la maison", k=1)) == [CHAT[3][1]]
    assert contents(recall(api, "my bank account details")) == []  # related to nothing said


def test_recall_filters_by_date_and_sender_and_ranks_best_first(api):
    save_chat(api)
    everything = recall(api, "wedding sister speech married", k=10).json()["results"]
    assert [r["score"] for r in everything] == sorted((r["score"] for r in everything), reverse=True)
    assert all(r["sender"] == "creator" for r in recall(api, "going lovely mignon", sender="creator").json()["results"])
    late = timezone.now() - timedelta(days=1)
    assert recall(api, "sister", after=late.isoformat()).json()["results"] == []
    assert contents(recall(api, "sister", before=late.date().isoformat()))[0] == CHAT[0][1]
    assert recall(api, "sister", after=late.isoformat(), before=late.isoformat()).json()["results"] == []


def test_a_query_that_names_someone_favours_what_they_wrote(api):
    """By the sender name the platform sent, or for the fan by their name fact."""
    save_chat(api)
    save_chat(api, fan_id="f_2")
    start = timezone.now() - timedelta(days=30)
    lines = [("creator", "Lea", "I went hiking in the mountains last month"),
             ("fan", "Dana", "I went hiking in the mountains last weekend")]
    for number, (sender, name, content) in enumerate(lines):
        at = (start + timedelta(minutes=number)).isoformat()
        assert post(api, message(f"named-{number}", content=content, sender=sender, occurred_at=at,
                                 metadata={"sender_name": name})).status_code == 201
        assert post(api, message(f"unnamed-{number}", fan_id="f_2", content=content, sender=sender,
                                 occurred_at=at)).status_code == 201
    assert contents(recall(api, "Where did Dana go hiking?", k=1)) == [lines[1][2]]
    assert contents(recall(api, "Where did Lea go hiking?", k=1)) == [lines[0][2]]
    assert contents(recall(api, "Where did Dana go hiking?", fan_id="f_2", k=1)) == [lines[0][2]]  # Dana unknown
    assert api.post("/api/v1/fans/f_2/facts/", {"kind": "name", "value": "Dana"}, format="json").status_code == 201
    assert contents(recall(api, "Where did Dana go hiking?", fan_id="f_2", k=1)) == [lines[1][2]]


def test_a_query_that_names_a_time_favours_the_messages_of_that_time(api):
    save_chat(api)
    now = timezone.now()
    for event_id, days_ago in (("gym-old", 120), ("gym-recent", 35), ("gym-yesterday", 1)):
        post(api, message(event_id, content="back from the gym, leg day was brutal",
                          occurred_at=(now - timedelta(days=days_ago)).isoformat()))
    first = lambda query: recall(api, query, k=1).json()["results"][0]["event_id"]  # noqa: E731
    assert first("how was the gym yesterday?") == "gym-yesterday"
    assert first("comment c'était la salle de sport il y a un mois ?") == "gym-recent"
    assert first("the gym four months ago") == "gym-old"


def test_context_with_a_query_adds_relevant_memories_not_in_recent_messages(api):
    save_chat(api)
    plain = api.get(f"/api/v1/fans/{FAN}/context/").json()
    assert "relevant_memories" not in plain
    context = api.get(f"/api/v1/fans/{FAN}/context/", {"query": "how was the wedding in Lisbon?", "recall": 2}).json()
    recent = {m["event_id"] for m in context["recent_messages"]}
    assert context["relevant_memories"][0]["content"] == CHAT[0][1]
    assert len(context["relevant_memories"]) <= 2 and not recent & {m["event_id"] for m in context["relevant_memories"]}
    bulk = api.post("/api/v1/fans/bulk-context/", {"fan_ids": [FAN, "f_2"], "queries": {FAN: "chatons"}},
                    format="json").json()["results"]
    assert bulk[FAN]["relevant_memories"][0]["content"] == CHAT[3][1] and "relevant_memories" not in bulk["f_2"]


@pytest.mark.parametrize("body", [{"query": ""}, {"query": "   "}, {"query": "x" * 2001}, {"query": "a", "k": 0},
                                  {"query": "a", "k": 51}, {"query": "a", "before": "yesterday"},
                                  {"query": "a", "sender": "bot"}, {"query": "a", "extra": 1}, {}])
def test_bad_recall_input_is_a_400_in_the_envelope(api, body):
    answer = api.post(f"/api/v1/fans/{FAN}/recall/", body, format="json")
    assert answer.status_code == 400 and answer.json()["error"]["type"] == "INVALID_DATA"


def test_bad_context_queries_are_400s(api):
    assert api.get(f"/api/v1/fans/{FAN}/context/", {"query": "x" * 2001}).status_code == 400
    answer = api.post("/api/v1/fans/bulk-context/", {"fan_ids": ["f_2"], "queries": {"f_2": "x" * 2001}}, format="json")
    assert answer.status_code == 400 and "queries" in answer.json()["error"]["fields"]


def test_an_unknown_fan_and_another_creator_recall_nothing(api, other_api):
    save_chat(api)
    assert contents(recall(api, "sister"))
    assert recall(api, "sister", fan_id="nobody").json() == {"results": [], "pending": 0}
    assert recall(other_api, "sister").json() == {"results": [], "pending": 0}


def test_the_index_holds_no_word_in_clear(api):
    save_chat(api)
    with connection.cursor() as cursor:
        cursor.execute("SELECT terms, key_id FROM recall_index_entries")
        rows = cursor.fetchall()
    assert len(rows) == len(CHAT)
    for terms, key_id in rows:
        for word in (b"lisbon", b"clara", b"hospit", b"chaton", b"wedding", b"marri"):
            assert word not in bytes(terms).lower() and word not in key_id.encode()


def test_stored_vectors_are_turned_by_the_key_and_cannot_be_matched_against_the_public_table(api):
    save_chat(api)
    entry = IndexEntry.objects.get(event_id=f"{FAN}-m0")
    stored = np.frombuffer(bytes(entry.vector), dtype=np.int8) / 127
    public = embedding.meaning(CHAT[0][1])
    assert abs(stored @ public) < 0.3 < stored @ embedding.query_vector(CHAT[0][1], entry.key_id, "creator_a")
    another_creator = embedding.query_vector(CHAT[0][1], entry.key_id, "creator_b")
    assert abs(stored @ another_creator) < 0.3


def test_erasure_leaves_no_index_row_and_recall_answers_empty(api):
    save_chat(api)
    assert contents(recall(api, "sister"))
    assert api.delete(f"/api/v1/fans/{FAN}/").status_code == 204
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM recall_index_entries WHERE fan_id = %s", [FAN])
        assert cursor.fetchone()[0] == 0
    assert recall(api, "sister").json() == {"results": [], "pending": 0}


def test_a_search_sees_entries_indexed_or_erased_since_the_last_one(api):
    """The fan's arrays are kept in the process between searches: never stale, even where the
    message fetch would hide it."""
    save_chat(api)
    assert search("creator_a", FAN, "sister")[0].event_id == f"{FAN}-m0"
    post(api, message("later", fan_id=FAN, content="my sister sent the invitations today"))
    assert "later" in [hit.event_id for hit in search("creator_a", FAN, "sister")]
    assert api.delete(f"/api/v1/fans/{FAN}/").status_code == 204
    assert search("creator_a", FAN, "sister") == []


def test_entries_added_since_are_appended_to_the_kept_arrays_as_a_fresh_read_would_give_them(api):
    save_chat(api)
    kept = recall_selectors.fan_index("creator_a", FAN)
    post(api, message("later", fan_id=FAN, content="Clara sent the invitations", metadata={"sender_name": "Sam"}))
    post(api, message("reply", fan_id=FAN, content="lovely", sender="creator", metadata={"sender_name": "Mia"}))
    reads = []
    with connection.execute_wrapper(lambda execute, sql, params, many, context: reads.append(params)
                                    or execute(sql, params, many, context)):
        appended = recall_selectors.fan_index("creator_a", FAN)
    assert reads[-1] == ["creator_a", FAN, kept.stamp[1]]  # only the entries after the kept ones were read
    recall_selectors._cache.clear()
    fresh = recall_selectors.fan_index("creator_a", FAN)
    assert appended is not kept and appended.event_ids == fresh.event_ids and appended.stamp == fresh.stamp
    for name in ("senders", "times", "sessions", "lengths", "token_hashes", "token_owners", "token_keys", "vectors",
                 "vector_keys", "speakers"):
        assert np.array_equal(getattr(appended, name), getattr(fresh, name)), name
    assert appended.speaker_names == fresh.speaker_names


def test_an_entry_gone_while_another_came_is_never_served_from_the_kept_arrays(api):
    save_chat(api)
    assert search("creator_a", FAN, "sister")[0].event_id == f"{FAN}-m0"
    IndexEntry.objects.filter(event_id=f"{FAN}-m0").delete()  # as retention does, beside a new message
    post(api, message("later", fan_id=FAN, content="nothing about family"))
    assert f"{FAN}-m0" not in [hit.event_id for hit in search("creator_a", FAN, "sister")]


def search(creator_id, fan_id, query):
    return recall_selectors.search(creator_id=creator_id, fan_id=fan_id, query=query, k=10)


def test_retention_drops_index_rows_with_their_messages(api, settings):
    save_chat(api, start=timezone.now() - timedelta(days=400))
    post(api, message("fresh", fan_id=FAN, content="the wedding photos are finally here"))
    settings.FANMEMORY = {**settings.FANMEMORY, "RETENTION_MONTHS": 12}
    tasks.cleanup_old_memories()
    assert list(IndexEntry.objects.values_list("event_id", flat=True)) == ["fresh"]
    assert contents(recall(api, "wedding")) == ["the wedding photos are finally here"]


def forget_index():
    """As for history saved before the index existed: no entries, no event marked by the recall learner."""
    IndexEntry.objects.all().delete()
    for event in InteractionEvent.objects.all():
        event.learned = [name for name in event.learned if name != "recall"]
        event.save(update_fields=["learned"])


def test_reindex_builds_the_index_of_older_history_and_is_resumable(api):
    save_chat(api)
    forget_index()
    assert recall(api, "sister").json() == {"results": [], "pending": len(CHAT)}
    call_command("reindex_memories", "--creator", "creator_a")
    answer = recall(api, "sister").json()
    assert answer["pending"] == 0 and answer["results"][0]["content"] == CHAT[0][1]
    call_command("reindex_memories")  # nothing left to do
    assert IndexEntry.objects.count() == len(CHAT)


def test_the_pending_count_reads_its_partial_index_and_no_table_row(api):
    save_chat(api)
    forget_index()
    statements = []
    with connection.execute_wrapper(lambda execute, sql, params, many, context: statements.append((sql, params))
                                    or execute(sql, params, many, context)):
        assert memory_selectors.messages_waiting_for_recall(creator_id="creator_a", fan_id=FAN) == len(CHAT)
    (sql, params), = statements
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using event_waiting_for_recall" in plan, plan


def test_reindex_stale_brings_entries_of_an_older_format_up_to_date(api):
    save_chat(api, fan_id="f_2")
    IndexEntry.objects.update(format=1, vector=b"", speaker=b"")  # as saved before vectors and speakers
    call_command("reindex_memories")
    assert IndexEntry.objects.filter(format=1).count() == len(CHAT)  # nothing missing: nothing done
    call_command("reindex_memories", "--stale", "--creator", "creator_a")
    assert not IndexEntry.objects.filter(format=1).exists()
    assert all(len(bytes(entry.vector)) == embedding.dimensions() for entry in IndexEntry.objects.all())


def test_withdrawn_memory_consent_indexes_nothing(api):
    save_chat(api)
    forget_index()
    assert api.put(f"/api/v1/fans/{FAN}/consent/", {"memory": False}, format="json").status_code == 200
    call_command("reindex_memories")
    assert IndexEntry.objects.count() == 0


def test_key_rotation_keeps_recall_working(api, settings):
    save_chat(api)
    current = settings.FIELD_ENCRYPTION_KEY
    assert derive_field_key(current) == settings.CRYPTOGRAPHY_KEY
    settings.OLD_FIELD_ENCRYPTION_KEY = current
    settings.CRYPTOGRAPHY_KEY = derive_field_key("a new long random field encryption key, rotated in")
    post(api, message("after-rotation", fan_id=FAN, content="the wedding cake was delicious"))
    assert IndexEntry.objects.values("key_id").distinct().count() == 2
    found = contents(recall(api, "wedding cake sister married", k=2))
    assert set(found) == {CHAT[0][1], "the wedding cake was delicious"}
    call_command("reindex_memories", "--stale")  # the rotation finished: every entry under the new key
    assert IndexEntry.objects.values("key_id").distinct().count() == 1
    assert set(contents(recall(api, "wedding cake sister married", k=2))) == set(found)


def test_messages_left_by_a_failed_run_are_indexed_by_the_sweep(api, monkeypatch):
    from dataclasses import replace

    from fans import learning
    broken = tuple(replace(learner, learn=_raise) if learner.name == "recall" else learner for learner in learning.LEARNERS)
    monkeypatch.setattr(learning, "LEARNERS", broken)
    post(api, message("m1", fan_id=FAN, content="my sister is getting married"))
    assert recall(api, "married").json() == {"results": [], "pending": 1}
    monkeypatch.undo()
    InteractionEvent.objects.update(received_at=timezone.now() - timedelta(minutes=5))
    assert tasks.sweep_unlearned() == 1
    assert recall(api, "married").json()["pending"] == 0 and contents(recall(api, "married"))


def _raise(given):
    raise RuntimeError("recall is broken")


def test_the_export_holds_the_index_entries_and_the_erasure_proof_counts_them(api):
    save_chat(api)
    document = api.get(f"/api/v1/fans/{FAN}/export/")
    assert document.status_code == 200 and len(document.json()["data"]["recall_index_entries"]) == len(CHAT)
    request = api.post(f"/api/v1/fans/{FAN}/erasure/").json()
    proof = api.get(f"/api/v1/gdpr/erasure-requests/{request['request_id']}/").json()["proof"]
    assert proof["tables"]["recall_index_entries"] == len(CHAT)


def test_a_fan_outside_the_rollout_share_is_recalled_nothing(api):
    from core import rollout
    from core.models import Creator

    save_chat(api)
    Creator.objects.filter(pk="creator_a").update(rollout_percent=0)
    rollout.forget()
    assert recall(api, "sister").json() == {"results": [], "pending": 0}
    Creator.objects.filter(pk="creator_a").update(rollout_percent=100)
    rollout.forget()
    assert contents(recall(api, "sister"))


def test_entries_under_a_retired_key_match_nothing_and_break_nothing(api, settings):
    save_chat(api)
    settings.CRYPTOGRAPHY_KEY = derive_field_key("a new long random field encryption key, the old one retired")
    answer = recall(api, "sister")
    assert answer.status_code == 200 and answer.json()["results"] == []
