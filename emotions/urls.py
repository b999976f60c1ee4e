"""Routes of the emotions app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("emotions/analyze/", views.AnalyzeView.as_view(), name="emotions-analyze"),
    path("fans/<str:fan_id>/emotional-state/", views.EmotionalStateView.as_view(), name="fan-emotional-state"),
    path("fans/<str:fan_id>/disengagement/", views.DisengagementView.as_view(), name="fan-disengagement"),
]
