from django.urls import path

import core.converters  # noqa: F401  (registers the "fan" path converter)

from . import views

urlpatterns = [
    path("fans/<fan:fan_id>/export/", views.FanExportView.as_view(), name="fan-export"),
    path("fans/<fan:fan_id>/erasure/", views.FanErasureView.as_view(), name="fan-erasure"),
    path("fans/<fan:fan_id>/consent/", views.FanConsentView.as_view(), name="fan-consent"),
    path("gdpr/erasure-requests/<uuid:request_id>/", views.ErasureRequestView.as_view(), name="erasure-request"),
]
