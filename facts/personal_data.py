"""Fan data of the facts app (registered here as its models land)."""
