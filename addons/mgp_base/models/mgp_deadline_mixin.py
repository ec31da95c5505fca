# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain

from .mgp_deadline import SLA_STATUS
from .mgp_register_mixin import released


class MgpDeadlineMixin(models.AbstractModel):
    """Deadlines of a case, computed by the shared calendar.

    A case model inherits this mixin (and has a ``company_id``); its
    procedures call :meth:`_mgp_deadline_open`, :meth:`_mgp_deadline_close`
    and :meth:`_mgp_deadline_cancel` with the codes of ``mgp.deadline.rule``.
    Override :meth:`_mgp_deadline_user` and :meth:`_mgp_state_id` to change
    who is responsible and which region's calendar applies.
    """

    _name = "mgp.deadline.mixin"
    _description = "Case with Deadlines"

    deadline_ids = fields.One2many(
        "mgp.deadline",
        "res_id",
        string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )
    mgp_next_deadline_id = fields.Many2one(
        "mgp.deadline",
        string="Next deadline",
        compute="_compute_mgp_next_deadline",
    )
    mgp_next_date_due = fields.Date(
        string="Next due date", compute="_compute_mgp_next_deadline"
    )
    mgp_sla_status = fields.Selection(
        SLA_STATUS,
        string="SLA",
        compute="_compute_mgp_next_deadline",
        search="_search_mgp_sla_status",
    )

    @api.depends(
        "deadline_ids.state", "deadline_ids.date_due", "deadline_ids.sla_status"
    )
    def _compute_mgp_next_deadline(self):
        rank = {"late": 2, "at_risk": 1, "on_track": 0}
        for record in self:
            open_deadlines = record.deadline_ids.filtered(
                lambda d: d.state == "open" and not d.external
            ) or record.deadline_ids.filtered(lambda d: d.state == "open")
            nearest = open_deadlines.sorted(lambda d: (d.date_due, d.id))[:1]
            record.mgp_next_deadline_id = nearest
            record.mgp_next_date_due = nearest.date_due
            record.mgp_sla_status = (
                max(open_deadlines.mapped("sla_status"), key=rank.get)
                if open_deadlines
                else False
            )

    def _search_mgp_sla_status(self, operator, value):
        if operator not in ("=", "in"):
            return NotImplemented
        values = [value] if operator == "=" else list(value)
        deadline_domain = Domain(
            [
                ("res_model", "=", self._name),
                ("state", "=", "open"),
                ("external", "=", False),
            ]
        )
        worse = {"late": [], "at_risk": ["late"], "on_track": ["late", "at_risk"]}
        result = Domain.FALSE
        for status in values:
            if not status:
                continue
            cases = (
                self.env["mgp.deadline"]
                .sudo()
                ._search(  # ids only, no data
                    deadline_domain & Domain("sla_status", "=", status)
                )
            )
            domain = Domain("id", "in", cases.select("res_id"))
            if worse.get(status):
                worse_cases = (
                    self.env["mgp.deadline"]
                    .sudo()
                    ._search(
                        deadline_domain & Domain("sla_status", "in", worse[status])
                    )
                )
                domain &= Domain("id", "not in", worse_cases.select("res_id"))
            result |= domain
        return result

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _mgp_deadline_user(self):
        """User responsible for the case's deadlines."""
        self.ensure_one()
        user = self["user_id"] if "user_id" in self._fields else False
        return user or self.env.user

    def _mgp_state_id(self):
        """Region whose calendar applies: the centre's region."""
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else False
        return (company or self.env.company).state_id.id

    def _mgp_on_mse_sent(self, request):
        """Called when ``request`` to the MSE bureau is sent."""
        return True

    def _mgp_on_mse_answer(self, request):
        """Called when the MSE bureau's answer to ``request`` is registered."""
        return True

    def _mgp_on_request_impossible(self, request):
        """Called when ``request`` comes back as «невозможно представить»."""
        return True

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    def _mgp_deadline_open(self, code, date_start=None, user=None, days=None):
        """Open the deadline ``code`` counted from ``date_start``.

        An already open deadline with the same code is returned unchanged.
        :return: the ``mgp.deadline`` record
        """
        self.ensure_one()
        return self.env["mgp.deadline"]._open_for(
            self, code, date_start=date_start, user=user, days=days
        )

    def _mgp_deadline_close(self, codes, date_done=None):
        """Close the open deadlines of ``codes`` (a code or a list)."""
        codes = [codes] if isinstance(codes, str) else list(codes)
        return self.deadline_ids.filtered(lambda d: d.code in codes)._close(date_done)

    def _mgp_deadline_cancel(self, codes=None):
        """Cancel open deadlines (of ``codes`` or all) when leaving a path."""
        if isinstance(codes, str):
            codes = [codes]
        return self.deadline_ids.filtered(
            lambda d: codes is None or d.code in codes
        )._cancel()

    def _mgp_deadline_get(self, code):
        """The latest deadline of ``code`` of this case (any state)."""
        self.ensure_one()
        return self.deadline_ids.filtered(lambda d: d.code == code).sorted("id")[-1:]

    @api.ondelete(at_uninstall=False)
    def _unlink_mgp_deadlines(self):
        deadlines = (
            self.env["mgp.deadline"]
            .sudo()
            .search(  # bookkeeping follows the case
                [("res_model", "=", self._name), ("res_id", "in", self.ids)]
            )
        )
        # the register keeps deadlines; those of a case that may be deleted
        # (not kept itself) go with it
        with released(deadlines):
            deadlines.unlink()
