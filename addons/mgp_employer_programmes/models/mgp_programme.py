# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError


class MgpProgrammeMixin(models.AbstractModel):
    """A record of a programme (subsidy application and agreement, business
    aid, training referral): a numbered case of the engine with the
    engine's document checklist (``mgp.document.checklist.mixin``: the
    requirements of its procedures are ``mgp.document.requirement`` rows),
    its action dialogs and its portal page.

    ``_mgp_portal_path`` is the URL of the portal pages of the model (the
    record's page is ``<path>/<id>``).
    """

    _name = "mgp.programme.mixin"
    _description = "Programme Record"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
        "mgp.document.checklist.mixin",
        "mgp.programme.dialog.mixin",
    ]
    _mgp_protected_fields = ("name", "state")
    _mgp_portal_path = None

    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.RUB")
    )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for record in self:
            if record._mgp_portal_path:
                record.access_url = f"{record._mgp_portal_path}/{record.id}"
        return res

    def _mgp_step(self, name, on_date=None, vals=None, after=(), label=None, **kwargs):
        """Carry the transition ``name`` on the date of the step: the date
        is checked (not in the future, not before the steps of ``after``),
        then written with ``vals`` by the engine's primitive.

        :param vals: the values of the step; a callable receives the checked
            date and returns them
        :return: the checked date
        """
        self.ensure_one()
        on_date = self._mgp_check_action_date(on_date, after=after, label=label)
        values = vals(on_date) if callable(vals) else vals
        self._mgp_transition(name, values, date=on_date, **kwargs)
        return on_date

    @api.model
    def _mgp_portal_companies(self):
        # the list of centres is public information for the application forms
        return self.env["res.company"].sudo().search([], order="name", limit=200)

    @api.model
    def _mgp_portal_positive(self, vals, name, label, errors):
        """Read ``vals[name]`` typed in the portal as a positive number (a
        decimal comma accepted), or put the error of ``label`` in
        ``errors``."""
        try:
            value = float(str(vals.get(name) or "").replace(",", ".") or 0)
        except ValueError:
            value = -1
        if value <= 0:
            errors[name] = self.env._("Give %s as a positive number.", label)
        else:
            vals[name] = value
        return errors

    def _mgp_missing_document_names(self, procedure=None):
        """The names of the required documents the centre has not received
        and checked yet (the engine's :meth:`_mgp_documents_missing`)."""
        self.ensure_one()
        types = self._mgp_documents_missing(procedure).get(self.id)
        # the names of the catalogue, shown to the record's own reader
        return types.sudo().mapped("name") if types else []

    def _mgp_state_text(self):
        """The label of the record's state, in the reader's language."""
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(
            self.state
        )


class MgpProgrammeEmployerMixin(models.AbstractModel):
    """A programme record of an employer (the subsidy's application and
    agreement): the employer is its party, its representative the contact."""

    _name = "mgp.programme.employer.mixin"
    _description = "Programme Record of an Employer"
    _inherit = ["mgp.programme.mixin"]
    _mgp_partner_field = "employer_id"
    _mgp_create_only_fields = ("company_id", "employer_id")

    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    partner_id = fields.Many2one(string="Contact person")


class MgpProgrammePersonMixin(models.AbstractModel):
    """A programme record of a disabled person (business aid, training): the
    person follows it in the portal, reads its documents and gives the
    missing ones."""

    _name = "mgp.programme.person.mixin"
    _description = "Programme Record of a Person"
    _inherit = ["mgp.programme.mixin"]
    _mgp_create_only_fields = ("company_id", "partner_id")

    partner_id = fields.Many2one(string="Disabled person", required=True)

    def _mgp_portal_values(self):
        """What the person's page shows of the record: the centre and the
        document checklist (which documents the centre has, which it still
        needs, the person may send a missing one)."""
        self.ensure_one()
        self.check_access("read")
        # the person reads his own record; its checklist and centre are the
        # centre's records about it, shown to him alone
        record = self.sudo()
        return {
            "centre": record.company_id.name,
            "state": self._mgp_state_text(),
            "documents": [
                {
                    "id": line.id,
                    "name": line.type_id.name,
                    "required": line.required,
                    "received": bool(line.received_date),
                    "date_received": line.received_date,
                    "checked": bool(line.checked_date),
                    "file": line.file_name or line.attachment_id.name or False,
                }
                for line in record.mgp_document_line_ids
            ],
        }

    def _mgp_portal_upload(self, line_id, name, content):
        """The person sends the file of a line of the checklist that the
        centre has not checked yet: the engine's line takes it (through
        ``mgp.upload``) and is received; the centre checks it."""
        self.ensure_one()
        self.check_access("read")
        if self.state in self._mgp_portal_closed_states():
            raise UserError(self.env._("The case is closed: documents are not taken."))
        # the checklist is the centre's bookkeeping; the person may only
        # attach a file to a line of his own record not yet checked
        line = self.sudo().mgp_document_line_ids.filtered(lambda d: d.id == line_id)
        if not line or line.checked_date:
            raise UserError(self.env._("Choose a document the centre still needs."))
        # the engine's line files it through mgp.upload (type, size, content)
        line.write({"file_name": name, "file": base64.b64encode(content)})
        self._mgp_post_note(
            self.env._(
                "%(person)s sent the document «%(document)s».",
                person=self.env.user.partner_id.name,
                document=line.type_id.name,
            ),
            record=self.sudo(),
        )
        return line

    def _mgp_portal_closed_states(self):
        """Hook: the states in which the person sends no more documents."""
        return ()
