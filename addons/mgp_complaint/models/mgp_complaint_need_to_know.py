# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""Need to know on the complaints, their answers and the corrections.

A complaint, its answer and a correction request carry the complainant's
personal data (who he is, what he wrote, the documents he attached): they
are read by those who process them for their purpose (152-ФЗ ст. 5 ч. 5:
no more data than the purpose needs), not by every specialist of the
centre. The record rules (``security/mgp_complaint_rules.xml``) give:

- the head of the centre and the managers: every complaint and correction
  of the centre (they decide them, 210-ФЗ ст. 11.2 ч. 1, seed 002 §5.2);
- the reviewer assigned and the specialist responsible for the complaint
  (who registers it and sends the answer): the complaint in full;
- the specialist the complaint concerns (the specialist of the case, the
  accompanying employee, who drafted or approved its order — the users of
  the concerned record): he has the right to know that his actions are
  complained about and on which grounds, to give his explanations, but he
  neither decides it (conflict of interest, ``_mgp_check_no_conflict``) nor
  needs the complainant's data beyond the case he works on. He reads the
  complaint's number, subject, text, concerned record, state and decision;
  not the attachments, the reasons and remedies of the answer, the
  answer's messages and print, nor the complainant when the complainant is
  not the person of his case (e.g. an employer);
- the complainant in the portal: his own complaints and corrections;
- a correction: the managers, the specialist responsible for it, and the
  specialists of the document's case (the document is theirs to reissue).

Any other specialist of the centre reads none of them.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError

SPECIALIST = "mgp_base.group_specialist"
MANAGER = "mgp_base.group_manager"
# what the concerned specialist does not read of a complaint
CONCERNED_HIDDEN = frozenset(
    {"attachment_ids", "decision_reasons", "remedy_note", "correction_id"}
)


def record_users(record, env):
    """The users who act on ``record`` (its stored user many2ones but the
    technical ones), read whatever the caller may read; none when there is
    no record (``False``, a complaint about no record of the suite)."""
    users = env["res.users"]
    if not record:
        return users
    record = record.sudo()
    for name, field in record._fields.items():
        if (
            field.type == "many2one"
            and field.comodel_name == "res.users"
            and field.store
            and name not in ("create_uid", "write_uid")
        ):
            users |= record[name]
    return users


def _default_user(model):
    """The specialist who registers the record is responsible for it (a
    portal user filing his own has none: the managers assign a reviewer)."""
    user = model.env.user
    return user if not user.share else user.browse()


class MgpComplaint(models.Model):
    _inherit = "mgp.complaint"

    user_id = fields.Many2one(default=_default_user)

    concerned_user_ids = fields.Many2many(
        "res.users",
        "mgp_complaint_concerned_user_rel",
        "complaint_id",
        "user_id",
        string="Concerned specialists",
        compute="_compute_concerned_user_ids",
        store=True,
        groups=SPECIALIST,
        help="The users of the record the complaint concerns: they read the "
        "complaint as far as their case goes, and do not decide it.",
    )

    @api.depends("res_model", "res_id")
    def _compute_concerned_user_ids(self):
        for complaint in self:
            complaint.concerned_user_ids = record_users(
                complaint.sudo()._mgp_concerned_record(), self.env
            )

    def _mgp_concerned_only(self):
        """The complaints of ``self`` the current user reads only as the
        specialist they concern."""
        user = self.env.user
        if self.env.su or user.share or user.has_group(MANAGER):
            return self.browse()
        complaints = self.sudo()  # who the complaint's users are
        return complaints.filtered(
            lambda c: (
                user in c.concerned_user_ids and user not in (c.reviewer_id | c.user_id)
            )
        ).with_env(self.env)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if self.env.su:
            return result
        names = CONCERNED_HIDDEN.intersection(fnames)
        limited = self.browse([row["id"] for row in result])._mgp_concerned_only()
        if not limited:
            return result
        persons = {}
        for complaint in limited.sudo():
            record = complaint._mgp_concerned_record()
            person = record and "partner_id" in record._fields and record.partner_id
            persons[complaint.id] = person.id if person else False
        for row in result:
            if row["id"] not in persons:
                continue
            row.update(
                {name: False if name != "attachment_ids" else [] for name in names}
            )
            partner = row.get("partner_id")
            partner_id = partner[0] if isinstance(partner, (list, tuple)) else partner
            if "partner_id" in row and partner_id != persons[row["id"]]:
                row["partner_id"] = False
        return result

    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        """The answer travels in the complaint's messages: not for the
        specialist it concerns (reading them needs a right he lacks)."""
        operations = super()._mail_get_operation_for_mail_message_operation(
            message_operation
        )
        if message_operation == "read":
            for complaint in self._mgp_concerned_only():
                operations[complaint] = "unlink"
        return operations

    def _mgp_check_answer_reader(self):
        """The answer is printed for the complainant, the reviewer and the
        managers, not for the specialist the complaint concerns."""
        if self._mgp_concerned_only():
            raise AccessError(
                self.env._(
                    "The answer to a complaint about your work is not yours to "
                    "read: the reviewer and the head of the centre handle it."
                )
            )


class MgpDocumentCorrection(models.Model):
    _inherit = "mgp.document.correction"

    user_id = fields.Many2one(default=_default_user)

    case_user_ids = fields.Many2many(
        "res.users",
        "mgp_document_correction_case_user_rel",
        "correction_id",
        "user_id",
        string="Specialists of the document",
        compute="_compute_case_user_ids",
        store=True,
        groups=SPECIALIST,
    )

    @api.depends("res_model", "res_id")
    def _compute_case_user_ids(self):
        for correction in self:
            model = correction.res_model
            document = (
                self.env[model].sudo().browse(correction.res_id).exists()
                if model in self.env and correction.res_id
                else False
            )
            correction.case_user_ids = record_users(document, self.env)
