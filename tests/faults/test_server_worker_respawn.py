"""A server worker killed by SIGKILL (the OOM killer, a crash) is replaced; the server keeps answering.

granian (2.8.7) still exits when the worker in one slot dies again within 5.5 s of its respawn
(its crash-loop rule): a test that kills twice kills another slot or waits longer.
"""
import os
import signal

RECOVERY_SECONDS = 20


def test_a_killed_worker_is_replaced_and_the_server_keeps_answering(server):
    victim = server.worker_pids()[0]
    os.kill(victim, signal.SIGKILL)

    def replaced():
        workers = server.worker_pids()
        return victim not in workers and len(workers) == 2 and server.workers_started()
    server.wait_until(replaced, RECOVERY_SECONDS, what=f"a new worker started in place of {victim}")

    streak = 0

    def forty_in_a_row():
        nonlocal streak
        streak = streak + 1 if server.request("/healthz")[0] == 200 else 0
        return streak == 40
    server.wait_until(forty_in_a_row, RECOVERY_SECONDS, interval=0.01, what="40 answers 200 in a row from /healthz")
    assert server.alive()
