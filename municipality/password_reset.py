"""The admin's password reset, limited like every form that sends mail: per client
address and per recipient (municipality/ratelimit.py). Over the limit the form
comes back (429) and nothing is sent, so no one can flood a staff mailbox."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from municipality import ratelimit
from municipality.client_address import client_ip

LIMITED = _(
    "Det har kommit många förfrågningar från din uppkoppling eller till den här "
    "e-postadressen på kort tid. Vänta en stund och försök igen."
)


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        checks = (
            ("password-reset", client_ip(self.request)),
            ratelimit.mail_to(form.cleaned_data["email"]),
        )
        if not ratelimit.allow(*checks):
            form.add_error(None, LIMITED)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
