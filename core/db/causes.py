"""Why a connection to PostgreSQL failed, in words an operator can act on (libpq's message read,
never shown to API clients). A refused login is not an outage of the server."""

LOGIN = "authentication failed: check the user and password in DATABASE_URL"
NO_DATABASE = "the database does not exist: `make migrate` creates it"
UNREACHABLE = "unreachable"


def connection_cause(message: str) -> str:
    text = message.lower()
    if "authentication failed" in text or "no password supplied" in text or (
            "role" in text and "does not exist" in text):
        return LOGIN
    if "database" in text and "does not exist" in text:
        return NO_DATABASE
    return UNREACHABLE
