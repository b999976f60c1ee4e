"""Routes of the facts app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("fans/<str:fan_id>/facts/", views.FactListView.as_view(), name="fan-facts"),
    path("fans/<str:fan_id>/facts/<uuid:fact_id>/", views.FactDetailView.as_view(), name="fan-fact"),
    path("fans/<str:fan_id>/notes/", views.NoteListView.as_view(), name="fan-notes"),
    path("fans/<str:fan_id>/notes/<uuid:note_id>/", views.NoteDetailView.as_view(), name="fan-note"),
    path("fans/<str:fan_id>/flags/", views.FlagListView.as_view(), name="fan-flags"),
    path("fans/<str:fan_id>/flags/<uuid:flag_id>/resolve/", views.FlagResolveView.as_view(), name="fan-flag-resolve"),
    path("fans/<str:fan_id>/segment/", views.SegmentView.as_view(), name="fan-segment"),
]
