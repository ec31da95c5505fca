# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SUITE_GROUP = "mgp_base.group_specialist"


def snils_checksum(digits):
    """Control number of the first nine digits of a СНИЛС."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(9, 0, -1), strict=True))
    if total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


def normalize_snils(value):
    """Return ``XXX-XXX-XXX YY`` or raise ``ValueError`` with a reason."""
    digits = re.sub(r"[\s\-]", "", value or "")
    if not digits.isdigit() or len(digits) != 11:
        raise ValueError("length")
    # the control number is defined only above 001-001-998
    if int(digits[:9]) > 1001998 and snils_checksum(digits) != int(digits[9:]):
        raise ValueError("checksum")
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"


class ResPartner(models.Model):
    _inherit = "res.partner"

    mgp_snils = fields.Char(
        string="SNILS",
        copy=False,
        index=True,
        groups=SUITE_GROUP,
        help="Insurance number of the individual personal account, "
        "stored as XXX-XXX-XXX YY.",
    )
    mgp_is_disabled = fields.Boolean(
        string="Disabled person",
        compute="_compute_mgp_is_disabled",
        store=True,
        groups=SUITE_GROUP,
    )
    mgp_disability_group = fields.Selection(
        [
            ("1", "Group I"),
            ("2", "Group II"),
            ("3", "Group III"),
            ("child", "Disabled child"),
        ],
        string="Disability group",
        groups=SUITE_GROUP,
    )
    mgp_ipra_number = fields.Char(string="IPRA number", groups=SUITE_GROUP)
    mgp_ipra_date = fields.Date(string="IPRA date", groups=SUITE_GROUP)
    mgp_ipra_date_end = fields.Date(string="IPRA valid until", groups=SUITE_GROUP)
    mgp_impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        string="Impaired functions",
        groups=SUITE_GROUP,
    )
    mgp_recommended_conditions = fields.Text(
        string="Recommended working conditions", groups=SUITE_GROUP
    )
    mgp_contraindicated_conditions = fields.Text(
        string="Contraindicated working conditions", groups=SUITE_GROUP
    )

    _mgp_snils_uniq = models.UniqueIndex(
        "(mgp_snils) WHERE mgp_snils IS NOT NULL",
        "Another person already has this SNILS.",
    )

    @api.depends("mgp_disability_group")
    def _compute_mgp_is_disabled(self):
        for partner in self:
            partner.mgp_is_disabled = bool(partner.mgp_disability_group)

    @api.constrains("mgp_snils")
    def _check_mgp_snils_unique(self):
        partners = self.filtered("mgp_snils")
        if not partners:
            return
        duplicates = self.sudo().search_count(  # uniqueness spans every centre
            [
                ("mgp_snils", "in", partners.mapped("mgp_snils")),
                ("id", "not in", partners.ids),
            ],
            limit=1,
        )
        if duplicates:
            raise ValidationError(self.env._("Another person already has this SNILS."))

    @api.constrains("mgp_ipra_date", "mgp_ipra_date_end")
    def _check_mgp_ipra_dates(self):
        for partner in self:
            if (
                partner.mgp_ipra_date
                and partner.mgp_ipra_date_end
                and partner.mgp_ipra_date_end < partner.mgp_ipra_date
            ):
                raise ValidationError(
                    self.env._("The IPRA validity cannot end before its date.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._mgp_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._mgp_normalize_vals(vals)
        return super().write(vals)

    def _mgp_check_snils_free(self, snils):
        """Refuse a СНИЛС another person has, before the database does."""
        taken = self.sudo().search_count(  # uniqueness spans every centre
            [("mgp_snils", "=", snils), ("id", "not in", self.ids)], limit=1
        )
        if taken:
            raise ValidationError(self.env._("Another person already has this SNILS."))

    def _mgp_normalize_vals(self, vals):
        if vals.get("mgp_snils"):
            vals["mgp_snils"] = self._mgp_normalize_snils(vals["mgp_snils"])
            self._mgp_check_snils_free(vals["mgp_snils"])
        elif "mgp_snils" in vals:
            vals["mgp_snils"] = False

    @api.model
    def _mgp_normalize_snils(self, value):
        try:
            return normalize_snils(value)
        except ValueError as exc:
            if exc.args[0] == "length":
                raise ValidationError(
                    self.env._("SNILS must consist of 11 digits.")
                ) from None
            raise ValidationError(
                self.env._("SNILS is invalid: its control number does not match.")
            ) from None
