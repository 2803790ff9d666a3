from django.db import models
from django.utils.translation import gettext_lazy as _


class SentMail(models.Model):
    """One e-mail a task has sent, by a key stable across re-runs of the task
    (the task's id and the message's number in it), so a re-queued task does
    not send it again. Holds no address or text."""

    key = models.CharField(_("nyckel"), max_length=100, unique=True)
    sent_at = models.DateTimeField(_("skickat"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("skickat e-brev")
        verbose_name_plural = _("skickade e-brev")

    def __str__(self):
        return self.key
