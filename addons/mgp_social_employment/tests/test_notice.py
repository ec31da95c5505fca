# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import SocempCommon


class TestNotice(SocempCommon):
    """Need notices (003:81, 91, 99): who sent them about whom, who of the
    addressees read and acknowledged them."""

    def _notice(self):
        return (
            self.env["mgp.socemp.notice"]
            .with_user(self.ministry_user)
            .create(
                {
                    "date": date(2025, 12, 1),
                    "sender_id": self.ministry.id,
                    "recipient_ids": [(6, 0, self.org_a.ids)],
                    "partner_ids": [(6, 0, (self.person | self.person_2).ids)],
                }
            )
        )

    def test_read_and_acknowledged_by_whom(self):
        notice = self._notice()
        self.assertTrue(notice.name.startswith("УСЗ-"))
        notice.action_send()
        self.assertEqual(notice.state, "sent")
        ack = notice.ack_ids
        self.assertEqual(ack.participant_id, self.org_a)
        self.assertFalse(ack.date_read)
        as_a = notice.with_user(self.org_a_user)
        as_a.action_mark_read()
        self.assertEqual(ack.read_user_id, self.org_a_user)
        self.assertTrue(ack.date_read)
        self.assertFalse(ack.date_ack)
        as_a.action_acknowledge()
        self.assertEqual(ack.ack_user_id, self.org_a_user)
        self.assertTrue(ack.date_ack)

    def test_not_addressed_is_not_seen(self):
        notice = self._notice()
        notice.action_send()
        self.assertFalse(
            self.env["mgp.socemp.notice"].with_user(self.org_b_user).search([])
        )
        with self.assertRaises(AccessError):
            notice.with_user(self.org_b_user).action_acknowledge()

    def test_acknowledgement_only_through_actions(self):
        notice = self._notice()
        notice.action_send()
        with self.assertRaises(UserError):
            notice.ack_ids.with_user(self.org_a_user).write(
                {"date_ack": "2025-12-02 10:00:00"}
            )
        with self.assertRaises(UserError):
            notice.with_user(self.ministry_user).write({"note": "changed"})
        with self.assertRaises(UserError):
            notice.with_user(self.ministry_user).action_send()

    def test_persons_put_in_the_register(self):
        notice = self._notice()
        notice.action_send()
        notice.with_user(self.org_a_user).action_create_records()
        records = self.env["mgp.socemp.record"].search(
            [("need_notice_id", "=", notice.id)]
        )
        self.assertEqual(records.partner_id, self.person | self.person_2)
        self.assertEqual(set(records.mapped("need_source")), {"ministry"})
        self.assertEqual(set(records.mapped("state")), {"identified"})
        self.assertEqual(records.organisation_id, self.org_a)
        self.assertTrue(notice.ack_ids.date_read)
        # a second time creates nothing new
        notice.with_user(self.org_a_user).action_create_records()
        self.assertEqual(
            self.env["mgp.socemp.record"].search_count(
                [("need_notice_id", "=", notice.id)]
            ),
            2,
        )

    def test_sent_notice_not_deleted(self):
        notice = self._notice()
        notice.action_send()
        with self.assertRaises(UserError):
            notice.with_user(self.ministry_user).unlink()
