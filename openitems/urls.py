"""Routes of the open-items app, relative to api/v1/ (included by config/urls.py)."""
from django.urls import path

import core.converters  # noqa: F401  (registers the "fan" path converter)

from . import views

urlpatterns = [
    path("fans/<fan:fan_id>/open-items/", views.OpenItemListView.as_view(), name="fan-open-items"),
    path("fans/<fan:fan_id>/open-items/<uuid:item_id>/close/", views.OpenItemCloseView.as_view(),
         name="fan-open-item-close"),
]
