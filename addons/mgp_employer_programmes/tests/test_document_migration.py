# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_employer_programmes.upgrade import (
    OLD_SUFFIX,
    migrate_programme_documents,
    set_aside_old_type_xmlids,
)

from . import test_training
from .common import ProgrammesCommon

MODULE = "mgp_employer_programmes"


class TestDocumentMigration(ProgrammesCommon):
    """The rows of the removed ``mgp.programme.document`` (tables of
    19.0.1.0.0, created here by SQL) become lines of the engine's
    ``mgp.document.line``."""

    def setUp(self):
        super().setUp()
        self.school = self.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )
        cr = self.env.cr
        cr.execute("DROP TABLE IF EXISTS mgp_programme_document")
        cr.execute("DROP TABLE IF EXISTS mgp_programme_document_type")
        cr.execute(
            """CREATE TABLE mgp_programme_document_type (
                   id serial PRIMARY KEY, name varchar NOT NULL, sequence int,
                   procedure varchar NOT NULL, required bool, active bool)"""
        )
        cr.execute(
            """CREATE TABLE mgp_programme_document (
                   id serial PRIMARY KEY, res_model varchar NOT NULL,
                   res_id int NOT NULL, type_id int NOT NULL, sequence int,
                   procedure varchar, received bool, date_received date,
                   attachment_id int, note varchar, company_id int NOT NULL,
                   write_uid int, write_date timestamp)"""
        )

    def _old_type(self, name, procedure, required, xmlname=None):
        cr = self.env.cr
        cr.execute(
            """INSERT INTO mgp_programme_document_type
                   (name, sequence, procedure, required, active)
               VALUES (%s, 10, %s, %s, true) RETURNING id""",
            (name, procedure, required),
        )
        type_id = cr.fetchone()[0]
        if xmlname:
            cr.execute(
                """INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
                   VALUES (%s, %s, 'mgp.programme.document.type', %s, true)""",
                (MODULE, xmlname, type_id),
            )
        return type_id

    def _old_line(self, record, type_id, received, day=None, attachment=None):
        self.env.cr.execute(
            """INSERT INTO mgp_programme_document
                   (res_model, res_id, type_id, sequence, received, date_received,
                    attachment_id, note, company_id, write_uid, write_date)
               VALUES (%s, %s, %s, 10, %s, %s, %s, 'старая строка', %s, %s,
                       '2026-01-20 10:00')""",
            (
                record._name,
                record.id,
                type_id,
                received,
                day,
                attachment and attachment.id,
                record.company_id.id,
                self.specialist.id,
            ),
        )

    def test_rows_become_engine_lines(self):
        referral = test_training.TestTrainingReferral._referral(self)
        # the referral as 19.0.1.0.0 left it: no engine lines yet
        referral.mgp_document_line_ids.sudo().unlink()
        # the catalogue's xml ids as the pre-migration leaves them (the
        # engine's catalogue took the names); an administrator's entry has none
        extract = self._old_type(
            "Выписка из ИПРА", "training", True, f"document_type_training_1{OLD_SUFFIX}"
        )
        guidance = self._old_type(
            "Заключение профориентации",
            "training",
            False,
            f"document_type_training_2{OLD_SUFFIX}",
        )
        custom = self._old_type("Справка о составе семьи", "training", True)
        # an id the catalogue no longer has is set aside, then its type created
        legacy = self._old_type("Устаревший документ", "training", False, "legacy_9")
        set_aside_old_type_xmlids(self.env.cr)
        self.assertTrue(
            self.env["ir.model.data"].search(
                [("module", "=", MODULE), ("name", "=", f"legacy_9{OLD_SUFFIX}")]
            )
        )
        attachment = self.env["ir.attachment"].create(
            {"name": "профориентация.pdf", "raw": b"%PDF-1.4 x"}
        )
        self._old_line(referral, extract, True, date(2026, 1, 19))
        self._old_line(referral, guidance, False, attachment=attachment)
        self._old_line(referral, custom, False)
        self._old_line(referral, legacy, False)
        self.env.invalidate_all()

        self.assertEqual(migrate_programme_documents(self.env), 4)

        lines = referral.mgp_document_line_ids
        by_type = {line.type_id: line for line in lines}
        ref = self.env.ref
        line = by_type[ref(f"{MODULE}.document_type_training_1")]
        self.assertEqual(line.received_date, date(2026, 1, 19))
        self.assertEqual(line.checked_date, date(2026, 1, 19))
        self.assertEqual(line.checked_by_id, self.specialist)
        self.assertEqual(line.note, "старая строка")
        self.assertEqual(line.company_id, referral.company_id)
        line = by_type[ref(f"{MODULE}.document_type_training_2")]
        self.assertEqual(line.attachment_id, attachment)
        self.assertEqual(line.file_name, "профориентация.pdf")
        self.assertEqual(line.received_date, date(2026, 1, 20))
        self.assertFalse(line.checked_date)
        # the administrator's own entry: a type of the engine with its
        # requirement, still required, still missing
        new_type = self.env["mgp.document.type"].search(
            [("code", "=", f"programme_old_{custom}")]
        )
        self.assertEqual(new_type.name, "Справка о составе семьи")
        self.assertIn(new_type, by_type)
        requirement = self.env["mgp.document.requirement"].search(
            [("type_id", "=", new_type.id)]
        )
        self.assertEqual(requirement.res_model, "mgp.training.referral")
        self.assertEqual(requirement.procedure, "training")
        self.assertTrue(requirement.required)
        legacy_type = self.env["mgp.document.type"].search(
            [("code", "=", f"programme_old_{legacy}")]
        )
        self.assertIn(legacy_type, by_type)
        self.assertFalse(
            self.env["mgp.document.requirement"]
            .search([("type_id", "=", legacy_type.id)])
            .required
        )
        with self.assertRaisesRegex(UserError, "Справка о составе семьи"):
            referral.action_refer(date(2026, 2, 2))
        # the old catalogue's xml ids are gone, the engine's kept
        self.assertFalse(
            self.env["ir.model.data"].search(
                [("model", "=", "mgp.programme.document.type")]
            )
        )
        self.assertEqual(
            ref(f"{MODULE}.document_type_training_1")._name, "mgp.document.type"
        )

    def test_nothing_to_move(self):
        self.env.cr.execute("DROP TABLE mgp_programme_document")
        self.assertEqual(migrate_programme_documents(self.env), 0)
