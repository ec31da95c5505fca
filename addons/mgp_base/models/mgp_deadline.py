# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

SLA_STATUS = [
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("late", "Late"),
]


class MgpDeadline(models.Model):
    """One tracked procedure of a case, due on a working day.

    Deadlines are opened, closed and cancelled only through
    :class:`MgpDeadlineMixin`; ``is_late`` and ``sla_status`` are refreshed
    set-based by :meth:`_refresh_sla` (after each change and daily by cron).
    """

    _name = "mgp.deadline"
    _description = "Procedure Deadline"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"

    name = fields.Char(string="Procedure", required=True)
    code = fields.Char(required=True, index=True)
    rule_id = fields.Many2one("mgp.deadline.rule", ondelete="restrict")
    res_model = fields.Char(string="Case model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char(string="Case name", compute="_compute_res_name")
    date_start = fields.Date(string="Counted from", required=True)
    date_due = fields.Date(string="Due", required=True, index=True)
    date_at_risk = fields.Date(string="At risk from", required=True)
    date_done = fields.Date(string="Done on")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="open",
        index=True,
    )
    is_late = fields.Boolean(string="Late", readonly=True, index=True)
    sla_status = fields.Selection(
        SLA_STATUS, string="SLA", readonly=True, default="on_track", index=True
    )
    external = fields.Boolean(
        help="A third party's deadline, not the centre's own procedure."
    )
    user_id = fields.Many2one("res.users", string="Responsible", index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    working_days = fields.Integer(string="Working days")
    at_risk_notified = fields.Boolean(readonly=True, copy=False)
    late_notified = fields.Boolean(readonly=True, copy=False)

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        names = {}
        for res_model, deadlines in self.grouped("res_model").items():
            if res_model not in self.env:
                continue
            # the case's label only, for whoever may read its deadlines
            cases = (
                self.env[res_model].sudo().browse(deadlines.mapped("res_id")).exists()
            )
            names.update({(res_model, case.id): case.display_name for case in cases})
        for deadline in self:
            deadline.res_name = names.get((deadline.res_model, deadline.res_id), False)

    def action_open_case(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    @api.model
    def _open_for(self, record, code, date_start=None, user=None, days=None):
        """Open the deadline ``code`` of ``record`` counted from ``date_start``.

        The due date is ``days`` (default: the rule's length) working days
        after ``date_start`` in the calendar of the record's region. An
        already open deadline with the same code is returned unchanged.
        """
        record.ensure_one()
        Deadline = self.sudo()  # engine bookkeeping, whatever the user's rights
        existing = Deadline.search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("code", "=", code),
                ("state", "=", "open"),
            ],
            limit=1,
        )
        if existing:
            return existing.with_env(self.env)
        # rules are configuration every case user may apply
        rule = self.env["mgp.deadline.rule"].sudo()._get_rule(code)
        date_start = fields.Date.to_date(date_start) or fields.Date.context_today(self)
        length = rule.days if days is None else days
        if hasattr(record, "_mgp_state_id"):
            state_id = record._mgp_state_id()
        else:
            state_id = (
                record["company_id"].state_id.id
                if "company_id" in record._fields
                else False
            )
        Calendar = self.env["mgp.calendar"]
        date_due = Calendar.add_working_days(date_start, length, state_id)
        date_at_risk = date_due
        if rule.at_risk_days:
            date_at_risk = max(
                Calendar.add_working_days(date_due, -rule.at_risk_days, state_id),
                date_start,
            )
        if user is None:
            user = (
                record._mgp_deadline_user()
                if hasattr(record, "_mgp_deadline_user")
                else self.env.user
            )
        company = record["company_id"] if "company_id" in record._fields else False
        deadline = Deadline.create(
            {
                "name": rule.name,
                "code": code,
                "rule_id": rule.id,
                "res_model": record._name,
                "res_id": record.id,
                "date_start": date_start,
                "date_due": date_due,
                "date_at_risk": date_at_risk,
                "external": rule.external,
                "working_days": length,
                "user_id": user.id if user else False,
                "company_id": (company or self.env.company).id,
            }
        )
        Deadline._refresh_sla(deadline.ids, notify=False)
        return deadline.with_env(self.env)

    def _close(self, date_done=None):
        """Mark open deadlines done on ``date_done`` (default: today)."""
        deadlines = self.filtered(lambda d: d.state == "open")
        if deadlines:
            date_done = fields.Date.to_date(date_done) or fields.Date.context_today(
                self
            )
            # engine bookkeeping: closing follows the case, whoever acts on it
            deadlines.sudo().write({"state": "done", "date_done": date_done})
            self._refresh_sla(deadlines.ids, notify=False)
        return deadlines

    def _cancel(self):
        """Cancel open deadlines (the case left their path)."""
        deadlines = self.filtered(lambda d: d.state == "open")
        if deadlines:
            # engine bookkeeping: cancelling follows the case
            deadlines.sudo().write({"state": "cancelled"})
            self._refresh_sla(deadlines.ids, notify=False)
        return deadlines

    # ------------------------------------------------------------------
    # SLA refresh (set-based)
    # ------------------------------------------------------------------
    @api.model
    def _cron_refresh_sla(self):
        self._refresh_sla()

    @api.model
    def _refresh_sla(self, ids=None, today=None, notify=True):
        """Recompute ``is_late``/``sla_status`` in one UPDATE and notify.

        :param ids: restrict to these deadlines (default: every open or
            changed one)
        :param today: reference date (default: today)
        :param notify: schedule the activities of newly at-risk/late deadlines
        """
        today = today or fields.Date.context_today(self)
        self.env.flush_all()
        id_filter = SQL("TRUE") if ids is None else SQL("id IN %s", tuple(ids) or (0,))
        status = SQL(
            """CASE
                WHEN state = 'done' AND date_done > date_due THEN 'late'
                WHEN state = 'open' AND date_due < %(today)s THEN 'late'
                WHEN state = 'open' AND date_at_risk <= %(today)s THEN 'at_risk'
                ELSE 'on_track'
            END""",
            today=today,
        )
        late = SQL(
            """(state = 'done' AND date_done > date_due)
               OR (state = 'open' AND date_due < %(today)s)""",
            today=today,
        )
        self.env.cr.execute(
            SQL(
                """UPDATE mgp_deadline
                      SET sla_status = %(status)s, is_late = %(late)s
                    WHERE %(id_filter)s
                      AND (state = 'open' OR %(restricted)s)
                      AND (sla_status IS DISTINCT FROM %(status)s
                           OR is_late IS DISTINCT FROM %(late)s)
                RETURNING id""",
                status=status,
                late=late,
                id_filter=id_filter,
                restricted=ids is not None,
            )
        )
        if self.env.cr.rowcount:
            self.invalidate_model(["sla_status", "is_late"])
        if notify:
            self._notify_sla()
        return True

    @api.model
    def _notify_sla(self):
        """One activity per deadline for the responsible user once at risk,
        one per manager of the centre once late — never twice."""
        Activity = self.env["mail.activity"].sudo()  # cron may lack case access
        activity_type = self.env.ref(
            "mgp_base.mail_activity_type_deadline", raise_if_not_found=False
        )
        to_warn = self.sudo().search(  # reads across centres for the cron
            [
                ("state", "=", "open"),
                ("sla_status", "in", ("at_risk", "late")),
                ("at_risk_notified", "=", False),
            ]
        )
        vals_list = []
        for deadline in to_warn.filtered("user_id"):
            vals_list.append(
                deadline._prepare_activity_vals(
                    deadline.user_id,
                    activity_type,
                    self.env._("Deadline at risk: %s", deadline.name),
                )
            )
        # the cron escalates across centres
        to_escalate = self.sudo().search(
            [
                ("state", "=", "open"),
                ("sla_status", "=", "late"),
                ("late_notified", "=", False),
            ]
        )
        if to_escalate:
            managers_by_company = to_escalate.company_id._mgp_get_managers()
            for deadline in to_escalate:
                for manager in managers_by_company.get(deadline.company_id.id, []):
                    vals_list.append(
                        deadline._prepare_activity_vals(
                            manager,
                            activity_type,
                            self.env._("Deadline missed: %s", deadline.name),
                        )
                    )
        if vals_list:
            Activity.create(vals_list)
        to_warn.write({"at_risk_notified": True})
        to_escalate.write({"late_notified": True})

    def _prepare_activity_vals(self, user, activity_type, summary):
        self.ensure_one()
        target_model, target_id = self._get_activity_target()
        return {
            "res_model_id": self.env["ir.model"]._get_id(target_model),
            "res_id": target_id,
            "activity_type_id": activity_type.id if activity_type else False,
            "summary": summary,
            "note": self.env._(
                "%(procedure)s is due on %(date)s.",
                procedure=self.name,
                date=self.date_due,
            ),
            "date_deadline": self.date_due,
            "user_id": user.id,
        }

    def _get_activity_target(self):
        """The case carries the activity when it supports activities."""
        self.ensure_one()
        if self.res_model in self.env and hasattr(
            self.env[self.res_model], "activity_schedule"
        ):
            return self.res_model, self.res_id
        return self._name, self.id
