# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SocempCommon


class TestRecord(SocempCommon):
    """The register's rules (003:41, 77, 108): consent, working age,
    medical conclusion, states and endings."""

    def test_full_path(self):
        record = self._receiving()
        self.assertEqual(record.state, "receiving")
        self.assertEqual(record.company_id, self.company_a)
        self.assertTrue(record.name.startswith("СЗ-"))
        self.assertEqual(record.consent_date, date(2025, 12, 5))
        self.assertEqual(record.date_start, date(2025, 12, 8))
        line = (
            self.env["mgp.socemp.record.line"]
            .with_user(self.org_a_user)
            .create(
                {
                    "record_id": record.id,
                    "service_id": self.service_assist.id,
                    "date_start": date(2025, 12, 9),
                }
            )
        )
        record.action_end("moved", date(2026, 2, 2))
        self.assertEqual(record.state, "ended")
        self.assertEqual(record.end_reason_id.code, "moved")
        self.assertFalse(record.consent_withdrawn_date)
        self.assertEqual(line.date_end, date(2026, 2, 2), "running services end")

    def test_no_service_without_consent(self):
        record = self._record()
        with self.assertRaises(UserError):
            record.action_start(date(2025, 12, 8))
        record.action_inform(date(2025, 12, 3))
        with self.assertRaises(UserError):
            record.action_start(date(2025, 12, 8))
        with self.assertRaises(ValidationError):
            self.env["mgp.socemp.record.line"].with_user(self.org_a_user).create(
                {"record_id": record.id, "service_id": self.service_assist.id}
            )
        self.assertEqual(record.state, "informed")

    def test_consent_only_through_its_action(self):
        record = self._record()
        with self.assertRaises(UserError):
            record.write({"consent_date": date(2025, 12, 5), "state": "consented"})
        with self.assertRaises(UserError):
            self._record(partner=self.person_2, consent_date=date(2025, 12, 5))
        hostile = record.with_context(
            default_state="receiving", default_date_start="2020-01-01"
        )
        created = hostile.create(
            {
                "partner_id": self.person_2.id,
                "organisation_id": self.org_a.id,
                "date_identified": date(2025, 12, 1),
            }
        )
        self.assertEqual(created.state, "identified")
        self.assertFalse(created.date_start)

    def test_consent_in_the_future_refused(self):
        record = self._record()
        with self.assertRaises(ValidationError):
            record.action_consent(date(2099, 1, 1))

    def test_withdrawal_ends_and_stops_exchange(self):
        record = self._receiving()
        request = record._mgp_request_create(self.mse, "ИПРА", date(2025, 12, 9))
        request.action_send(date(2025, 12, 10), date(2025, 12, 10))
        self.assertEqual(request.state, "sent")
        record.action_withdraw_consent(date(2025, 12, 15))
        self.assertEqual(record.state, "ended")
        self.assertEqual(record.end_reason_id.code, "withdrawn")
        self.assertEqual(record.consent_withdrawn_date, date(2025, 12, 15))
        self.assertFalse(record.exchange_allowed)
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(request.deadline_ids.filtered(lambda d: d.state == "open"))
        with self.assertRaises(UserError):
            self.env["mgp.socemp.document"].with_user(self.org_a_user).create(
                {
                    "name": "ИПРА",
                    "record_id": record.id,
                    "kind": "ipra",
                    "participant_id": self.mse.id,
                }
            )
        with self.assertRaises(UserError):
            record._mgp_request_create(self.mse, "ИПРА", date(2025, 12, 16))

    def test_end_withdrawn_records_the_withdrawal(self):
        record = self._consented()
        record.action_end("withdrawn", date(2025, 12, 6))
        self.assertEqual(record.consent_withdrawn_date, date(2025, 12, 6))

    def test_under_working_age_refused(self):
        record = self._record(partner=self.young)
        with self.assertRaisesRegex(UserError, "working age"):
            record.action_consent(date(2025, 12, 5))
        self.assertEqual(record.state, "identified")
        # the bounds are the region's
        self.region.mgp_socemp_age_min = 16
        record.action_consent(date(2025, 12, 5))
        self.assertEqual(record.state, "consented")

    def test_working_age_bounds_effective_dated(self):
        """The bounds in force on the day checked: a change from 01.01.2026
        (the oldest age lowered to 60) refuses a 62-year-old from that day,
        not before it."""
        aged = self.env["res.partner"].create(
            {"name": "Зотов Илья Петрович", "mgp_birth_date": date(1963, 6, 1)}
        )
        Bound = self.env["mgp.socemp.age.bound"]
        with self.assertRaises(AccessError):
            Bound.with_user(self.org_a_user).create(
                {
                    "state_id": self.region.id,
                    "date_from": date(2026, 1, 1),
                    "age_min": 18,
                    "age_max": 60,
                }
            )
        Bound.with_user(self.ministry_user).create(
            {
                "state_id": self.region.id,
                "date_from": date(2026, 1, 1),
                "age_min": 18,
                "age_max": 60,
            }
        )
        self.assertEqual(
            self.region._mgp_socemp_age_bounds(date(2025, 12, 31)), (18, 65)
        )
        self.assertEqual(self.region._mgp_socemp_age_bounds(date(2026, 1, 1)), (18, 60))
        before = self._record(partner=aged)
        before.action_consent(date(2025, 12, 5))
        self.assertEqual(before.state, "consented")
        after = self._record(
            partner=aged, user=self.org_b_user, organisation=self.org_b
        )
        with self.assertRaisesRegex(UserError, "working age"):
            after.action_consent(date(2026, 1, 12))
        self.assertEqual(after.state, "identified")
        # the start is checked on its own day, under the new bounds
        before.write({"medical_date": date(2025, 12, 4), "medical_result": "none"})
        self._medical_checked(before)
        with self.assertRaisesRegex(UserError, "working age"):
            before.action_start(date(2026, 1, 12))

    def test_over_working_age_refused(self):
        old = self.env["res.partner"].create(
            {"name": "Старов Пётр", "mgp_birth_date": date(1950, 1, 1)}
        )
        record = self._record(partner=old)
        with self.assertRaisesRegex(UserError, "working age"):
            record.action_consent(date(2025, 12, 5))

    def test_birth_date_required(self):
        unknown = self.env["res.partner"].create({"name": "Без Даты"})
        record = self._record(partner=unknown)
        with self.assertRaisesRegex(UserError, "birth date"):
            record.action_consent(date(2025, 12, 5))

    def test_contraindication_refuses_start(self):
        record = self._consented(
            medical_date=date(2025, 12, 4), medical_result="contraindicated"
        )
        with self.assertRaisesRegex(UserError, "contraindications"):
            record.action_start(date(2025, 12, 8))
        self.assertEqual(record.state, "consented")
        record.action_end("contraindication", date(2025, 12, 8))
        self.assertEqual(record.end_reason_id.code, "contraindication")

    def test_medical_conclusion_required(self):
        record = self._consented()
        with self.assertRaisesRegex(UserError, "medical conclusion"):
            record.action_start(date(2025, 12, 8))

    def test_medical_conclusion_is_a_checked_document(self):
        """003:108: the conclusion is a document of the record's checklist,
        filed and checked by the organisation before the services start."""
        record = self._consented(medical_date=date(2025, 12, 4), medical_result="none")
        line = self._medical_line(record)
        self.assertTrue(line.required)
        self.assertTrue(line.type_id.medical, "health data: its openings journaled")
        with self.assertRaisesRegex(UserError, "required documents are missing"):
            record.action_start(date(2025, 12, 8))
        self.assertEqual(record.state, "consented")
        # another organisation may neither read nor check it
        with self.assertRaises(AccessError):
            line.with_user(self.org_b_user).action_mark_checked()
        with self.assertRaises(AccessError):
            line.with_user(self.org_b_user).read(["type_id"])
        checked = self._medical_checked(record)
        self.assertEqual(checked.checked_by_id, self.org_a_user)
        self.assertTrue(checked.attachment_id)
        self.assertFalse(record.mgp_document_missing)
        record.action_start(date(2025, 12, 8))
        self.assertEqual(record.state, "receiving")

    def test_contraindication_refused_with_the_document_checked(self):
        record = self._consented(
            medical_date=date(2025, 12, 4), medical_result="contraindicated"
        )
        self._medical_checked(record)
        with self.assertRaisesRegex(UserError, "contraindications"):
            record.action_start(date(2025, 12, 8))
        self.assertEqual(record.state, "consented")

    def test_service_the_organisation_gives(self):
        record = self._receiving(user=self.org_b_user, organisation=self.org_b)
        with self.assertRaises(ValidationError):
            self.env["mgp.socemp.record.line"].with_user(self.org_b_user).create(
                {
                    "record_id": record.id,
                    "service_id": self.service_inform.id,
                    "date_start": date(2025, 12, 9),
                }
            )

    def test_reason_catalogue(self):
        record = self._record()
        with self.assertRaises(UserError):
            record.action_end("no-such-reason", date(2025, 12, 2))
        reason = self.env["mgp.socemp.end.reason"].create(
            {"code": "death", "name": "Смерть"}
        )
        record.action_end(reason, date(2025, 12, 2))
        self.assertEqual(record.end_reason_id, reason)
        with self.assertRaises(UserError):
            record.action_end("other", date(2025, 12, 3))

    def test_one_open_record_per_organisation(self):
        self._record()
        with self.assertRaises(ValidationError):
            self._record()
        # another organisation may serve the same person
        self._record(user=self.org_b_user, organisation=self.org_b)

    def test_record_never_deleted(self):
        record = self._record()
        with self.assertRaises(UserError):
            record.sudo().unlink()

    def test_transitions_refused_outside_their_states(self):
        record = self._receiving()
        for call in (
            lambda: record.action_inform(date(2025, 12, 9)),
            lambda: record.action_consent(date(2025, 12, 9)),
            lambda: record.action_start(date(2025, 12, 9)),
        ):
            with self.assertRaises(UserError):
                call()
        record.action_end("other", date(2025, 12, 10))
        with self.assertRaises(UserError):
            record.action_withdraw_consent(date(2025, 12, 11))
