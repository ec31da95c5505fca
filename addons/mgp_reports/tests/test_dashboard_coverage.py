# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from .indicator_common import MgpIndicatorCommon

TODAY = date(2026, 6, 30)


class TestDashboardCoverage(MgpIndicatorCommon):
    """The dashboard covers every part of the centre's work installed, and
    breaks the accompanied persons down by disability group, sex and age —
    counting only the persons whose data the manager may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # centre A's open cases (hand count): c_idle, c_recent, c_boundary,
        # c_twice_new and the case «Позже периода»
        cls.later = Partner.search([("name", "=", "Позже периода")])
        cls.c_idle.partner_id.write(
            {"mgp_gender": "male", "mgp_birth_date": date(1990, 5, 1)}
        )
        # no birth date known
        cls.c_recent.partner_id.write({"mgp_gender": "female"})
        # sixty on the dashboard's day
        cls.c_boundary.partner_id.write(
            {"mgp_gender": "female", "mgp_birth_date": date(1966, 6, 30)}
        )
        # sixty the next day
        cls.c_twice_new.partner_id.write(
            {"mgp_gender": "male", "mgp_birth_date": date(1967, 7, 1)}
        )
        # a person of centre B with a case in A: A's manager has no need to
        # know of his data (only the region's sharing would give it)
        cls.later.write(
            {
                "company_id": cls.company_region.id,
                "mgp_gender": "male",
                "mgp_birth_date": date(2000, 1, 1),
            }
        )

    def _open(self, user=None):
        Dashboard = self.env["mgp.indicator.dashboard"].with_user(user or self.manager)
        return Dashboard.browse(Dashboard.action_open_dashboard(today=TODAY)["res_id"])

    def _breakdown(self, dashboard, kind):
        return {
            line.section: line.count
            for line in dashboard.person_line_ids
            if line.kind == kind
        }

    def test_persons_by_group_sex_and_age(self):
        dashboard = self._open()
        # every open case counts in the tiles, his person's data or not
        self.assertEqual(dashboard.cases_active, 5)
        # the breakdown counts the four persons the manager may read
        self.assertEqual(dashboard.persons_counted, 4)
        self.assertEqual(
            self._breakdown(dashboard, "disability_group"), {"1": 1, "2": 3}
        )
        self.assertEqual(self._breakdown(dashboard, "gender"), {"male": 2, "female": 2})
        self.assertEqual(
            self._breakdown(dashboard, "age"),
            {"unknown": 1, "30_44": 1, "45_59": 1, "60_plus": 1},
        )
        # a line opens the cases of its persons
        sixty = dashboard.person_line_ids.filtered(
            lambda line: line.section == "60_plus"
        )
        cases = self.env["mgp.accompaniment"].with_user(self.manager)
        self.assertEqual(cases.search(sixty.action_open()["domain"]), self.c_boundary)
        group_one = dashboard.person_line_ids.filtered(
            lambda line: line.kind == "disability_group" and line.section == "1"
        )
        self.assertEqual(
            cases.search(group_one.action_open()["domain"]), self.c_twice_new
        )

    def test_person_breakdown_follows_need_to_know(self):
        """The region's administrator may read every person of the centres
        he works in (A and B): the person of centre B with a case in A
        counts for him; the manager of B, who has no case of A's persons,
        counts only B's own."""
        self.region_admin.write({"company_id": self.company.id})
        dashboard = self._open(self.region_admin)
        # A's five and B's one
        self.assertEqual(dashboard.persons_counted, 6)
        self.assertEqual(self._breakdown(dashboard, "gender").get("male"), 3)
        manager_b = self.env["res.users"].create(
            {
                "name": "Руководитель Б",
                "login": "dashboard_manager_b",
                "company_id": self.company_region.id,
                "company_ids": [(6, 0, self.company_region.ids)],
                "group_ids": [(6, 0, self.env.ref("mgp_base.group_manager").ids)],
            }
        )
        dashboard_b = self._open(manager_b)
        # centre B: «Ищущий Б» is the one open case; his person has no sex
        self.assertEqual(dashboard_b.cases_active, 1)
        self.assertEqual(dashboard_b.persons_counted, 1)
        self.assertEqual(self._breakdown(dashboard_b, "gender"), {False: 1})

    def test_every_part_of_the_work(self):
        Application = self.env["mgp.ngo.application"].sudo()
        before = self._open()
        work = {line.section: line for line in before.work_line_ids}
        # service 1 by hand: five open cases, one with a late procedure
        self.assertEqual((work["s1_cases"].count, work["s1_cases"].late), (5, 1))
        # a part appears when its addon is installed, never otherwise
        for key, model in (
            ("s2_plans", "mgp.workplace.plan"),
            ("complaints", "mgp.complaint"),
            ("corrections", "mgp.document.correction"),
            ("quota_reports", "mgp.quota.report"),
            ("subsidies", "mgp.subsidy.application"),
        ):
            self.assertEqual(key in work, model in self.env, key)
        # the registry's queue: one more application submitted
        Application.create(
            {
                "org_name": "АНО «Очередь»",
                "inn": "4027000012",
                "company_id": self.company.id,
                "state": "submitted",
            }
        )
        after = self._open()
        counts = {line.section: line.count for line in after.work_line_ids}
        self.assertEqual(counts["registry"], work["registry"].count + 1)
        # each line opens its records, those the line counted
        for line in after.work_line_ids:
            action = line.action_open()
            Model = self.env[action["res_model"]].with_user(self.manager)
            self.assertEqual(
                Model.search_count(action["domain"]), line.count, line.name
            )

    def test_snapshot_computed_once(self):
        """Opening computes the year's figures once (one query per indicator
        for the year and its months); reading the dashboard again and
        opening its trend compute nothing more."""
        dashboard = self._open()
        values = dashboard.wizard_id.value_ids
        self.assertEqual(len(values), 12)  # I1 and I2 of six months
        self.assertEqual(dashboard.i1_share, 42.86)
        dashboard.invalidate_recordset()
        # the record (and the access check of a transient record): no figure
        with self.assertQueryCount(__system__=2):
            dashboard.read(["i1_share", "i2_share", "cases_active", "trend"])
        dashboard.action_open_trend()
        self.assertEqual(dashboard.wizard_id.value_ids, values)
