"""schemathesis against the live server: the published schema is what the API does. Every phase
(examples, coverage, fuzzing, stateful through the schema's links) with every response check:
status codes, content types, headers and bodies conform, and no 5xx."""
import json
import subprocess
import sys
from pathlib import Path

import schemathesis

from core.services import api_key_create

HERE = Path(__file__).parent
ST = Path(sys.executable).parent / "st"


def seed_rich_fan(server, key: str) -> None:
    """A fan with every part filled, so the answers checked against the schema are not only defaults."""
    events = [
        {"type": "message", "message": {"content": "btw I am Kevin, 34, from Lyon. are you a bot?", "sender": "fan"}},
        {"type": "message", "message": {"content": "hey you 😘", "sender": "ai"}},
        {"type": "purchase", "purchase": {"kind": "ppv", "amount": "250.00", "currency": "USD", "category": "gym"}},
        {"type": "message", "message": {"content": "I love your new pics 😍", "sender": "fan"}},
    ]
    for number, event in enumerate(events):
        status, _ = server.request("/api/v1/interactions/", {"event_id": f"seed-{number}", "fan_id": "f_seed", **event},
                                   key=key)
        assert status == 201
    assert server.request("/api/v1/fans/f_seed/notes/", {"text": "Prefers voice notes"}, key=key)[0] == 201


def test_populated_answers_conform_to_the_schema(live):
    key = api_key_create(creator_id="st-creator")
    seed_rich_fan(live, key)
    schema = schemathesis.openapi.from_url(f"{live.url}/api/schema/")
    checked = 0
    for operation in schema.get_all_operations():
        operation = operation.ok()
        if operation.method.upper() == "GET" and "fan_id" in operation.path and operation.path.count("{") == 1:
            case = operation.Case(path_parameters={"fan_id": "f_seed"}, headers={"Authorization": f"Bearer {key}"})
            case.call_and_validate(base_url=live.url)
            checked += 1
    assert checked >= 12


def test_schemathesis_finds_no_failure_and_no_server_error(live, tmp_path):
    key = api_key_create(creator_id="st-creator")
    seed_rich_fan(live, key)
    har, report = tmp_path / "run.har", tmp_path / "run.json"
    result = subprocess.run(
        [ST, "--config-file", HERE / "schemathesis.toml", "run", f"{live.url}/api/schema/",
         "-H", f"Authorization: Bearer {key}", "--seed", "14", "--report", "har,json",
         "--report-har-path", har, "--report-json-path", report],
        capture_output=True, text=True, timeout=600)
    entries = json.loads(har.read_text())["log"]["entries"]
    server_errors = [entry["request"]["url"] for entry in entries if entry["response"]["status"] >= 500]
    summary = json.loads(report.read_text())
    print(f"schemathesis: {len(entries)} requests, {summary['test_cases']['generated']} test cases, "
          f"{summary['test_cases']['unique_failures']} failures, {len(server_errors)} 5xx")
    print(result.stdout[-3000:])
    assert result.returncode == 0, result.stdout[-20000:]
    assert not server_errors and summary["test_cases"]["unique_failures"] == 0
    assert summary["operations"]["tested"] == summary["operations"]["total"]
