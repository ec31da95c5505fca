# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.tests.transition_walk import TransitionWalkMixin

from .common import SocempCommon


class TestTransitionTable(TransitionWalkMixin, SocempCommon):
    """The tables of the register record and of the need notice, walked
    state by state: refused where they do not start, allowed where they
    do."""

    def test_record_table(self):
        record = self._record(medical_date=date(2025, 12, 4), medical_result="none")
        walked = self._walk_table(
            record,
            self.org_a_user,
            {
                "action_inform": lambda rec: rec.action_inform(date(2025, 12, 3)),
                "action_consent": lambda rec: rec.action_consent(date(2025, 12, 5)),
                "action_start": lambda rec: rec.action_start(date(2025, 12, 8)),
                "action_withdraw_consent": lambda rec: rec.action_withdraw_consent(
                    date(2025, 12, 9)
                ),
                "action_end": lambda rec: rec.action_end("moved", date(2025, 12, 10)),
            },
        )
        self.assertEqual(
            walked,
            [
                "action_inform",
                "action_consent",
                "action_start",
                "action_withdraw_consent",
                "action_end",
            ],
        )
        self._walk_direct_writes(record)

    def test_record_steps_by_the_organisation_only(self):
        """A centre that reads the shared register carries none of its
        steps."""
        self.region.mgp_socemp_share_centres = True
        record = self._record()
        with self.assertRaisesRegex(UserError, "not allowed"):
            record.with_user(self.centre_user).action_inform(date(2025, 12, 3))
        self.assertEqual(record.state, "identified")

    def test_notice_table(self):
        notice = (
            self.env["mgp.socemp.notice"]
            .with_user(self.ministry_user)
            .create(
                {
                    "date": date(2025, 12, 1),
                    "sender_id": self.ministry.id,
                    "recipient_ids": [(6, 0, self.org_a.ids)],
                    "partner_ids": [(6, 0, self.person.ids)],
                }
            )
        )
        walked = self._walk_table(
            notice,
            {
                "action_send": self.ministry_user,
                "action_mark_read": self.org_a_user,
                "action_acknowledge": self.org_a_user,
                "action_create_records": self.org_a_user,
            },
        )
        self.assertEqual(
            walked,
            [
                "action_send",
                "action_mark_read",
                "action_acknowledge",
                "action_create_records",
            ],
        )
        self._walk_direct_writes(notice)
