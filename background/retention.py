"""Personal-data retention: the registry every app's purge joins, and the purges
of the tables no app owns (the task queue, sessions, log-in throttling, mail
files, sent-mail keys).

An app registers in its own `retention` module (found by autodiscovery, so no
app imports one above it): `@purger(name, models=[...])` for a purge, `keep(label,
reason)` for a model holding personal data on purpose. tests/security/
test_retention_coverage.py fails on a model with an e-mail or IP field that is
in neither."""

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger("delaktig.retention")

EMAIL_PATTERN = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class PurgeRun:
    """One purge: its time, the retention cutoff, and what it did."""

    now: datetime
    user: object = None
    # Addresses removed by earlier purgers of this run, so later ones (the task
    # queue, mail files) remove every copy of them.
    addresses: set = field(default_factory=set)
    counts: dict = field(default_factory=dict)

    @property
    def cutoff(self):
        return self.now - relativedelta(months=settings.DELAKTIG_RETENTION_MONTHS)

    def forget(self, addresses):
        self.addresses.update(a.strip().lower() for a in addresses if a)


@dataclass(frozen=True)
class Purger:
    name: str
    purge: object  # function(PurgeRun) -> {what: count}
    models: tuple  # labels ("app.Model") whose personal data it removes
    order: int


_purgers = {}
_kept = {}


def purger(name, *, models, order=50):
    """Register `function(run)` as the purge of `models`; lower order runs first."""

    def register(function):
        _purgers[name] = Purger(name, function, tuple(models), order)
        return function

    return register


def keep(label, reason):
    """Declare that model `label` keeps its e-mail/IP fields on purpose."""
    _kept[label] = reason


def registered():
    autodiscover_modules("retention")
    return sorted(_purgers.values(), key=lambda p: (p.order, p.name))


def kept():
    autodiscover_modules("retention")
    return dict(_kept)


def purge_all(now=None, user=None):
    """Run every registered purge; idempotent. Returns the PurgeRun."""
    run = PurgeRun(now=now or timezone.now(), user=user)
    for entry in registered():
        run.counts[entry.name] = entry.purge(run)
    logger.info("Personal data purged: %s", run.counts)
    return run


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _strings(item)


def addresses_in(*values):
    """Lower-cased e-mail addresses found in the strings of the values (nested
    in lists and dicts, as JSON fields hold them)."""
    return {
        found.lower()
        for text in _strings(values)
        for found in EMAIL_PATTERN.findall(text)
    }


@purger(
    "sessions",
    models=["sessions.Session", "axes.AccessAttempt", "axes.AccessLog"]
    + ["axes.AccessFailureLog"],
    order=60,
)
def purge_sessions_and_logins(run):
    """Expired sessions; log-in attempts and logs (IP, user name, browser) older
    than the retention period."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    logins = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        deleted, _ = model.objects.filter(attempt_time__lt=run.cutoff).delete()
        logins += deleted
    return {"deleted log-in records": logins}


@purger("task queue", models=["django_tasks_db.DBTaskResult"], order=90)
def purge_task_results(run):
    """Finished tasks older than the retention period, and every task that is
    not running whose arguments, result or error name a purged address (mail
    tasks hold only ids, but a mail server's error may quote its recipient)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    old, _ = (
        DBTaskResult.objects.filter(status__in=finished)
        .filter(enqueued_at__lt=run.cutoff)
        .delete()
    )
    naming = []
    if run.addresses:
        rows = DBTaskResult.objects.exclude(status=TaskResultStatus.RUNNING).only(
            "id", "args_kwargs", "return_value", "traceback"
        )
        for row in rows.iterator():
            found = addresses_in(row.args_kwargs, row.return_value, row.traceback)
            if found & run.addresses:
                naming.append(row.pk)
    DBTaskResult.objects.filter(pk__in=naming).delete()
    return {"deleted tasks": old + len(naming)}


@purger("sent mail", models=[], order=95)
def purge_sent_mail_keys(run):
    """The sent-mail keys (no personal data) of tasks long gone."""
    from background.models import SentMail

    deleted, _ = SentMail.objects.filter(sent_at__lt=run.cutoff).delete()
    return {"deleted sent-mail keys": deleted}


@purger("mail files", models=[], order=92)
def purge_mail_files(run):
    """E-mail written as files (the file backend, in development): files older
    than the retention period or naming a purged address."""
    if settings.EMAIL_BACKEND != "django.core.mail.backends.filebased.EmailBackend":
        return {"deleted mail files": 0}
    folder = Path(settings.EMAIL_FILE_PATH)
    cutoff = run.cutoff.timestamp()
    deleted = 0
    for path in folder.glob("*") if folder.is_dir() else []:
        if not path.is_file():
            continue
        old = path.stat().st_mtime < cutoff
        if old or addresses_in(path.read_text(errors="replace")) & run.addresses:
            path.unlink(missing_ok=True)
            deleted += 1
    return {"deleted mail files": deleted}


keep(
    "auth.User",
    "staff accounts (communicators, politicians, administrators): kept while the "
    "account exists; an administrator deletes or deactivates leavers",
)
