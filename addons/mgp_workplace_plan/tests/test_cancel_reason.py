# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reasons a plan stops are a catalogue the regional administrator
edits; the update of 19.0.1.2.0 turns the old selection's codes into its
rows."""

import importlib.util
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import WorkplaceCommon

MIGRATION = (
    Path(__file__).parent.parent / "migrations" / "19.0.1.2.0" / "post-migrate.py"
)


@tagged("post_install", "-at_install")
class TestCancelReason(WorkplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reason = cls.env["mgp.workplace.cancel.reason"]

    def test_admin_edits_the_catalogue_specialist_reads_it(self):
        reason = self.Reason.with_user(self.admin).create(
            {"code": "reorganised", "name": "Реорганизация работодателя"}
        )
        self.assertTrue(reason.manual)
        as_specialist = reason.with_user(self.specialist)
        self.assertEqual(as_specialist.name, "Реорганизация работодателя")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            as_specialist.write({"name": "Иное"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Reason.with_user(self.specialist).create({"code": "x", "name": "X"})
        # a reason the plan's own steps give is archived, never deleted
        no_response = self.env.ref("mgp_workplace_plan.cancel_reason_no_response")
        with self.assertRaises(UserError):
            no_response.with_user(self.admin).unlink()

    def test_stop_with_a_reason_the_admin_added(self):
        reason = self.Reason.with_user(self.admin).create(
            {"code": "reorganised", "name": "Реорганизация работодателя"}
        )
        plan = self._appeal().with_user(self.specialist)
        wizard = (
            self.env["mgp.workplace.cancel.wizard"]
            .with_user(self.specialist)
            .create({"plan_id": plan.id, "reason_id": reason.id, "note": "Письмо"})
        )
        wizard.action_confirm()
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_reason_id, reason)
        # the notice says «иные обстоятельства» with the details, as for «other»
        notice = plan.message_ids.filtered(lambda m: self.employer in m.partner_ids)
        self.assertIn("иные обстоятельства: Письмо", notice[0].body)

    def test_reasons_of_the_steps_are_not_chosen(self):
        plan = self._appeal().with_user(self.specialist)
        for code in ("declined", "no_response"):
            with self.assertRaises(UserError):
                plan.action_cancel(code)
        self.assertEqual(plan.state, "appealed")
        self.assertFalse(plan.cancel_reason_id)
        offered = self.env["mgp.workplace.cancel.wizard"].fields_get(["reason_id"])
        self.assertEqual(offered["reason_id"]["domain"], [("manual", "=", True)])

    def test_migration_of_the_selection_codes(self):
        withdrawn = self._appeal()
        dismissed = self._appeal(snils="345-678-912 26", worker_name="Новиков Н. Н.")
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "ALTER TABLE mgp_workplace_plan"
            " ADD COLUMN IF NOT EXISTS cancel_reason varchar"
        )
        for plan, code in ((withdrawn, "withdrawn"), (dismissed, "dismissed")):
            cr.execute(
                SQL(
                    "UPDATE mgp_workplace_plan SET state = 'cancelled',"
                    " cancel_reason = %s, cancel_reason_id = NULL WHERE id = %s",
                    code,
                    plan.id,
                )
            )
        template = self.env.ref("mgp_workplace_plan.mail_template_cancelled")
        spec = importlib.util.spec_from_file_location("mgp_s2_reasons", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for old, new in module.TEMPLATE_EXPRESSIONS:
            cr.execute(
                "UPDATE mail_template"
                " SET body_html = replace(body_html::text, %s, %s)::jsonb"
                " WHERE id = %s",
                [new, old, template.id],
            )
        template.invalidate_recordset()
        self.assertNotIn("cancel_reason_id", template.body_html)
        module.migrate(cr, "19.0.1.1.0")
        self.assertEqual(withdrawn.cancel_reason_id.code, "withdrawn")
        self.assertEqual(dismissed.cancel_reason_id.code, "dismissed")
        self.assertIn("object.cancel_reason_id.code ==", template.body_html)
        self.assertNotIn("object.cancel_reason ==", template.body_html)
