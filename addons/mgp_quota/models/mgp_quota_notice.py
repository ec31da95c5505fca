# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The centre's notice to the regional authority.

Seed 004:57: «в случае выявления фактов непредставления работодателями в
службу занятости населения сведений ... а также невыполнения установленной
квоты для трудоустройства инвалидов, информирует исполнительной орган
государственной власти ..., уполномоченный в области содействия занятости
населения». The monthly copies of the local acts (004:162) not filed on
time are listed with the quota reports.
"""

import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"


class MgpQuotaNotice(models.Model):
    _name = "mgp.quota.notice"
    _description = "Notice to the Regional Authority on the Quota"
    _inherit = ["mail.thread", "mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_protected_fields = ("name", "state", "date_sent")
    _mgp_create_only_fields = ("company_id",)
    _mgp_transitions = {
        # the list is collected while the notice is a draft
        "action_collect": Transition(("draft",)),
        # the notice leaves the centre: it is kept as it was sent
        "action_send": Transition(("draft",), "sent", SPECIALIST),
    }

    name = fields.Char(string="Number", required=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    authority_id = fields.Many2one(
        "res.partner",
        string="Regional authority",
        required=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    date = fields.Date(required=True, default=centre_today)
    date_from = fields.Date(string="Periods from", required=True)
    date_to = fields.Date(string="Periods to", required=True)
    report_ids = fields.Many2many(
        "mgp.quota.report",
        "mgp_quota_notice_report_rel",
        "notice_id",
        "report_id",
        string="Reports",
    )
    local_act_report_ids = fields.Many2many(
        "mgp.quota.local.act.report",
        "mgp_quota_notice_local_act_report_rel",
        "notice_id",
        "report_id",
        string="Local acts reports",
        help="Monthly copies of the local acts not filed by the 10th of the "
        "next month (seed 004:162).",
    )
    report_count = fields.Integer(compute="_compute_report_count")
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        required=True,
        default="draft",
        tracking=True,
    )
    date_sent = fields.Date(string="Sent on", readonly=True, copy=False)

    @api.depends("report_ids", "local_act_report_ids")
    def _compute_report_count(self):
        for notice in self:
            notice.report_count = len(notice.report_ids) + len(
                notice.local_act_report_ids
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for notice in self:
            if notice.date_to < notice.date_from:
                raise UserError(self.env._("The periods end after they start."))

    @api.model_create_multi
    def create(self, vals_list):
        notices = super().create(vals_list)
        for notice in notices:
            notice._mgp_engine_write(
                {"name": notice._mgp_next_number("mgp.quota.notice", notice.company_id)}
            )
        return notices

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(notice.state != "draft" for notice in self):
            raise UserError(self.env._("A sent notice is kept: it cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_collect(self):
        """List the reports of the periods filed late (or not at all) or
        with the quota not fulfilled, and the months whose local acts were
        filed late (or not at all)."""
        for notice in self:
            reports = self.env["mgp.quota.report"].search(notice._mgp_report_domain())
            local_acts = self.env["mgp.quota.local.act.report"].search(
                notice._mgp_local_act_domain()
            )
            notice.write(
                {
                    "report_ids": [fields.Command.set(reports.ids)],
                    "local_act_report_ids": [fields.Command.set(local_acts.ids)],
                }
            )
        return True

    def action_send(self, send_date=None):
        """The notice leaves the centre: it is kept as it was sent."""
        for notice in self:
            if not notice.report_ids and not notice.local_act_report_ids:
                raise UserError(self.env._("The notice lists no employer."))
            notice._mgp_transition(
                "action_send",
                {"date_sent": fields.Date.to_date(send_date) or centre_today(self)},
            )
        return True

    def action_export_xlsx(self):
        """Download the list of the notice as a spreadsheet."""
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name.replace('/', '-')}.xlsx",
                "raw": self._mgp_xlsx(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_report_domain(self):
        self.ensure_one()
        return (
            Domain("company_id", "=", self.company_id.id)
            & Domain("date_from", ">=", self.date_from)
            & Domain("date_to", "<=", self.date_to)
            & Domain("to_notify", "=", True)
        )

    def _mgp_local_act_domain(self):
        self.ensure_one()
        return (
            Domain("company_id", "=", self.company_id.id)
            & Domain("date_from", ">=", self.date_from)
            & Domain("date_to", "<=", self.date_to)
            & Domain("filing_late", "=", True)
        )

    def _mgp_local_act_reason(self, report):
        """Seed 004:162, in the words of the letter."""
        if report.state in ("draft", "returned"):
            return "копии локальных нормативных актов не представлены"
        return (
            "копии локальных нормативных актов представлены с нарушением срока (%s)"
            % (report.date_submitted.strftime("%d.%m.%Y"))
        )

    def _mgp_reason(self, report):
        """Why a report is listed, in Russian words of the letter."""
        reasons = []
        if report.state in ("draft", "returned"):
            reasons.append("сведения не представлены")
        elif report.filing_late:
            reasons.append(
                "сведения представлены с нарушением срока (%s)"
                % report.date_submitted.strftime("%d.%m.%Y")
            )
        if report.state in ("submitted", "accepted") and not report.is_fulfilled:
            reasons.append(
                "квота не выполнена: установлено %s, выполнено %s"
                % (report.quota, f"{report.fulfilled:g}")
            )
        return "; ".join(reasons)

    def _mgp_rows(self):
        """The employers listed, a quota report or a month of local acts a
        row (no quota figures on the latter), by employer and period."""
        self.ensure_one()
        rows = [
            {
                "employer": report.employer_id.name,
                "vat": report.employer_id.vat or "",
                "period": "%s – %s"
                % (
                    report.date_from.strftime("%d.%m.%Y"),
                    report.date_to.strftime("%d.%m.%Y"),
                ),
                "due": report.date_due.strftime("%d.%m.%Y") if report.date_due else "",
                "quota": report.quota,
                "fulfilled": report.fulfilled,
                "reason": self._mgp_reason(report),
                "date_from": report.date_from,
            }
            for report in self.report_ids
        ]
        rows += [
            {
                "employer": report.employer_id.name,
                "vat": report.employer_id.vat or "",
                "period": "%s – %s"
                % (
                    report.date_from.strftime("%d.%m.%Y"),
                    report.date_to.strftime("%d.%m.%Y"),
                ),
                "due": report.date_due.strftime("%d.%m.%Y") if report.date_due else "",
                "quota": None,
                "fulfilled": None,
                "reason": self._mgp_local_act_reason(report),
                "date_from": report.date_from,
            }
            for report in self.local_act_report_ids
        ]
        return sorted(rows, key=lambda row: (row["employer"], row["date_from"]))

    def _mgp_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("Работодатели")
        bold = workbook.add_format({"bold": True, "text_wrap": True, "border": 1})
        cell = workbook.add_format({"text_wrap": True, "border": 1})
        heads = [
            ("№", 5),
            ("Работодатель", 40),
            ("ИНН", 14),
            ("Период", 24),
            ("Срок представления", 14),
            ("Квота", 8),
            ("Выполнено", 10),
            ("Нарушение", 60),
        ]
        sheet.write(0, 0, f"Уведомление № {self.name} от {self.date:%d.%m.%Y}", bold)
        for col, (head, width) in enumerate(heads):
            sheet.write(2, col, head, bold)
            sheet.set_column(col, col, width)
        for row, values in enumerate(self._mgp_rows(), start=3):
            sheet.write_number(row, 0, row - 2, cell)
            sheet.write(row, 1, values["employer"], cell)
            sheet.write(row, 2, values["vat"], cell)
            sheet.write(row, 3, values["period"], cell)
            sheet.write(row, 4, values["due"], cell)
            if values["quota"] is None:
                sheet.write_blank(row, 5, None, cell)
                sheet.write_blank(row, 6, None, cell)
            else:
                sheet.write_number(row, 5, values["quota"], cell)
                sheet.write_number(row, 6, values["fulfilled"], cell)
            sheet.write(row, 7, values["reason"], cell)
        workbook.close()
        return output.getvalue()
