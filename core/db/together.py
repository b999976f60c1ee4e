"""Rows written in one statement, one round trip: data-modifying CTEs whose parts are compiled by
Django's own compilers, so every field is prepared (defaulted, timestamped, encrypted) as
Model.save would prepare it."""
from django.db import connection
from django.db.models import Model, sql


def save_together(*, updated: Model, inserted: list[Model], relaxed: bool) -> int:
    """Update `updated`, insert each of `inserted`, and return the new pk of the first inserted;
    `relaxed`: the transaction's commit does not wait for its WAL flush (SET LOCAL synchronous_commit
    off). Inside the caller's transaction; a constraint violation fails the whole statement."""
    parts = [_update(updated), _insert(inserted[0], returning=True), *(_insert(row) for row in inserted[1:])]
    writes = ", ".join(f"write_{n} AS ({statement})" for n, (statement, _) in enumerate(parts))
    relax = ", set_config('synchronous_commit', 'off', true)" if relaxed else ""
    pk_column = connection.ops.quote_name(inserted[0]._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {writes} SELECT {pk_column}{relax} FROM write_1",
                       [param for _, params in parts for param in params])
        pk = cursor.fetchone()[0]
    inserted[0].pk = pk
    return pk


def _insert(row: Model, returning: bool = False) -> tuple[str, tuple]:
    meta = row._meta
    query = sql.InsertQuery(type(row))
    query.insert_values([field for field in meta.local_concrete_fields if field is not meta.auto_field], [row])
    compiler = query.get_compiler(connection=connection)
    compiler.returning_fields = [meta.pk] if returning else None
    (statement, params), = compiler.as_sql()
    return statement, params


def _update(row: Model) -> tuple[str, tuple]:
    query = sql.UpdateQuery(type(row))
    query.add_update_fields([(field, None, field.pre_save(row, False))
                             for field in row._meta.local_concrete_fields if not field.primary_key])
    query.add_filter("pk", row.pk)
    return query.get_compiler(connection=connection).as_sql()
