"""Audited support access. Support staff read a fan's memory only through the fan lookup, after
giving a reason; GDPR admins can also export and erase there. Every view, export and erasure
is written to the append-only access log."""
import orjson
from django import forms
from django.contrib import admin
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from core.validators import platform_id_validator
from gdpr.models import AccessAction
from gdpr.services import access_record, fan_data_export
from memory.selectors import fan_messages

from . import actions


class FanLookupForm(forms.Form):
    creator_id = forms.CharField(max_length=255, validators=[platform_id_validator])
    fan_id = forms.CharField(max_length=255, validators=[platform_id_validator])
    reason = forms.CharField(max_length=200, min_length=3, help_text="Ticket id or reason: written to the access log.")
    action = forms.ChoiceField(choices=AccessAction.choices, initial=AccessAction.VIEW, widget=forms.HiddenInput)


class FanLookupView(PermissionRequiredMixin, View):
    permission_required = "gdpr.read_fan_memory"
    template_name = "admin/fans/fan_lookup.html"
    action_permissions = {AccessAction.VIEW: "gdpr.read_fan_memory", AccessAction.EXPORT: "gdpr.export_fan_data",
                          AccessAction.ERASE: "gdpr.erase_fan_data"}

    def get(self, request):
        return self._page(request, FanLookupForm(initial={"action": AccessAction.VIEW}))

    def post(self, request):
        form = FanLookupForm(request.POST)
        if not form.is_valid():
            return self._page(request, form)
        data = form.cleaned_data
        if not request.user.has_perm(self.action_permissions[data["action"]]):
            return self.handle_no_permission()
        access_record(staff=request.user, action=data["action"], creator_id=data["creator_id"],
                      fan_id=data["fan_id"], reason=data["reason"])
        return getattr(self, f"_{data['action']}")(request, form, data)

    def _view(self, request, form, data):
        messages = fan_messages(creator_id=data["creator_id"], fan_id=data["fan_id"])
        return self._page(request, form, messages=messages, looked_up=True)

    def _export(self, request, form, data):
        document = orjson.dumps(fan_data_export(creator_id=data["creator_id"], fan_id=data["fan_id"]), default=str)
        response = HttpResponse(document, content_type="application/json")
        response["Content-Disposition"] = "attachment; filename=fan-export.json"
        return response

    def _erase(self, request, form, data):
        erasure = actions.fan_erase_requested(creator_id=data["creator_id"], fan_id=data["fan_id"],
                                              requested_by=request.user.get_username())
        return self._page(request, form, erasure=erasure)

    def _page(self, request, form, **extra):
        context = {**admin.site.each_context(request), "title": "Fan lookup", "form": form,
                   "can_export": request.user.has_perm("gdpr.export_fan_data"),
                   "can_erase": request.user.has_perm("gdpr.erase_fan_data"), **extra}
        return render(request, self.template_name, context)
