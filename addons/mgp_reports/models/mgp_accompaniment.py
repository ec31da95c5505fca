# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Cases started under the superseded standard 518н (seed 002): a centre
migrating its history keeps their заявление and заключение and the entries
of the personal file (002 §3.7)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SPECIALIST = "mgp_base.group_specialist"
# the day the standard of Order 692n came into force (it replaced 518н);
# a regional administrator may change it (Settings › Technical › Parameters)
STANDARD_692N_PARAM = "mgp_reports.standard_692n_date"
STANDARD_692N_DEFAULT = "2025-03-01"
PERSONAL_FILE_518N_FIELDS = (
    "conclusion_issued_date",
    "conclusion_handed_over",
    "conclusion_acknowledged_date",
    "conclusion_copy_kept",
)


class MgpAccompaniment(models.Model):
    _inherit = "mgp.accompaniment"

    mgp_518n = fields.Boolean(
        string="Started under standard 518n",
        compute="_compute_mgp_518n",
        search="_search_mgp_518n",
        help="The case started (application of the citizen) before the standard "
        "of Order 692n came into force: its application and conclusion are "
        "those of the superseded standard 518n (seed 002).",
    )
    # 002 §3.7: «выдает заявителю один экземпляр заключения; производит
    # запись о выданном заключении в личном деле заявителя; знакомит
    # заявителя письменно (под роспись) …; приобщает к личному делу
    # заявителя второй экземпляр заключения»
    conclusion_issued_date = fields.Date(
        string="Conclusion issued on", tracking=True, groups=SPECIALIST
    )
    conclusion_handed_over = fields.Text(
        string="Handed over to the applicant",
        groups=SPECIALIST,
        help="What was handed over with the conclusion (one copy of the "
        "conclusion, information materials…), as entered in the personal file.",
    )
    conclusion_acknowledged_date = fields.Date(
        string="Acknowledged on",
        tracking=True,
        groups=SPECIALIST,
        help="«С заключением ознакомлен(а)»: the day the applicant signed the "
        "entry of the personal file.",
    )
    conclusion_copy_kept = fields.Boolean(
        string="Second copy kept in the personal file",
        tracking=True,
        groups=SPECIALIST,
    )

    @api.model
    def _mgp_standard_692n_date(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()  # a technical parameter every specialist's form reads
            .get_param(STANDARD_692N_PARAM, STANDARD_692N_DEFAULT)
        )
        return fields.Date.to_date(value)

    @api.depends("plan_agreed_date")
    def _compute_mgp_518n(self):
        start = self._mgp_standard_692n_date()
        for case in self:
            case.mgp_518n = bool(
                case.plan_agreed_date and case.plan_agreed_date < start
            )

    def _search_mgp_518n(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        before = (operator == "=") == bool(value)
        start = self._mgp_standard_692n_date()
        return [("plan_agreed_date", "<" if before else ">=", start)]

    @api.constrains("plan_agreed_date", *PERSONAL_FILE_518N_FIELDS)
    def _check_personal_file_518n(self):
        for case in self.sudo():  # the check reads the case's own fields
            if not any(case[name] for name in PERSONAL_FILE_518N_FIELDS):
                continue
            if not case.mgp_518n:
                raise ValidationError(
                    self.env._(
                        "%s started under the standard of Order 692n: the "
                        "personal-file entries of the conclusion belong to cases "
                        "started under standard 518n.",
                        case.display_name,
                    )
                )
            issued = case.conclusion_issued_date
            if not issued and (
                case.conclusion_acknowledged_date or case.conclusion_copy_kept
            ):
                raise ValidationError(
                    self.env._(
                        "Enter the day the conclusion was issued before its "
                        "acknowledgement or its second copy."
                    )
                )
            if issued and issued < case.plan_agreed_date:
                raise ValidationError(
                    self.env._("The conclusion cannot precede the application.")
                )
            if (
                case.conclusion_acknowledged_date
                and case.conclusion_acknowledged_date < issued
            ):
                raise ValidationError(
                    self.env._(
                        "The applicant cannot acknowledge the conclusion before "
                        "it is issued."
                    )
                )
