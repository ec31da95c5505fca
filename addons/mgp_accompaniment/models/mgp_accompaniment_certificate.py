# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import format_date

from odoo.addons.mgp_base.models.mgp_today import centre_today

from .mgp_accompaniment import CERTIFICATE_DELIVERY, CERTIFICATE_MONTHS

# the certificate shown as ending soon
EXPIRING_DAYS = 30


class MgpAccompaniment(models.Model):
    """The certificate of the accompaniment (Приложение 1): formed once the
    assignment is complete, valid six months, delivered to the citizen's
    personal cabinet (or printed and handed over)."""

    _inherit = "mgp.accompaniment"
    _mgp_protected_fields = (
        "certificate_number",
        "certificate_date",
        "date_end",
        "certificate_sent_date",
        "certificate_delivery",
        "certificate_handed_by_id",
    )

    accompanying_contact = fields.Char(
        compute="_compute_accompanying_contact",
        store=True,
        readonly=False,
        help="Name, phone and e-mail of the accompanying person shown on the "
        "certificate.",
    )
    certificate_number = fields.Char(tracking=True, copy=False, readonly=True)
    certificate_date = fields.Date(tracking=True, copy=False, readonly=True)
    date_end = fields.Date(
        string="Accompaniment until", tracking=True, copy=False, readonly=True
    )
    certificate_sent_date = fields.Date(
        string="Certificate sent on", tracking=True, copy=False, readonly=True
    )
    certificate_delivery = fields.Selection(
        CERTIFICATE_DELIVERY, tracking=True, copy=False, readonly=True
    )
    certificate_handed_by_id = fields.Many2one(
        "res.users",
        string="Certificate handed over by",
        copy=False,
        readonly=True,
        tracking=True,
    )
    certificate_notes = fields.Text(
        compute="_compute_certificate_notes",
        store=True,
        help="Notes of the certificate: the activities performed by an NGO "
        "when it covers only part of them.",
    )
    certificate_expiring = fields.Boolean(
        string="Certificate ends within 30 days",
        compute="_compute_certificate_expiring",
        search="_search_certificate_expiring",
    )

    _certificate_number_company_uniq = models.Constraint(
        "UNIQUE(company_id, certificate_number)",
        "A certificate with this number exists in the centre.",
    )

    @api.depends(
        "responsible_user_id",
        "responsible_user_id.phone",
        "responsible_user_id.email",
        "ngo_id",
        "ngo_contact",
    )
    def _compute_accompanying_contact(self):
        for case in self:
            user = case.responsible_user_id
            if user:
                parts = [user.name, user.phone, user.email]
            elif case.ngo_id:
                parts = [
                    case.ngo_contact or case.ngo_id.name,
                    case.ngo_id.phone if not case.ngo_contact else False,
                    case.ngo_id.email if not case.ngo_contact else False,
                ]
            else:
                parts = []
            case.accompanying_contact = ", ".join(p for p in parts if p) or False

    @api.depends(
        "ngo_id",
        "ngo_contact",
        "line_ids.performer",
        "line_ids.activity_id",
        "line_ids.ngo_id",
    )
    def _compute_certificate_notes(self):
        # Printed-form text of Приложение 1: always in Russian.
        for case in self:
            ngo_lines = case.line_ids.filtered(lambda line: line.performer == "ngo")
            centre_lines = case.line_ids - ngo_lines
            if not (case.ngo_id and ngo_lines and centre_lines):
                case.certificate_notes = False
                continue
            activities = "; ".join(
                f"{index}) {line.activity_id.name}"
                for index, line in enumerate(ngo_lines.sorted("sequence"), start=1)
            )
            contact = case.ngo_contact or ", ".join(
                p for p in (case.ngo_id.phone, case.ngo_id.email) if p
            )
            name = case.ngo_id.name
            if "«" not in name:
                name = f"«{name}»"
            note = (
                f"Мероприятия, выполняемые негосударственной организацией "
                f"{name}: {activities}."
            )
            if contact:
                note += f" Сопровождающее лицо: {contact}."
            case.certificate_notes = note

    @api.depends("date_end", "state")
    def _compute_certificate_expiring(self):
        limit = centre_today(self) + relativedelta(days=EXPIRING_DAYS)
        for case in self:
            case.certificate_expiring = bool(
                case.state == "active" and case.date_end and case.date_end <= limit
            )

    def _search_certificate_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        limit = centre_today(self) + relativedelta(days=EXPIRING_DAYS)
        domain = Domain([("state", "=", "active"), ("date_end", "!=", False)]) & Domain(
            "date_end", "<=", limit
        )
        return domain if (operator == "=") == value else ~domain

    def action_issue_certificate(self, issue_date=None):
        """Form the certificate (Приложение 1) valid six months."""
        for case in self:
            if not case.assignment_done_date:
                raise UserError(
                    self.env._(
                        "Approve the order or conclude the NGO contract before "
                        "issuing the certificate."
                    )
                )
            issue_date = case._mgp_check_action_date(
                issue_date,
                after=[
                    (
                        case.assignment_done_date,
                        self.env._("the order or the NGO contract"),
                    )
                ],
                label=self.env._("The certificate"),
            )
            case._mgp_transition(
                "action_issue_certificate",
                {
                    "certificate_number": case.certificate_number
                    or case._mgp_next_number(
                        "mgp.accompaniment.certificate", case.company_id
                    ),
                    "certificate_date": issue_date,
                    "date_end": issue_date + relativedelta(months=CERTIFICATE_MONTHS),
                },
                date=issue_date,
            )
        return True

    def action_send_certificate(self, send_date=None, channel="portal"):
        """Deliver the certificate: published in the citizen's personal
        cabinet (portal) and, for ``portal`` and ``email``, notified by e-mail;
        ``in_person`` records who handed the printed certificate over."""
        if channel not in dict(CERTIFICATE_DELIVERY):
            raise UserError(self.env._("Unknown way of delivering the certificate."))
        notified = channel in ("portal", "email")
        for case in self:
            if not case.certificate_number:
                raise UserError(self.env._("The certificate is not issued yet."))
            if case.certificate_sent_date:
                raise UserError(
                    self.env._("The certificate of case %s is already sent.", case.name)
                )
            send_date = case._mgp_check_action_date(
                send_date,
                after=[(case.certificate_date, self.env._("the certificate"))],
                label=self.env._("The sending of the certificate"),
            )
            vals = {"certificate_sent_date": send_date, "certificate_delivery": channel}
            if channel == "in_person":
                vals["certificate_handed_by_id"] = self.env.user.id
            case._mgp_transition(
                "action_send_certificate", vals, date=send_date, notify=notified
            )
            if not notified:
                case.message_post(
                    body=self.env._(
                        "Certificate %(number)s delivered on %(date)s: %(channel)s.",
                        number=case.certificate_number,
                        date=format_date(self.env, send_date),
                        channel=dict(
                            self._fields["certificate_delivery"]._description_selection(
                                self.env
                            )
                        )[channel],
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def action_hand_over_certificate(self):
        """Hand the printed certificate over in person: the delivery is
        recorded (date, employee) and the certificate is printed."""
        self.action_send_certificate(channel="in_person")
        report = self.env.ref(
            "mgp_reports.action_report_certificate", raise_if_not_found=False
        )
        return report.report_action(self) if report else True

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Certificate %s", self.certificate_number or self.name)
