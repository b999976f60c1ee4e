"""Routes of the personality app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("fans/<str:fan_id>/personality/", views.PersonalityView.as_view(), name="fan-personality"),
    path("fans/<str:fan_id>/personality/calibrate/", views.CalibrateView.as_view(), name="fan-personality-calibrate"),
    path("fans/<str:fan_id>/personality/feedback/", views.FeedbackView.as_view(), name="fan-personality-feedback"),
    path("fans/<str:fan_id>/response-style/", views.ResponseStyleView.as_view(), name="fan-response-style"),
]
