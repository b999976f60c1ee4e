"""Routes of the preferences app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

from .views import PreferencesView

urlpatterns = [
    path("fans/<str:fan_id>/preferences/", PreferencesView.as_view(), name="fan-preferences"),
]
