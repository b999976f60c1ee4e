"""Routes of the emotions app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

import core.converters  # noqa: F401  (registers the "fan" path converter)

from . import views

urlpatterns = [
    path("emotions/analyze/", views.AnalyzeView.as_view(), name="emotions-analyze"),
    path("fans/<fan:fan_id>/disengagement/", views.DisengagementView.as_view(), name="fan-disengagement"),
]
