"""Routes of the facts app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

import core.converters  # noqa: F401  (registers the "fan" path converter)

from . import views

urlpatterns = [
    path("fans/<fan:fan_id>/facts/", views.FactListView.as_view(), name="fan-facts"),
    path("fans/<fan:fan_id>/facts/<uuid:fact_id>/", views.FactDetailView.as_view(), name="fan-fact"),
    path("fans/<fan:fan_id>/notes/", views.NoteListView.as_view(), name="fan-notes"),
    path("fans/<fan:fan_id>/notes/<uuid:note_id>/", views.NoteDetailView.as_view(), name="fan-note"),
    path("fans/<fan:fan_id>/flags/", views.FlagListView.as_view(), name="fan-flags"),
    path("fans/<fan:fan_id>/flags/<uuid:flag_id>/resolve/", views.FlagResolveView.as_view(), name="fan-flag-resolve"),
    path("fans/<fan:fan_id>/segment/", views.SegmentView.as_view(), name="fan-segment"),
]
