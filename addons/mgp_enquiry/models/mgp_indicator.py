# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL


class MgpIndicator(models.AbstractModel):
    """The quality indicator of seed 002 beside I1 and I2.

    Seed 002, 2.17.2: «Показателем, характеризующим качество государственной
    услуги, является доля трудоустроенных инвалидов из числа инвалидов,
    получивших услугу в общей численности инвалидов, обратившихся за
    получением государственной услуги.»

    - Denominator: the disabled persons who applied in the period — a case
      whose individual employment plan (the application of the measure) was
      agreed in the period; a person counts once per centre.
    - Numerator: those of them who received the service (a certificate was
      issued) and were employed, both by the end of the period.
    """

    _inherit = "mgp.indicator"

    @api.model
    def _mgp_quality_figures(self, date_from, date_to, companies):
        """The quality figure per centre of ``companies`` and in total, in
        one SQL query over the cases the current user may see.

        :return: dict ``{company id or False (total): {"numerator",
            "denominator", "share"}}``
        """
        self.env.flush_all()
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        query = self.env["mgp.accompaniment"]._search(
            [
                ("company_id", "in", companies.ids),
                ("plan_agreed_date", ">=", date_from),
                ("plan_agreed_date", "<=", date_to),
            ]
        )
        self.env.cr.execute(
            SQL(
                """SELECT company_id, count(*), count(*) FILTER (WHERE employed)
                     FROM (
                       SELECT a.company_id, a.partner_id,
                              bool_or(a.certificate_date <= %(to)s
                                      AND a.employment_date <= %(to)s) AS employed
                         FROM %(from)s
                     GROUP BY a.company_id, a.partner_id
                     ) m
                 GROUP BY ROLLUP (company_id)""",
                to=date_to,
                **self._mgp_from_where(query, "a"),
            )
        )
        result = {company.id: self._mgp_quality_value(0, 0) for company in companies}
        result[False] = self._mgp_quality_value(0, 0)
        for company_id, denominator, numerator in self.env.cr.fetchall():
            result[company_id or False] = self._mgp_quality_value(
                numerator, denominator
            )
        return result

    @api.model
    def _mgp_quality_value(self, numerator, denominator):
        share = round(100.0 * numerator / denominator, 2) if denominator else None
        return {"numerator": numerator, "denominator": denominator, "share": share}
