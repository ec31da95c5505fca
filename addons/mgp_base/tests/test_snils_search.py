# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .common import MgpCommon


class TestSnilsSearch(MgpCommon):
    """The search view's СНИЛС field finds a person however the number is
    typed (digits, the stored layout, its beginning) by equality or a
    prefix on an index, and only among the persons the user may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the specialist's case: he needs the person's data
        cls.env["mgp.mse.request"].with_user(cls.specialist).create(
            {"partner_id": cls.person.id, "company_id": cls.company.id}
        )

    def _search(self, user, typed):
        return (
            self.env["res.partner"]
            .with_user(user)
            .search([("mgp_snils_search", "ilike", typed)])
        )

    def test_typed_any_way(self):
        self.assertEqual(self.person.mgp_snils, "112-233-445 95")
        for typed in (
            "11223344595",
            "112-233-445 95",
            "112 233 445 95",
            "112233",
            "112-2",
        ):
            with self.subTest(typed=typed):
                self.assertIn(self.person, self._search(self.specialist, typed))
        # not a middle part, nor another number, nor words
        for typed in ("233445", "11223344596", "Иванова"):
            with self.subTest(typed=typed):
                self.assertNotIn(self.person, self._search(self.specialist, typed))

    def test_need_to_know(self):
        """Another specialist without a case of the person finds nobody: no
        linking a СНИЛС to a name by probing."""
        self.assertFalse(self._search(self.specialist_2, "11223344595"))
        self.assertEqual(self._search(self.admin, "11223344595"), self.person)

    def test_prefix_on_the_index(self):
        """The prefix is a LIKE 'beginning%' on the stored number, which the
        pattern index serves whatever the collation."""
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["res_partner_mgp_snils_prefix_idx"],
        )
        self.assertIn("varchar_pattern_ops", self.env.cr.fetchone()[0])
        self.assertFalse(self.person.with_user(self.specialist).mgp_snils_search)
