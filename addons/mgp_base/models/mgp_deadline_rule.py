# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextvars
import datetime
from contextlib import contextmanager

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .mgp_today import centre_today

UNITS = [
    ("working_days", "Working days"),
    ("calendar_days", "Calendar days"),
    ("months", "Months"),
    ("day_of_next_month", "Day of the following month"),
]


# set by :func:`deadline_rules_read_once` for the code running inside it
_VARIANTS = contextvars.ContextVar("mgp_deadline_rule_variants", default=None)


@contextmanager
def deadline_rules_read_once():
    """Inside the block the variants of each code are read once (a batch of
    an import opens thousands of deadlines of a few codes). The registry's
    cache of :meth:`MgpDeadlineRule._mgp_variant_ids` now keeps them across
    transactions too; the block stays for its callers. A switch of the
    running code, not a context key."""
    token = _VARIANTS.set({})
    try:
        yield
    finally:
        _VARIANTS.reset(token)


class MgpDeadlineRule(models.Model):
    """How long a procedure may take, and from which event.

    Several variants may share a ``code``: a regional one (``state_id``)
    replaces the country-wide ones in its region, and a variant applies from
    its ``date_from``. :meth:`_get_rule` picks the variant in force on the
    start date in the centre's region; :meth:`_mgp_due_date` gives the due
    date by it, always through ``mgp.calendar``.
    """

    _name = "mgp.deadline.rule"
    _description = "Deadline Rule"
    _inherit = ["mail.thread"]
    _order = "service, sequence, code, date_from desc, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        index=True,
        tracking=True,
        help="The procedure's code; the variants of a procedure share it.",
    )
    name = fields.Char(string="Procedure", required=True)
    service = fields.Selection(
        [
            ("employment", "Accompaniment at employment"),
            ("workplace", "Workplace accompaniment plan"),
            ("registry", "NGO registry"),
            ("other", "Other"),
        ],
        required=True,
        default="employment",
    )
    unit = fields.Selection(
        UNITS,
        required=True,
        default="working_days",
        tracking=True,
        help="How the term is counted. A term in calendar days or months, or "
        "a day of the following month, that ends on a day off ends on the "
        "next working day (Civil Code, art. 193).",
    )
    days = fields.Integer(
        string="Length",
        required=True,
        default=1,
        tracking=True,
        help="Length of the procedure in the rule's unit (working days, "
        "calendar days or months); for a day of the following month, the "
        "day of that month.",
    )
    at_risk_days = fields.Integer(
        string="At risk threshold",
        default=0,
        tracking=True,
        help="The deadline is at risk when this many working days or fewer "
        "remain before the due date (0: on the due date itself).",
    )
    start_event = fields.Char(
        string="Counted from",
        help="The event the term is counted from.",
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The region where this variant applies (replacing the "
        "country-wide variants there); empty: every region.",
    )
    date_from = fields.Date(
        string="Applies from",
        tracking=True,
        help="The variant applies to terms starting on or after this day; "
        "empty: always.",
    )
    legal_source = fields.Text(
        string="Legal source",
        tracking=True,
        help="The act (and its article) that sets this term.",
    )
    standard = fields.Boolean(
        string="Set by the standard",
        tracking=True,
        help="The term is set by the standard of the measure (Order 692n), "
        "not a regional or configurable default.",
    )
    external = fields.Boolean(
        help="A third party's deadline (e.g. the MSE bureau's answer): tracked, "
        "but not counted as the centre's own violation.",
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    # one variant per code, region and start day (NULL = every region/always)
    _code_state_date_uniq = models.UniqueIndex(
        "(code, COALESCE(state_id, 0), COALESCE(date_from, '0001-01-01'::date))",
        "A deadline rule with this code already exists for this region and start day.",
    )

    @api.constrains("days", "at_risk_days", "unit")
    def _check_days(self):
        for rule in self:
            if rule.days < 0 or rule.at_risk_days < 0:
                raise ValidationError(
                    self.env._(
                        "The length and the at-risk threshold of a deadline "
                        "rule cannot be negative."
                    )
                )
            if rule.unit == "working_days" and rule.at_risk_days > rule.days:
                raise ValidationError(
                    self.env._(
                        "The at-risk threshold of rule %(code)s cannot exceed "
                        "its length.",
                        code=rule.code,
                    )
                )
            if rule.unit == "day_of_next_month" and not 1 <= rule.days <= 31:
                raise ValidationError(
                    self.env._(
                        "Rule %(code)s counts to a day of the following month: "
                        "its length is that day, from 1 to 31.",
                        code=rule.code,
                    )
                )

    @api.depends("code", "name", "state_id", "date_from")
    def _compute_display_name(self):
        for rule in self:
            name = f"[{rule.code}] {rule.name}" if rule.code else rule.name
            qualifiers = [rule.state_id.name] if rule.state_id else []
            if rule.date_from:
                qualifiers.append(
                    self.env._("from %s", fields.Date.to_string(rule.date_from))
                )
            if qualifiers:
                name = f"{name} ({', '.join(qualifiers)})"
            rule.display_name = name

    # ------------------------------------------------------------------
    # Variants
    # ------------------------------------------------------------------
    @api.model
    def _mgp_variants(self, code):
        """Every variant of ``code`` (the archived ones only when no variant
        is active: a rule archived by mistake does not stop the cases)."""
        variants = self.browse(self._mgp_variant_ids(code))
        if not variants:
            raise ValidationError(
                self.env._("No deadline rule is configured for code %s.", code)
            )
        return variants

    @api.model
    @tools.ormcache("code")
    def _mgp_variant_ids(self, code):
        """The ids of :meth:`_mgp_variants`, kept by the registry until a
        rule is created, changed or deleted (the rules are the region's
        configuration, read by every deadline opened; no record rule
        restricts them)."""
        variants = (
            self.sudo()  # the same rules for everyone: the cache is shared
            .with_context(active_test=False)
            .search([("code", "=", code)])
        )
        return tuple((variants.filtered("active") or variants).ids)

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) & {"code", "active"}:
            self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    def _mgp_in_force(self, date_start, state_id=False):
        """Among the variants ``self`` (of one code), the one in force on
        ``date_start`` in region ``state_id``: the region's variants in force
        then, if any, else the country-wide ones; among them the latest
        ``date_from`` not after ``date_start``."""
        if isinstance(state_id, models.BaseModel):
            state_id = state_id.id
        in_force = self.filtered(lambda r: not r.date_from or r.date_from <= date_start)
        chosen = (
            state_id and in_force.filtered(lambda r: r.state_id.id == state_id)
        ) or in_force.filtered(lambda r: not r.state_id)
        if not chosen:
            raise ValidationError(
                self.env._(
                    "No deadline rule %(code)s is in force on %(date)s in this region.",
                    code=self[:1].code,
                    date=fields.Date.to_string(date_start),
                )
            )
        return max(chosen, key=lambda r: (r.date_from or datetime.date.min, r.id))

    @api.model
    def _get_rule(self, code, date_start=None, state_id=False):
        """The variant of ``code`` in force on ``date_start`` (default:
        today) in region ``state_id`` (False: the country-wide one)."""
        date_start = fields.Date.to_date(date_start) or centre_today(self)
        return self._mgp_variants(code)._mgp_in_force(date_start, state_id)

    @api.model
    def _mgp_due_date(self, code, date_start, state_id=False):
        """Due date of procedure ``code`` started on ``date_start`` in region
        ``state_id``, by the variant in force then and there."""
        date_start = fields.Date.to_date(date_start)
        rule = self._get_rule(code, date_start, state_id)
        return rule._mgp_compute_due(date_start, state_id)

    # ------------------------------------------------------------------
    # Terms
    # ------------------------------------------------------------------
    def _mgp_compute_due(self, date_start, state_id=False, length=None):
        """Due date by this rule for a start on ``date_start`` (``length``
        replaces the rule's own length)."""
        self.ensure_one()
        if isinstance(state_id, models.BaseModel):
            state_id = state_id.id
        date_start = fields.Date.to_date(date_start)
        n = self.days if length is None else length
        Calendar = self.env["mgp.calendar"]
        if self.unit == "calendar_days":
            return Calendar.add_calendar_days(date_start, n, state_id)
        if self.unit == "months":
            return Calendar.add_months(date_start, n, state_id)
        if self.unit == "day_of_next_month":
            return Calendar.day_of_next_month(date_start, n, state_id)
        return Calendar.add_working_days(date_start, n, state_id)

    def _mgp_compute_at_risk(self, date_start, date_due, state_id=False):
        """The day from which a deadline due on ``date_due`` is at risk: the
        threshold in working days before it, never before the start."""
        self.ensure_one()
        if not self.at_risk_days:
            return date_due
        Calendar = self.env["mgp.calendar"]
        return max(
            Calendar.add_working_days(date_due, -self.at_risk_days, state_id),
            fields.Date.to_date(date_start),
        )
