# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextvars
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.service.server import thread_local

from .mgp_protected_mixin import mgp_message_lang

# set by :func:`creations_journaled_apart` for the code running inside it
_CREATIONS_APART = contextvars.ContextVar("mgp_creations_apart", default=False)
# set while the chatter's own path (message_post, the tracking's log…)
# creates its messages: a mail.message created outside it is a client's
_THREAD_CREATES = contextvars.ContextVar("mgp_thread_creates", default=False)

# mail.message values a caller may not choose for a note in a register: the
# author is the user who posts, the date the moment he posts (issue 18 §6).
FORGEABLE_MESSAGE_VALUES = ("date", "author_guest_id", "message_id", "create_date")


def guarded_model(model_name):
    """The suite's registers and the persons and organisations in them."""
    return bool(model_name) and (
        model_name.startswith("mgp.") or model_name == "res.partner"
    )


@contextmanager
def creations_journaled_apart():
    """Inside the block the records created log no «… created» message and
    subscribe no follower: the code running it journals the creations
    itself (the import of history: one record per row and one note per
    batch on the import). A switch of the running code, like
    ``mgp_api``'s ``events_suppressed()``: no key of a client's context
    reaches it (those are stripped from every action, see
    ``OUTCOME_KEYS``)."""
    token = _CREATIONS_APART.set(True)
    try:
        yield
    finally:
        _CREATIONS_APART.reset(token)


class MailThread(models.AbstractModel):
    """The chatter of the suite's records journals who said what and when: a
    client may neither post in another's name nor back-date a message."""

    _inherit = "mail.thread"

    @api.model_create_multi
    def create(self, vals_list):
        if _CREATIONS_APART.get():
            quiet = self.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True
            )
            return super(MailThread, quiet).create(vals_list).with_env(self.env)
        return super().create(vals_list)

    def message_post(self, *, author_id=None, email_from=None, **kwargs):
        if self._mgp_guard_chatter() and self._mgp_client_posts() and not self.env.su:
            own = self.env.user.partner_id
            forged = [name for name in FORGEABLE_MESSAGE_VALUES if name in kwargs]
            if (author_id and author_id != own.id) or forged:
                raise UserError(
                    self.env._(
                        "A message is posted in your own name and dated when it "
                        "is posted."
                    )
                )
            if not author_id:
                # an address alone would name its owner as the author
                email_from = None
        return super().message_post(
            author_id=author_id, email_from=email_from, **kwargs
        )

    def _message_create(self, values_list):
        token = _THREAD_CREATES.set(True)
        try:
            return super()._message_create(values_list)
        finally:
            _THREAD_CREATES.reset(token)

    def _creation_message(self):
        """«… created» in the centre's language when the creator gave none
        (the demo data, a scheduled action). The suite words it itself, so
        that its own translation applies whatever translations of Odoo's
        modules the installation has."""
        if not self._name.startswith("mgp."):
            return super()._creation_message()
        self.ensure_one()
        lang = mgp_message_lang(self)
        record = self.with_context(lang=lang) if lang else self
        doc_name = record.env["ir.model"]._get(self._name).name
        return record.env._("%s created", doc_name)

    def _mgp_guard_chatter(self):
        return guarded_model(self._name)

    def _mgp_client_posts(self):
        """The post is the client's own call (not a notice of an action):
        the web client's and JSON-2's routes name the method in the path or
        the parameters; XML-RPC and ``/jsonrpc`` run ``execute_kw`` outside
        the request, and ``odoo.service.model.execute_cr`` records on the
        thread the method it calls."""
        if not request:
            called = getattr(thread_local, "rpc_model_method", "") or ""
            return called.endswith(".message_post")
        path = request.httprequest.path
        params = getattr(request, "params", None) or {}
        return path.endswith("/message_post") or params.get("method") == "message_post"


class MailMessage(models.Model):
    """A message of the suite's chatter created directly (``mail.message``
    ``create`` over RPC, outside the chatter's own path) is in the name of
    who creates it and dated when it is created (issue 18 re-probe)."""

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or _THREAD_CREATES.get()):
            own = self.env.user.partner_id.id
            for vals in vals_list:
                model = vals.get("model") or ""
                if not (model.startswith("mgp.") or model == "res.partner"):
                    continue
                author = vals.get("author_id")
                forged = [name for name in FORGEABLE_MESSAGE_VALUES if vals.get(name)]
                if (author and author != own) or forged:
                    raise UserError(
                        self.env._(
                            "A message is posted in your own name and dated when "
                            "it is posted."
                        )
                    )
        return super().create(vals_list)
