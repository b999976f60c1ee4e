"""What a real Celery worker does shows on its own /metrics; the switches reach a real server."""
import re
import urllib.error
import urllib.request

from .processes import CeleryWorker, LiveServer, free_port, wait_until
from .support import message

TOKEN = "worker-metrics-token"
FAN = "f_worker_metrics"
MESSAGES = 6  # the profile is calibrated at the fifth interaction


def scrape(port: int, token: str | None = TOKEN) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/metrics",
                                     headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def sample(text: str, name: str, **labels) -> float:
    """The value of the series `name` with exactly these labels (in any order), 0 when absent."""
    for line in text.splitlines():
        found = re.fullmatch(rf"{name}\{{(.*)\}} (\S+)", line)
        if found and dict(re.findall(r'(\w+)="([^"]*)"', found.group(1))) == labels:
            return float(found.group(2))
    return 0.0


def test_the_worker_exports_what_it_learned(app_env, api_key, start, tmp_path):
    port = free_port()
    env = {**app_env, "METRICS_TOKEN": TOKEN, "WORKER_METRICS_BIND": f"127.0.0.1:{port}"}
    worker = start(CeleryWorker(env, tmp_path / "celery"))
    server = start(LiveServer(env, tmp_path / "server", workers=1))
    for n in range(MESSAGES):
        status, body = server.request("/api/v1/interactions/", message(f"w{n}", FAN, "lol 😂 so good"), key=api_key)
        assert status == 201, body

    def learned_everything():
        status, text = scrape(port)
        return (status == 200 and sample(text, "fanmemory_learning_total", learner="recall", result="ok") == MESSAGES
                and sample(text, "fanmemory_task_seconds_count", task="fans.tasks.learn_new", state="SUCCESS")
                and text)

    text = worker.wait_until(learned_everything, 30, interval=0.2, what="the worker's metrics to count every run")
    for learner in ("emotions", "personality", "preferences", "facts"):
        assert sample(text, "fanmemory_learning_total", learner=learner, result="ok") == MESSAGES, learner
    assert sample(text, "fanmemory_calibrations_total", result="ok") == 1
    assert FAN not in text and "creator_faults" not in text
    assert scrape(port, token=None)[0] == 403 and scrape(port, token="wrong")[0] == 403

    # the web's /metrics holds none of it: each process exports what it did
    status, web = server.request("/metrics", key=TOKEN)
    assert status == 200 and sample(web.decode(), "fanmemory_calibrations_total", result="ok") == 0


def test_a_server_sees_read_only_switched_elsewhere(app_env, api_key, start, tmp_path):
    from django.core.management import call_command

    server = start(LiveServer({**app_env, "SWITCH_CACHE_SECONDS": "1"}, tmp_path / "server", workers=2))
    assert server.request("/api/v1/interactions/", message("r0", FAN, "hi"), key=api_key)[0] == 201
    call_command("rollout", "--read-only", "on")  # this process, as an operator's would
    wait_until(lambda: server.request("/api/v1/interactions/", message("r1", FAN, "hi"), key=api_key)[0] == 503,
               10, interval=0.2, what="the server to refuse writes")
    assert server.request(f"/api/v1/fans/{FAN}/context/", key=api_key)[0] == 200
    call_command("rollout", "--read-only", "off")
    wait_until(lambda: server.request("/api/v1/interactions/", message("r2", FAN, "hi"), key=api_key)[0] == 201,
               10, interval=0.2, what="the server to take writes again")
