from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Förslagslådan")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from proposals.models import (
            FeedbackEntry,
            FeedbackEntryVersion,
            Proposal,
            ProposalEdit,
            Signature,
        )
        from proposals.permissions import (
            RecordPolicy,
            ResidentContentPolicy,
            SignaturePolicy,
        )

        register_permission_policy(Proposal, ResidentContentPolicy(Proposal))
        register_permission_policy(Signature, SignaturePolicy(Signature))
        # Entries change only through lifecycle actions, never the generic editor.
        for model in (ProposalEdit, FeedbackEntry, FeedbackEntryVersion):
            register_permission_policy(model, RecordPolicy(model))

        from comments.registry import register
        from proposals import mail_boxes, receivers
        from proposals.comments import ProposalCommentPolicy

        receivers.connect()
        mail_boxes.connect()
        register(Proposal, ProposalCommentPolicy)
