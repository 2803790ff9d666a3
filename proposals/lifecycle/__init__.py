"""The proposal lifecycle and signature counting: the only code that changes them.

submitted ─(proposer confirms e-mail)─▶ in_moderation ─▶ open | rejected
open ─(threshold reached)─▶ referred ─▶ answered
open ─(deadline passed below threshold)─▶ closed_unsupported
in_moderation | open ─(proposer withdraws)─▶ withdrawn

Each staff step is an action (base.ProposalAction: check(), execute()) taking the
acting `user` as an argument; every change is announced on commit through
proposals/signals.py, to which the audit log, e-mail and caches listen.

    base          errors, the row lock, the action class
    states        ALLOWED_TRANSITIONS and the one function that changes a status
    transitions   submit, confirm, withdraw, approve, reject
    referral      refer, register the referral, answer
    trail         writing entries, status and implementation updates, corrections
    responses     politicians: who may respond, and edit a response
    signing       sign, confirm, withdraw, clear a flagged signature
    eid_signing   signing with e-legitimation, linking an e-mail signature with it
    fast_confirm  the common-case confirmation and sign-form read in plain SQL
    counting      counts, milestones, referral at the threshold, reconciliation
    deadlines     closing expired proposals, flagging overdue answers
    announce      sending the signals once the transaction commits"""

from proposals.lifecycle.base import (
    NotPermitted,
    ProposalAction,
    SigningClosed,
    TransitionNotAllowed,
    current_language,
)
from proposals.lifecycle.counting import (
    counted_signatures,
    purge_unconfirmed,
    reconcile_counts,
)
from proposals.lifecycle.deadlines import close_expired, enforce_deadline, flag_overdue
from proposals.lifecycle.eid_signing import (
    ALREADY_LINKED,
    LINKED,
    MERGED,
    NOT_OFFERED,
    NOT_RESIDENT,
    SIGNED,
    choose_signature_method,
    link_with_eid,
    method_open_to_change,
    sign_with_eid,
)
from proposals.lifecycle.fast_confirm import proposal_to_sign
from proposals.lifecycle.referral import (
    AnswerProposal,
    ReferProposal,
    RegisterReferral,
    answer,
    refer,
    register_referral,
)
from proposals.lifecycle.responses import (
    RESPONDABLE_STATUSES,
    AddResponse,
    EditResponse,
    add_response,
    can_edit_response,
    edit_response,
    politician_profile,
    proposals_for_politician,
)
from proposals.lifecycle.signing import (
    ALREADY_CONFIRMED,
    CLOSED,
    CONFIRMED,
    CONFIRMED_FLAGGED,
    DUPLICATE,
    ClearSignature,
    clear_signature,
    confirm_link,
    confirm_signature,
    sign,
    signature_name_edited,
    withdraw_signature,
)
from proposals.lifecycle.states import ALLOWED_TRANSITIONS, can_transition
from proposals.lifecycle.trail import (
    IMPLEMENTED_OUTCOMES,
    UPDATABLE_STATUSES,
    AddImplementationUpdate,
    AddStatusUpdate,
    CorrectEntry,
    add_implementation_update,
    add_status_update,
    correct_entry,
)
from proposals.lifecycle.transitions import (
    ApproveProposal,
    RejectProposal,
    WithdrawProposal,
    approve,
    confirm_proposal,
    reject,
    submit_proposal,
    withdraw_proposal,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "ALREADY_CONFIRMED",
    "ALREADY_LINKED",
    "CLOSED",
    "CONFIRMED",
    "CONFIRMED_FLAGGED",
    "DUPLICATE",
    "IMPLEMENTED_OUTCOMES",
    "LINKED",
    "MERGED",
    "NOT_OFFERED",
    "NOT_RESIDENT",
    "RESPONDABLE_STATUSES",
    "SIGNED",
    "UPDATABLE_STATUSES",
    "AddImplementationUpdate",
    "AddResponse",
    "AddStatusUpdate",
    "AnswerProposal",
    "ApproveProposal",
    "ClearSignature",
    "CorrectEntry",
    "EditResponse",
    "NotPermitted",
    "ProposalAction",
    "ReferProposal",
    "RegisterReferral",
    "RejectProposal",
    "SigningClosed",
    "TransitionNotAllowed",
    "WithdrawProposal",
    "add_implementation_update",
    "add_response",
    "add_status_update",
    "answer",
    "approve",
    "can_edit_response",
    "can_transition",
    "choose_signature_method",
    "clear_signature",
    "close_expired",
    "confirm_link",
    "confirm_proposal",
    "confirm_signature",
    "correct_entry",
    "counted_signatures",
    "current_language",
    "edit_response",
    "enforce_deadline",
    "flag_overdue",
    "link_with_eid",
    "method_open_to_change",
    "politician_profile",
    "proposal_to_sign",
    "proposals_for_politician",
    "purge_unconfirmed",
    "reconcile_counts",
    "refer",
    "register_referral",
    "reject",
    "sign",
    "sign_with_eid",
    "signature_name_edited",
    "submit_proposal",
    "withdraw_proposal",
    "withdraw_signature",
]
