# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The filing term of the quota report is «не позднее 10 числа месяца,
следующего за отчетным» (seed 004:162): its rule is ``noupdate``, so an
existing database gets the day-of-the-following-month unit here, as a fresh
install does, unless an administrator already changed the rule's unit."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE mgp_deadline_rule r
              SET unit = 'day_of_next_month'
             FROM ir_model_data d
            WHERE d.module = 'mgp_quota' AND d.model = 'mgp.deadline.rule'
              AND d.res_id = r.id AND d.name = 'deadline_rule_quota_report'
              AND r.unit = 'working_days' AND r.days = 10"""
    )
