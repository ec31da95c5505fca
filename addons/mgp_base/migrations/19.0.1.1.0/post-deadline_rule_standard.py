# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The rules of mgp_base are ``noupdate``: flag on an existing database the
ones whose term the standard (Order 692n, seed 000) sets, as a fresh
install does; the administrators' later edits stay theirs."""

STANDARD = (
    "deadline_rule_s1_need_decision",
    "deadline_rule_s1_no_need_notice",
    "deadline_rule_s1_mse_request",
    "deadline_rule_s1_mse_answer",
    "deadline_rule_s1_need_decision_mse",
    "deadline_rule_s1_assignment",
    "deadline_rule_s2_offer_response",
    "deadline_rule_s2_analysis",
    "deadline_rule_s2_plan",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE mgp_deadline_rule r
              SET standard = TRUE,
                  legal_source = COALESCE(r.legal_source,
                      'Стандарт, утв. приказом Минтруда России от 12.12.2024 № 692н')
             FROM ir_model_data d
            WHERE d.module = 'mgp_base' AND d.model = 'mgp.deadline.rule'
              AND d.res_id = r.id AND d.name IN %s
              AND r.standard IS NOT TRUE""",
        [STANDARD],
    )
