"""Routes of the coordinator, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path
from rest_framework.routers import SimpleRouter

import core.converters  # noqa: F401  (registers the "fan" path converter)

from . import views

router = SimpleRouter(trailing_slash=True)
router.register("interactions", views.InteractionViewSet, basename="interactions")
router.register("fans", views.FanViewSet, basename="fans")

urlpatterns = [
    *router.urls,
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("fans/<fan:fan_id>/personality/", views.PersonalityView.as_view(), name="fan-personality"),
    path("fans/<fan:fan_id>/preferences/", views.PreferencesView.as_view(), name="fan-preferences"),
    path("fans/<fan:fan_id>/preferences/<str:category>/", views.PreferenceScoreView.as_view(),
         name="fan-preference-score"),
    path("fans/<fan:fan_id>/personality/calibrate/", views.CalibrateView.as_view(), name="fan-personality-calibrate"),
    path("fans/<fan:fan_id>/personality/feedback/", views.ToneFeedbackView.as_view(), name="fan-personality-feedback"),
    path("fans/<fan:fan_id>/response-style/", views.ResponseStyleView.as_view(), name="fan-response-style"),
    path("fans/<fan:fan_id>/emotional-state/", views.EmotionalStateView.as_view(), name="fan-emotional-state"),
    path("fans/<fan:fan_id>/recall/", views.RecallView.as_view(), name="fan-recall"),
    path("fans/<fan:fan_id>/recommendations/", views.RecommendationsView.as_view(), name="fan-recommendations"),
]
