"""ops/alerts.yml is valid, its unit tests pass, and it watches only metrics the service exports."""
import re
import shutil
import subprocess

from tests.faults.processes import ROOT

OPS = ROOT / "ops"
TOKEN = "alerts-metrics-token"


def promtool(*args) -> subprocess.CompletedProcess:
    binary = shutil.which("promtool")
    assert binary, "promtool is missing: `make test` installs it (Debian's prometheus package)"
    return subprocess.run([binary, *args], cwd=OPS, capture_output=True, text=True, timeout=60)


def test_the_rules_are_valid():
    result = promtool("check", "rules", "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_alert_fires_on_its_example_series_and_only_there():
    result = promtool("test", "rules", "alerts_test.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    alerts = set(re.findall(r"- alert: (\w+)", (OPS / "alerts.yml").read_text()))
    tested = set(re.findall(r"alertname: (\w+)", (OPS / "alerts_test.yml").read_text()))
    assert alerts == tested and len(alerts) == 7


def test_the_rules_use_only_exported_metrics(db, client, settings):
    settings.METRICS_TOKEN = TOKEN
    text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    exported = set(re.findall(r"^# TYPE (\w+) ", text, re.MULTILINE))
    used = {re.sub(r"_bucket$", "", name) for name in re.findall(r"fanmemory_\w+", (OPS / "alerts.yml").read_text())}
    assert used and used <= exported, used - exported
