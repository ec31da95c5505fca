# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Termination reasons are a catalogue the regional administrator edits;
the case keeps the reason as a row of it, and the update of 19.0.1.1.0
turns the codes the old selection stored into those rows."""

import importlib.util
from datetime import date
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, mute_logger

from .common import AccompanimentCommon

MIGRATION = (
    Path(__file__).parent.parent / "migrations" / "19.0.1.1.0" / "post-migrate.py"
)


def _migration():
    spec = importlib.util.spec_from_file_location("mgp_s1_reasons", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestTerminationReason(AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reason = cls.env["mgp.accompaniment.termination.reason"]

    def _subjects(self, case):
        return case.message_ids.filtered("subject").mapped("subject")

    def test_admin_edits_the_catalogue_specialist_reads_it(self):
        reason = self.Reason.with_user(self.admin).create(
            {"code": "moved", "name": "Переезд в другой регион"}
        )
        reason.write({"sequence": 60, "legal_source": "Решение ЦЗН"})
        self.assertEqual(reason.sequence, 60)
        as_specialist = reason.with_user(self.specialist)
        self.assertEqual(as_specialist.name, "Переезд в другой регион")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            as_specialist.write({"name": "Иное"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Reason.with_user(self.specialist).create(
                {"code": "x", "name": "Подделка"}
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            as_specialist.unlink()
        # the reasons the need decision gives are archived, never deleted
        no_need = self.env.ref("mgp_accompaniment.termination_reason_no_need")
        with self.assertRaises(UserError):
            no_need.with_user(self.admin).unlink()
        no_need.with_user(self.admin).action_archive()
        self.assertFalse(no_need.active)
        reason.with_user(self.admin).unlink()
        self.assertFalse(reason.exists())

    def test_seeded_codes(self):
        codes = {
            reason.code: reason.no_need
            for reason in self.Reason.search([("code", "!=", False)])
        }
        for code, no_need in (
            ("no_need", True),
            ("mse_refusal", True),
            ("withdrawn", False),
            ("deregistered", False),
            ("other", False),
        ):
            self.assertEqual(codes.get(code), no_need, code)
        # the printed name stays the text of the old selection
        self.assertEqual(
            self.env.ref("mgp_accompaniment.termination_reason_withdrawn")
            .with_context(lang="ru_RU")
            .name,
            "Отказ гражданина",
        )

    def test_terminate_with_a_reason_the_admin_added(self):
        reason = self.Reason.with_user(self.admin).create(
            {"code": "moved", "name": "Переезд в другой регион"}
        )
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        case.action_terminate(reason.id, "Переезд", date(2025, 11, 10))
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.termination_reason_id, reason)
        self.assertIn(
            "Уведомление о прекращении сопровождения при трудоустройстве",
            self._subjects(case),
        )
        body = case.message_ids.filtered(
            lambda m: m.subject and "сопровождения при" in m.subject
        ).body
        self.assertIn("Причина: Переезд в другой регион.", body)
        # by its code too; an unknown code is refused and nothing written
        other = self._case(date(2025, 11, 5), partner_id=self.person_2.id)
        with self.assertRaises(UserError):
            other.action_terminate("bored")
        self.assertEqual(other.state, "new")
        other.action_terminate("moved", termination_date=date(2025, 11, 6))
        self.assertEqual(other.termination_reason_id, reason)

    def test_a_no_need_reason_ends_with_the_no_need_notice(self):
        reason = self.Reason.with_user(self.admin).create(
            {"code": "no_need_region", "name": "Нет нуждаемости", "no_need": True}
        )
        case = self._case(date(2025, 11, 5))
        case.action_terminate(reason, termination_date=date(2025, 11, 6))
        self.assertEqual(case.state, "terminated")
        self.assertIn(
            "Уведомление о прекращении предоставления сервиса «Сопровождение "
            "инвалида при трудоустройстве»",
            self._subjects(case),
        )

    def test_the_printed_reason_is_the_old_text(self):
        """The notice prints the reason in the citizen's language (Russian
        in the centres), the text the old selection printed."""
        self.person.lang = "ru_RU"
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        case.action_terminate("withdrawn", termination_date=date(2025, 11, 10))
        body = case.message_ids.filtered(
            lambda m: m.subject and "сопровождения при" in m.subject
        ).body
        self.assertIn("Причина: Отказ гражданина.", body)

    def test_migration_of_the_selection_codes(self):
        """The column of the old selection, set by SQL as the update finds
        it: the script fills the catalogue's rows (an unknown code becomes
        an archived row named by its code) and the notices read them."""
        withdrawn = self._case(date(2025, 11, 5))
        refused = self._case(date(2025, 11, 5), partner_id=self.person_2.id)
        legacy = self._case(
            date(2025, 11, 5), partner_id=self.person.copy({"mgp_snils": False}).id
        )
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "ALTER TABLE mgp_accompaniment"
            " ADD COLUMN IF NOT EXISTS termination_reason varchar"
        )
        for case, code in (
            (withdrawn, "withdrawn"),
            (refused, "mse_refusal"),
            (legacy, "old_code"),
        ):
            cr.execute(
                SQL(
                    "UPDATE mgp_accompaniment SET state = 'terminated',"
                    " termination_reason = %s, termination_reason_id = NULL"
                    " WHERE id = %s",
                    code,
                    case.id,
                )
            )
        template = self.env.ref("mgp_accompaniment.mail_template_termination")
        module = _migration()
        # the notice as the old version stored it
        for old, new in module.TEMPLATE_EXPRESSIONS:
            cr.execute(
                "UPDATE mail_template"
                " SET body_html = replace(body_html::text, %s, %s)::jsonb"
                " WHERE id = %s",
                [new, old, template.id],
            )
        template.invalidate_recordset()
        self.assertIn("_description_selection", template.body_html)
        module.migrate(cr, "19.0.1.0.0")
        self.assertEqual(withdrawn.termination_reason_id.code, "withdrawn")
        self.assertEqual(refused.termination_reason_id.code, "mse_refusal")
        self.assertTrue(refused.termination_reason_id.no_need)
        self.assertEqual(legacy.termination_reason_id.code, "old_code")
        self.assertEqual(legacy.termination_reason_id.name, "old_code")
        self.assertFalse(legacy.termination_reason_id.active)
        self.assertIn("object.termination_reason_id.name", template.body_html)
        self.assertNotIn("_description_selection", template.body_html)
        # a second run finds nothing left to convert
        Reason = self.env["mgp.accompaniment.termination.reason"]
        self.assertEqual(
            Reason._mgp_migrate_selection(
                "mgp_accompaniment", "termination_reason", "termination_reason_id"
            ),
            0,
        )
