"""Routes of the personality app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("fans/<str:fan_id>/personality/", views.PersonalityView.as_view(), name="fan-personality"),
]
