"""Fact and flag extraction from one message: pure functions, no database, nothing fetched."""
