"""Whether a process loads its models (the emotion model, recall's word table) when it starts, so
that its first requests pay no load time: yes, unless WARMUP says no or the command never analyses
or recalls a message."""
import os
import sys

COLD_COMMANDS = {"migrate", "makemigrations", "showmigrations", "check", "collectstatic", "ensure_database",
                 "train_emotion_model", "build_recall_embedding", "create_api_key", "sqlmigrate"}


def wanted() -> bool:
    if os.environ.get("WARMUP", "true").lower() in ("0", "false", "no"):
        return False
    return not (len(sys.argv) > 1 and sys.argv[1] in COLD_COMMANDS)
