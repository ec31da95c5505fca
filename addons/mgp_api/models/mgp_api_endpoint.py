# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class MgpApiEndpoint(models.Model):
    """A receiver of the outbox's events, configured by the administrator
    (the ЕЦП adapter, a regional warehouse…)."""

    _name = "mgp.api.endpoint"
    _description = "Event Receiver"
    _order = "name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    url = fields.Char(
        string="URL", required=True, help="Events are sent by POST to this URL."
    )
    secret = fields.Char(
        groups="mgp_base.group_admin",
        copy=False,
        help="Shared secret: each delivery carries the header X-Mgp-Signature "
        "= sha256=<HMAC-SHA256 of the body with this secret>.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        index=True,
        help="Only the events of this centre; empty: of every centre.",
    )
    max_attempts = fields.Integer(
        default=8,
        required=True,
        help="After so many refused deliveries the event goes to the dead letters.",
    )
    retry_minutes = fields.Integer(
        string="First retry after (minutes)",
        default=5,
        required=True,
        help="The wait doubles after each refused delivery (at most a day).",
    )
    timeout = fields.Integer(string="Timeout (seconds)", default=10, required=True)
    event_ids = fields.One2many("mgp.api.event", "endpoint_id", string="Events")
    dead_count = fields.Integer(
        string="Dead letters", compute="_compute_counts", compute_sudo=False
    )
    pending_count = fields.Integer(compute="_compute_counts", compute_sudo=False)

    _positive_settings = models.Constraint(
        "CHECK (max_attempts > 0 AND retry_minutes > 0 AND timeout > 0)",
        "The attempts, the retry and the timeout must be positive.",
    )

    def _compute_counts(self):
        counts = {
            (endpoint.id, state): count
            for endpoint, state, count in self.env["mgp.api.event"]._read_group(
                [("endpoint_id", "in", self.ids), ("state", "in", ("pending", "dead"))],
                ["endpoint_id", "state"],
                ["__count"],
            )
        }
        for endpoint in self:
            endpoint.dead_count = counts.get((endpoint.id, "dead"), 0)
            endpoint.pending_count = counts.get((endpoint.id, "pending"), 0)

    @api.constrains("url")
    def _check_url(self):
        for endpoint in self:
            if not (endpoint.url or "").startswith(("http://", "https://")):
                raise ValidationError(
                    self.env._("The URL of a receiver starts with http:// or https://.")
                )

    @api.model
    @tools.ormcache()
    def _mgp_active_ids(self):
        """The active receivers, kept by the registry until one is created,
        changed or deleted (every event written asks for them)."""
        return tuple(self.sudo().search([("active", "=", True)]).ids)

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mgp_api.mgp_api_event_action"
        )
        action["domain"] = [("endpoint_id", "=", self.id)]
        action["context"] = {}
        return action
