"""The fan dossier: support staff read a fan's memory only here, after giving a reason; GDPR admins
can also export and erase, each through a confirmation page. Every page, search, note, resolved
flag, closed open item, export and erasure, and every refused attempt, is written to the
append-only access log.

A lookup hands the browser a sealed token (AES-GCM, core.crypto) naming the creator, the fan, the
reason and the staff member, valid for DOSSIER_SECONDS: the fan id appears in no URL, session
table or log, and a token works only for the person it was given to."""
import base64
import time

import orjson
from django import forms
from django.contrib import admin, messages
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views import View

from core.admin_base import fan_rows_accessed
from core.crypto import SealError, seal, unseal
from core.selectors import creator_exists, fan_on_record
from core.validators import platform_id_validator
from facts import services as facts_services
from gdpr.models import AccessAction
from gdpr.selectors import fan_data_counts
from gdpr.services import access_record, fan_data_export
from openitems import services as openitems_services

from . import actions, charts, dossier

DOSSIER_SECONDS = 3600
READ, EXPORT, ERASE = "gdpr.read_fan_memory", "gdpr.export_fan_data", "gdpr.erase_fan_data"

admin.site.index_template = "admin/fans/index.html"  # the admin index links the dossier


class LookupForm(forms.Form):
    creator_id = forms.CharField(max_length=255, validators=[platform_id_validator])
    fan_id = forms.CharField(max_length=255, validators=[platform_id_validator])
    reason = forms.CharField(max_length=200, min_length=3, help_text="Ticket id or reason: written to the access log.")


class NoteForm(forms.Form):
    text = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "cols": 60}))


class ResolveForm(forms.Form):
    flag_id = forms.UUIDField(widget=forms.HiddenInput)
    why = forms.CharField(max_length=2000, label="Resolution")


class CloseItemForm(forms.Form):
    item_id = forms.UUIDField(widget=forms.HiddenInput)


class EraseForm(forms.Form):
    confirm_fan_id = forms.CharField(max_length=255, label="Type the fan id to confirm")


# --- the grant ----------------------------------------------------------------------------------

def grant_token(request, fan: dossier.Fan, reason: str) -> str:
    grant = {"c": fan.creator_id, "f": fan.fan_id, "r": reason, "u": request.user.pk, "t": int(time.time())}
    return base64.urlsafe_b64encode(seal(orjson.dumps(grant))).decode().rstrip("=")


def granted(request, token: str) -> tuple[dossier.Fan, str]:
    """The fan and reason of a token given to this staff member and still valid; else a 404."""
    try:
        grant = orjson.loads(unseal(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))))
    except (SealError, ValueError):
        raise Http404("No such dossier.") from None
    if grant["u"] != request.user.pk or time.time() - grant["t"] > DOSSIER_SECONDS:
        raise Http404("This dossier link has expired: look the fan up again.")
    return dossier.Fan(grant["c"], grant["f"]), grant["r"]


def logged(request, action: str, fan: dossier.Fan, reason: str, denied: bool = False) -> None:
    access_record(staff=request.user, action=action, creator_id=fan.creator_id, fan_id=fan.fan_id, reason=reason,
                  denied=denied)


@receiver(fan_rows_accessed)
def admin_rows_logged(sender, request, action: str, fans: set, **kwargs) -> None:
    """Every fan whose rows an admin model page showed or changed, once a page."""
    for creator_id, fan_id in sorted(fans):
        access_record(staff=request.user, action=action, creator_id=creator_id, fan_id=fan_id,
                      reason=f"admin page {sender._meta.label_lower}")


def page(request, template: str, title: str, status: int = 200, **context) -> HttpResponse:
    return render(request, f"admin/fans/{template}", {**admin.site.each_context(request), "title": title, **context},
                  status=status)


def refused(request, action: str, token: str | None = None, written: bool = True) -> HttpResponse:
    return page(request, "dossier_denied.html", "Not allowed", status=403, action=action, token=token, written=written)


# --- views ----------------------------------------------------------------------------------------

class LookupView(View):
    """Find a fan by creator and fan id, giving a reason; a row's link fills the ids in."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(READ):
            return refused(request, AccessAction.SEARCH, written=self.log_refused_search(request))
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def log_refused_search(request) -> bool:
        """A refused search is logged when it names a fan of a known creator (a bare page names none)."""
        form = LookupForm(request.POST) if request.method == "POST" else None
        if form is None or not form.is_valid() or not creator_exists(creator_id=form.cleaned_data["creator_id"]):
            return False
        fan = dossier.Fan(form.cleaned_data["creator_id"], form.cleaned_data["fan_id"])
        logged(request, AccessAction.SEARCH, fan, form.cleaned_data["reason"], denied=True)
        return True

    def get(self, request):
        initial = {name: request.GET.get(name, "") for name in ("creator_id", "fan_id")}
        return page(request, "dossier_lookup.html", "Fan dossier", form=LookupForm(initial=initial))

    def post(self, request):
        form = LookupForm(request.POST)
        if not form.is_valid():
            return page(request, "dossier_lookup.html", "Fan dossier", form=form)
        fan, reason = dossier.Fan(form.cleaned_data["creator_id"], form.cleaned_data["fan_id"]), form.cleaned_data["reason"]
        if not creator_exists(creator_id=fan.creator_id):  # nothing was looked at: not logged
            messages.warning(request, f"No creator {fan.creator_id!r}: check the creator id.")
            return page(request, "dossier_lookup.html", "Fan dossier", form=form)
        logged(request, AccessAction.SEARCH, fan, reason)
        if not fan_on_record(creator_id=fan.creator_id, fan_id=fan.fan_id):
            messages.warning(request, f"Creator {fan.creator_id!r} holds nothing on this fan id.")
            return page(request, "dossier_lookup.html", "Fan dossier", form=form)
        return redirect("fan-dossier", token=grant_token(request, fan, form.cleaned_data["reason"]))


class GrantedView(View):
    """A view of one granted dossier; `needs` is the permission of its action, refused attempts are logged."""

    action, needs = AccessAction.VIEW, READ

    def dispatch(self, request, token, *args, **kwargs):
        self.token = token
        self.fan, self.reason = granted(request, token)
        if not request.user.has_perm(READ) or not request.user.has_perm(self.needs):
            logged(request, self.action, self.fan, self.reason, denied=True)
            return refused(request, self.action, token)
        return super().dispatch(request, *args, **kwargs)

    def back(self):
        return redirect("fan-dossier", token=self.token)


class DossierView(GrantedView):
    def get(self, request):
        query = request.GET.get("q", "").strip()
        logged(request, AccessAction.SEARCH if query else AccessAction.VIEW, self.fan, self.reason)
        known = dossier.profile(self.fan)
        all_messages = dossier.messages(self.fan)
        chart = charts.sentiment_svg(dossier.sentiment_points(all_messages),
                                     dossier.signal_times(known["signals"]), timezone.now())
        return page(request, "dossier.html", "Fan dossier", fan=self.fan, reason=self.reason, token=self.token,
                    chart=chart, query=query, note_form=NoteForm(),
                    fan_messages=dossier.message_page(all_messages, query=query, number=request.GET.get("page"),
                                                      zone=known["zone"]),
                    can_export=request.user.has_perm(EXPORT), can_erase=request.user.has_perm(ERASE), **known)


class NoteView(GrantedView):
    action = AccessAction.NOTE

    def post(self, request):
        form = NoteForm(request.POST)
        if form.is_valid():
            logged(request, self.action, self.fan, self.reason)
            facts_services.note_add(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id,
                                    text=form.cleaned_data["text"], author="staff")
            messages.success(request, "Note added.")
        return self.back()


class ResolveView(GrantedView):
    action = AccessAction.RESOLVE

    def post(self, request):
        form = ResolveForm(request.POST)
        if form.is_valid():
            logged(request, self.action, self.fan, self.reason)
            facts_services.flag_resolve(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id,
                                        flag_id=form.cleaned_data["flag_id"],
                                        resolved_by=f"staff:{request.user.get_username()}",
                                        why=form.cleaned_data["why"])
            messages.success(request, "Flag resolved.")
        else:
            messages.error(request, "Give the resolution to resolve a flag.")
        return self.back()


class CloseItemView(GrantedView):
    """Close an open item (a complaint handled, a question answered elsewhere): logged as a resolve."""

    action = AccessAction.RESOLVE

    def post(self, request):
        form = CloseItemForm(request.POST)
        if form.is_valid():
            logged(request, self.action, self.fan, self.reason)
            openitems_services.item_close(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id,
                                          item_id=form.cleaned_data["item_id"],
                                          closed_by=f"staff:{request.user.get_username()}")
            messages.success(request, "Open item closed.")
        return self.back()


class ExportView(GrantedView):
    action, needs = AccessAction.EXPORT, EXPORT

    def get(self, request):
        return page(request, "dossier_confirm.html", "Export a fan's data", fan=self.fan, token=self.token,
                    action="export", counts=fan_data_counts(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id))

    def post(self, request):
        logged(request, self.action, self.fan, self.reason)
        document = fan_data_export(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id)
        response = HttpResponse(orjson.dumps(document, default=str, option=orjson.OPT_INDENT_2),
                                content_type="application/json")
        response["Content-Disposition"] = "attachment; filename=fan-export.json"
        return response


class EraseView(GrantedView):
    action, needs = AccessAction.ERASE, ERASE

    def get(self, request, form=None):
        return page(request, "dossier_confirm.html", "Erase a fan's data", fan=self.fan, token=self.token,
                    action="erase", form=form or EraseForm(),
                    counts=fan_data_counts(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id))

    def post(self, request):
        form = EraseForm(request.POST)
        if not form.is_valid() or form.cleaned_data["confirm_fan_id"] != self.fan.fan_id:
            form.add_error(None, "The fan id typed does not match: nothing was erased.")
            return self.get(request, form)
        logged(request, self.action, self.fan, self.reason)
        erasure = actions.fan_erase_requested(creator_id=self.fan.creator_id, fan_id=self.fan.fan_id,
                                              requested_by=f"staff:{request.user.get_username()}")
        return page(request, "dossier_erased.html", "Erased", erasure=erasure, creator_id=self.fan.creator_id,
                    lookup=reverse("fan-lookup"))


dossier_urls = [
    path(route, admin.site.admin_view(view.as_view()), name=name) for route, view, name in (
        ("", LookupView, "fan-lookup"),
        ("<str:token>/", DossierView, "fan-dossier"),
        ("<str:token>/note/", NoteView, "fan-dossier-note"),
        ("<str:token>/resolve/", ResolveView, "fan-dossier-resolve"),
        ("<str:token>/close-item/", CloseItemView, "fan-dossier-close-item"),
        ("<str:token>/export/", ExportView, "fan-dossier-export"),
        ("<str:token>/erase/", EraseView, "fan-dossier-erase"),
    )
]
