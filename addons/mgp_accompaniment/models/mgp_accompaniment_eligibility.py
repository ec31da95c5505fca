# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_accompaniment import ELIGIBILITY_BASES, SPECIALIST

# the person's data shown on the case (person_* fields)
PERSON_IPRA_FIELDS = (
    "mgp_disability_group",
    "mgp_ipra_number",
    "mgp_ipra_date",
    "mgp_ipra_date_end",
    "mgp_impaired_function_ids",
    "mgp_recommended_conditions",
    "mgp_contraindicated_conditions",
)


class MgpAccompaniment(models.Model):
    """Eligibility: the service is provided to a disabled person (seed 000).
    The case keeps what its start rests on; the person's IPRA data are shown
    to those who need to know them."""

    _inherit = "mgp.accompaniment"
    _mgp_protected_fields = ("eligibility_basis", "eligibility_request_id")

    eligibility_basis = fields.Selection(
        ELIGIBILITY_BASES,
        string="Disabled person: basis",
        readonly=True,
        copy=False,
        groups=SPECIALIST,
        help="What the start of the case rests on: the disability group or the "
        "IPRA data of the person, or the request for his disability data.",
    )
    eligibility_request_id = fields.Many2one(
        "mgp.mse.request",
        string="Disability data request",
        readonly=True,
        copy=False,
        groups=SPECIALIST,
    )
    # the person's IPRA data, shown to those who need to know them
    person_disability_group = fields.Selection(
        [
            ("1", "Group I"),
            ("2", "Group II"),
            ("3", "Group III"),
            ("child", "Disabled child"),
        ],
        string="Disability group",
        compute="_compute_person_ipra",
        groups=SPECIALIST,
    )
    person_ipra_number = fields.Char(
        string="IPRA number", compute="_compute_person_ipra", groups=SPECIALIST
    )
    person_ipra_date = fields.Date(
        string="IPRA date", compute="_compute_person_ipra", groups=SPECIALIST
    )
    person_ipra_date_end = fields.Date(
        string="IPRA valid until", compute="_compute_person_ipra", groups=SPECIALIST
    )
    person_impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        string="Impaired functions",
        compute="_compute_person_ipra",
        groups=SPECIALIST,
    )
    person_recommended_conditions = fields.Text(
        string="Recommended working conditions",
        compute="_compute_person_ipra",
        groups=SPECIALIST,
    )
    person_contraindicated_conditions = fields.Text(
        string="Contraindicated working conditions",
        compute="_compute_person_ipra",
        groups=SPECIALIST,
    )

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_person_ipra(self):
        # need to know: the data of the persons whose data the user may read
        allowed = self.partner_id._mgp_person_data_allowed()
        if not self.env.su:
            # shown on the case: in the access journal
            self.env["res.partner"]._mgp_journal_read(
                allowed,
                PERSON_IPRA_FIELDS,
                case=self if len(self) == 1 and isinstance(self.id, int) else None,
            )
        for case in self:
            # read as superuser, shown only when ``allowed`` (above)
            person = case.partner_id.sudo() if case.partner_id in allowed else None
            case.person_disability_group = person and person.mgp_disability_group
            case.person_ipra_number = person and person.mgp_ipra_number
            case.person_ipra_date = person and person.mgp_ipra_date
            case.person_ipra_date_end = person and person.mgp_ipra_date_end
            case.person_impaired_function_ids = (
                person.mgp_impaired_function_ids.ids if person else []
            )
            case.person_recommended_conditions = (
                person and person.mgp_recommended_conditions
            )
            case.person_contraindicated_conditions = (
                person and person.mgp_contraindicated_conditions
            )

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        """The basis of each case, set with its other values (after the
        guard refused any given by the client, before anything is saved: a
        person without one is refused here)."""
        Partner = self.env["res.partner"]
        # refused before a number is drawn
        bases = self._mgp_eligibility(
            Partner.browse(
                {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
            )
        )
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        for vals in vals_list:
            if vals.get("partner_id"):
                basis, request = bases[Partner.browse(vals["partner_id"])]
                vals.update(eligibility_basis=basis, eligibility_request_id=request.id)
        return vals_list

    @api.model
    def _mgp_eligibility(self, partners):
        """The basis on which each of ``partners`` may receive the service: a
        disabled person (disability group or IPRA data on the person), or
        one whose disability data were requested (a disability data request
        sent, or answered confirming it).

        :return: ``{partner: (basis, request)}``
        :raise UserError: for a person without any of them
        """
        self._mgp_check_foreign_persons(partners)
        # the check reads the person's disability data whatever the user's
        # need to know: only the basis is kept on the case
        people = partners.sudo()
        requests = self.env["mgp.mse.request"].sudo()
        pending = people.filtered(
            lambda p: not (p.mgp_disability_group or p.mgp_ipra_number)
        )
        if pending:
            requests = requests.search(
                [
                    ("partner_id", "in", pending.ids),
                    ("request_type", "=", "disability"),
                    ("direction", "=", "outgoing"),
                    "|",
                    ("state", "=", "sent"),
                    "&",
                    ("state", "=", "answered"),
                    ("disability_confirmed", "=", True),
                ],
                order="date_sent desc, id desc",
            )
        result = {}
        for person in people:
            partner = person.with_env(self.env)
            if person.mgp_disability_group:
                result[partner] = ("group", requests.browse())
            elif person.mgp_ipra_number:
                result[partner] = ("ipra", requests.browse())
            else:
                request = requests.filtered(lambda r, p=person: r.partner_id == p)[:1]
                if not request:
                    raise UserError(
                        self.env._(
                            "The service is provided to a disabled person: %s has "
                            "neither a disability group nor IPRA data, and no "
                            "request for his disability data was sent. Enter the "
                            "disability data of the person or send the request "
                            "first.",
                            partner.display_name,
                        )
                    )
                result[partner] = ("request", request.with_env(self.env))
        return result

    @api.model
    def _mgp_check_foreign_persons(self, partners):
        """A person of another centre is taken into a case only through that
        centre's sharing of his data: refused before anything about him (his
        name, whether he is disabled) is told."""
        foreign = (
            partners.sudo()
            .filtered(lambda p: p.company_id and p.company_id not in self.env.companies)
            .with_env(self.env)
        )
        if not self.env.su and foreign - foreign._mgp_person_data_allowed():
            raise UserError(
                self.env._(
                    "This person is registered in another employment centre: he "
                    "is taken into a case of your centre only when his data are "
                    "shared with it, which the regional administrator decides."
                )
            )
