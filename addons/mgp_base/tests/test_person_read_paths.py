# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Need to know on the read paths outside ``read``: group keys,
aggregates, related group-bys, ordering, onchange and exports."""

import contextlib
import warnings

from odoo.exceptions import AccessError, UserError, ValidationError

from ..models.res_partner import PERSON_DATA_FIELDS
from .common import MgpCommon

# a stored person field and the aggregate that would spell its values
AGGREGATES = {
    "mgp_snils": "array_agg",
    "mgp_birth_date": "array_agg",
    "mgp_gender": "array_agg",
    "mgp_is_disabled": "bool_or",
    "mgp_disability_group": "array_agg",
    "mgp_ipra_number": "count_distinct",
    "mgp_ipra_date": "max",
    "mgp_ipra_date_end": "min",
    "mgp_impaired_function_ids": "array_agg",
    "mgp_recommended_conditions": "array_agg",
    "mgp_contraindicated_conditions": "array_agg",
    "mgp_jobseeker_status": "array_agg",
    "mgp_jobseeker_date": "max",
    "mgp_jobseeker_application": "count_distinct",
    "mgp_jobseeker_application_date": "min",
}


class TestPersonReadPaths(MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person.write(
            {
                "mgp_ipra_number": "ИПРА-1",
                "mgp_contraindicated_conditions": "Работа на высоте",
                "mgp_impaired_function_ids": [
                    (6, 0, cls.env["mgp.impaired.function"].search([], limit=1).ids)
                ],
            }
        )
        # the specialist's case: he needs the person's data
        cls.env["mgp.mse.request"].with_user(cls.specialist).create(
            {"partner_id": cls.person.id, "company_id": cls.company.id}
        )
        cls.domain = [("id", "=", cls.person.id)]
        export = cls.env.ref("base.group_allow_export")
        (cls.specialist | cls.specialist_2 | cls.manager).write(
            {"group_ids": [(4, export.id)]}
        )

    def test_aggregates_and_group_keys_refused_without_need_to_know(self):
        self.assertEqual(set(AGGREGATES), PERSON_DATA_FIELDS)
        Partner = self.env["res.partner"].with_user(self.specialist_2)
        for name, func in AGGREGATES.items():
            with self.subTest(field=name), self.assertRaises(AccessError):
                Partner.formatted_read_group(
                    self.domain, groupby=["id"], aggregates=[f"{name}:{func}"]
                )
            with self.subTest(field=name, groupby=True), self.assertRaises(AccessError):
                with warnings.catch_warnings():
                    # read_group is deprecated, still served over RPC
                    warnings.simplefilter("ignore", DeprecationWarning)
                    Partner.read_group(self.domain, [name], [name])
            with self.subTest(field=name, web=True), self.assertRaises(AccessError):
                Partner.web_read_group(self.domain, [name], ["__count"])

    def test_related_group_by_refused(self):
        """A group-by through a many2one of another model (here the partner
        of a user) meets the same check."""
        Users = self.env["res.users"].with_user(self.specialist_2)
        with self.assertRaises(AccessError):
            Users.formatted_read_group([], groupby=["partner_id.mgp_snils"])
        with self.assertRaises(AccessError):
            Users._read_group([], ["partner_id.mgp_disability_group"])

    def test_ordering_oracle_refused(self):
        Partner = self.env["res.partner"].with_user(self.specialist_2)
        for name in PERSON_DATA_FIELDS - {"mgp_impaired_function_ids"}:
            with self.subTest(field=name), self.assertRaises(AccessError):
                Partner.search([], order=f"{name} desc")
            with self.subTest(field=name, read=True), self.assertRaises(AccessError):
                Partner.search_read([], ["name"], order=name)
        # ordering by an ordinary field is not concerned
        self.assertTrue(Partner.search([], order="name", limit=1))

    def test_need_to_know_for_every_person_concerned(self):
        """The specialist of the person's case groups and sorts among his
        persons; the regional administrator among all."""
        Partner = self.env["res.partner"].with_user(self.specialist)
        groups = Partner.formatted_read_group(
            self.domain, groupby=["id"], aggregates=["mgp_snils:array_agg"]
        )
        self.assertEqual(groups[0]["mgp_snils:array_agg"], ["112-233-445 95"])
        self.assertEqual(Partner.search(self.domain, order="mgp_snils"), self.person)
        # but not among the centre's other persons
        with self.assertRaises(AccessError):
            Partner.search([("is_company", "=", False)], order="mgp_snils")
        admin = self.env["res.partner"].with_user(self.admin)
        self.assertTrue(
            admin.formatted_read_group([], groupby=["mgp_disability_group"])
        )

    def test_onchange_reveals_nothing(self):
        spec = {name: {} for name in ("mgp_snils", "mgp_disability_group", "name")}
        spec["mgp_impaired_function_ids"] = {"fields": {}}
        result = (
            self.person.with_user(self.specialist_2)
            .with_context(tracking_disable=True)
            .onchange({"name": "Тестов"}, [], spec)
        )
        values = result["value"]
        self.assertFalse(values.get("mgp_snils"))
        self.assertFalse(values.get("mgp_disability_group"))
        self.assertFalse(values.get("mgp_impaired_function_ids"))

    def test_onchange_of_another_model_reveals_nothing(self):
        """A many2one spec of another model's onchange goes through the
        same masking."""
        spec = {"partner_id": {"fields": {"mgp_snils": {}, "display_name": {}}}}
        result = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist_2)
            .onchange({"partner_id": self.person.id}, ["partner_id"], spec)
        )
        partner = result["value"].get("partner_id") or {}
        self.assertFalse(partner.get("mgp_snils"))

    def test_export_masks_the_person_data(self):
        fields = ["name", "mgp_snils", "mgp_disability_group"]
        rows = self.person.with_user(self.specialist_2).export_data(fields)["datas"]
        self.assertEqual(rows, [["Тестов Тест Тестович", "", ""]])
        rows = self.person.with_user(self.specialist).export_data(fields)["datas"]
        self.assertEqual(rows[0][1], "112-233-445 95")
        # through a many2one path of another model
        request = self.env["mgp.mse.request"].search(
            [("partner_id", "=", self.person.id)], limit=1
        )
        rows = request.with_user(self.manager).export_data(["partner_id/mgp_snils"])[
            "datas"
        ]
        self.assertEqual(rows, [["112-233-445 95"]])

    def test_request_of_another_centre_grants_no_need_to_know(self):
        """Opening a request in another centre for a person of this one
        does not widen the need to know of his data."""
        Request = self.env["mgp.mse.request"].with_user(self.specialist_other)
        # refused outright or created: nothing is widened either way
        with contextlib.suppress(AccessError, UserError, ValidationError):
            Request.create(
                {"partner_id": self.person.id, "company_id": self.company_other.id}
            )
        person = self.person.with_user(self.specialist_other)
        self.assertFalse(person._mgp_person_data_allowed())
        # the centre's own specialist does get it through his request
        self.assertEqual(
            self.person.with_user(self.specialist)._mgp_person_data_allowed(),
            self.person,
        )

    def test_search_on_person_data_is_filtered_before_the_page(self):
        """Issue 24 §6: a list of disabled persons shows every person the
        specialist may see, paged (the need to know filters in SQL, before
        the limit and the count), and none he may not."""
        Partner = self.env["res.partner"]
        persons = Partner.create(
            [
                {
                    "name": f"Инвалид {number:02d}",
                    "company_id": self.company.id,
                    "mgp_disability_group": "2",
                }
                for number in range(30)
            ]
        )
        # the specialist's requests for the persons of even number
        mine = persons.filtered(lambda p: int(p.name[-2:]) % 2 == 0)
        self.env["mgp.mse.request"].with_user(self.specialist).create(
            [{"partner_id": p.id, "company_id": self.company.id} for p in mine]
        )
        domain = [("mgp_disability_group", "=", "2"), ("id", "in", persons.ids)]
        as_specialist = Partner.with_user(self.specialist)
        self.assertEqual(as_specialist.search_count(domain), len(mine))
        page_1 = as_specialist.search(domain, limit=10, order="name")
        page_2 = as_specialist.search(domain, offset=10, limit=10, order="name")
        self.assertEqual(len(page_1), 10)
        self.assertEqual(len(page_2), len(mine) - 10)
        self.assertEqual(page_1 | page_2, mine.with_user(self.specialist))
        # the recordset check and the SQL condition agree
        allowed = persons.with_user(self.specialist)._mgp_person_data_allowed()
        self.assertEqual(set(allowed.ids), set(mine.ids))
        # the manager sees those of the centre's records (a colleague's too);
        # another centre's specialist none
        odd = persons - mine
        self.env["mgp.mse.request"].with_user(self.specialist_2).create(
            {"partner_id": odd[0].id, "company_id": self.company.id}
        )
        self.assertEqual(as_specialist.search_count(domain), len(mine))
        self.assertEqual(
            Partner.with_user(self.manager).search_count(domain), len(mine) + 1
        )
        other = self._new_user(
            "mgp_other_centre", "group_specialist", self.company_other
        )
        self.assertEqual(Partner.with_user(other).search_count(domain), 0)
