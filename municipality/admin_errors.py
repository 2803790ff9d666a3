"""Admin create and edit views whose save runs an app's business rules."""

from django.core.exceptions import ValidationError


class RuleErrorsOnForm:
    """A rule's ValidationError comes back on the form, with what was typed, and
    nothing is half-saved (the rules run in one transaction)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            return self.refused(form, error)

    def refused(self, form, error):
        form.add_error(None, error)
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)
