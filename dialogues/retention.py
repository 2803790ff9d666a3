"""Survey answers are kept as the dialogue's result; an e-mail address given in
one (a question of type e-mail, or typed into a text answer) is removed
DELAKTIG_RETENTION_MONTHS after the answer was sent. A dialogue's contact
address is a municipal officer's, published on the page."""

from wagtail.contrib.forms.models import FormSubmission

from background.retention import addresses_in, keep, purger

REDACTED = "[gallrat]"

keep(
    "dialogues.DialoguePage",
    "the responsible officer's public contact address (contact_email)",
)


def _redacted(value, found):
    if isinstance(value, list):
        return [_redacted(item, found) for item in value]
    if isinstance(value, str) and addresses_in(value):
        found.update(addresses_in(value))
        return REDACTED
    return value


@purger("survey answers", models=["wagtailforms.FormSubmission"], order=30)
def purge_survey_addresses(run):
    count = 0
    old = FormSubmission.objects.filter(submit_time__lt=run.cutoff)
    for submission in old.only("pk", "form_data").iterator():
        found = set()
        data = {k: _redacted(v, found) for k, v in submission.form_data.items()}
        if found:
            FormSubmission.objects.filter(pk=submission.pk).update(form_data=data)
            run.forget(found)
            count += 1
    return {"anonymised survey answers": count}
