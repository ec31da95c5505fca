# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The read side of the security matrix: grouping, aggregating and ordering
by every person-data field, for every role, over JSON-RPC as the real user
(``/web/dataset/call_kw``) and through the ORM.

A user learns a person's data from a group key, an aggregate or an order
only when he may read the data of every person concerned: never over the
whole register, except the regional administrator; through a case's
``partner_id`` path exactly when every person of the cases he reads is
his.
"""

import warnings

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon
from odoo.addons.mgp_base.models.res_partner import PERSON_DATA_FIELDS

from .common_matrix import MatrixUsers

AGGREGATE = {
    "mgp_is_disabled": "bool_or",
    "mgp_ipra_number": "count_distinct",
}
ROLES = (
    "specialist",
    "specialist_2",
    "manager",
    "manager_other",
    "regional_admin",
    "citizen",
    "ngo",
)
RELATED_MODELS = ("mgp.accompaniment", "mgp.complaint")
DATES = {
    "mgp_birth_date",
    "mgp_ipra_date",
    "mgp_ipra_date_end",
    "mgp_jobseeker_date",
    "mgp_jobseeker_application_date",
}


def group_key(name):
    """A group-by of ``name`` (a date is grouped by day)."""
    return f"{name}:day" if name in DATES else name


def read_paths(name):
    """(method, args, kwargs) of every grouped or ordered read of ``name``."""
    aggregate = f"{name}:{AGGREGATE.get(name, 'array_agg')}"
    paths = (
        []
        if name == "mgp_impaired_function_ids"
        else [
            (
                "formatted_read_group",
                [[]],
                {"groupby": ["id"], "aggregates": [aggregate]},
            ),
        ]
    )
    paths += [
        ("formatted_read_group", [[]], {"groupby": [group_key(name)]}),
        (
            "web_read_group",
            [[]],
            {"groupby": [group_key(name)], "aggregates": ["__count"]},
        ),
        ("read_group", [[], [name], [group_key(name)]], {}),
    ]
    if name != "mgp_impaired_function_ids":
        paths += [
            ("search_read", [[]], {"fields": ["name"], "order": f"{name} desc"}),
            ("search", [[]], {"order": name}),
        ]
    return paths


@tagged("post_install", "-at_install")
class TestSecurityMatrixReads(HttpCase, AccompanimentCommon, MatrixUsers):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person.write(
            {
                "mgp_birth_date": "1980-01-02",
                "mgp_ipra_number": "ИПРА-М",
                "mgp_ipra_date": "2025-01-10",
                "mgp_ipra_date_end": "2027-01-10",
                "mgp_recommended_conditions": "Сидячая работа",
                "mgp_contraindicated_conditions": "Работа на высоте",
                "mgp_impaired_function_ids": [
                    (6, 0, cls.env["mgp.impaired.function"].search([], limit=1).ids)
                ],
            }
        )
        cls.users = cls._matrix_users("mgp_reads", ROLES)

    def setUp(self):
        super().setUp()
        self.case = self._case()
        self.complaint = (
            self.env["mgp.complaint"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "res_model": self.case._name,
                    "res_id": self.case.id,
                    "subject": "service_delay",
                    "description": "Нарушен срок.",
                }
            )
        )

    # ------------------------------------------------------------------
    def _rpc(self, model, method, args, kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs,
                },
            },
        )
        self.assertEqual(response.status_code, 200)
        return "result" in response.json()

    def _orm(self, user, model, method, args, kwargs):
        try:
            with warnings.catch_warnings():
                # read_group is deprecated, still served to clients
                warnings.simplefilter("ignore", DeprecationWarning)
                getattr(self.env[model].with_user(user), method)(*args, **kwargs)
        except AccessError:
            return False
        return True

    def _knows_all(self, user, model):
        """Whether ``user`` may read the data of every person of the
        records of ``model`` he reads (the expected answer)."""
        if not self.env[model].with_user(user).has_access("read"):
            return False
        if not user.has_group("mgp_base.group_specialist"):
            return False
        records = self.env[model].with_user(user).search([])
        persons = records.sudo().partner_id.with_user(user)
        return not persons - persons._mgp_person_data_allowed()

    def _check(self, role, http):
        user = self.users[role]
        if http:
            self.authenticate(user.login, f"{user.login}-pass1")
        admin = role == "regional_admin"
        for name in sorted(PERSON_DATA_FIELDS):
            for method, args, kwargs in read_paths(name):
                if http and method == "read_group":
                    continue  # deprecated: its warning would spoil the log
                if http:
                    answered = self._rpc("res.partner", method, args, kwargs)
                else:
                    answered = self._orm(user, "res.partner", method, args, kwargs)
                self.assertEqual(
                    answered,
                    admin,
                    f"{role}: res.partner.{method} by {name} (http={http})",
                )
            for model in RELATED_MODELS:
                expected = self._knows_all(user, model)
                groupby = {"groupby": [f"partner_id.{group_key(name)}"]}
                if http:
                    answered = self._rpc(model, "formatted_read_group", [[]], groupby)
                else:
                    answered = self._orm(
                        user, model, "formatted_read_group", [[]], groupby
                    )
                self.assertEqual(
                    answered,
                    expected,
                    f"{role}: {model} grouped by partner_id.{name} (http={http})",
                )

    def test_matrix_over_json_rpc(self):
        for role in ROLES:
            with self.subTest(role=role):
                self._check(role, http=True)

    def test_matrix_through_the_orm(self):
        for role in ROLES:
            with self.subTest(role=role):
                self._check(role, http=False)

    def test_the_case_specialist_groups_his_persons(self):
        """The specialist of the case learns his persons' groups: the check
        refuses only what he may not read."""
        self.assertTrue(self._knows_all(self.specialist, "mgp.accompaniment"))
        groups = (
            self.env["mgp.accompaniment"]
            .with_user(self.specialist)
            .formatted_read_group([], groupby=["partner_id.mgp_disability_group"])
        )
        self.assertEqual(groups[0]["partner_id.mgp_disability_group"], "2")
        # another specialist of the centre reads neither the complaint (it
        # is not his: need to know) nor the person's data: grouping the
        # complaints by them is refused all the same
        Complaint = self.env["mgp.complaint"].with_user(self.specialist_2)
        self.assertFalse(Complaint.search([]))
        self.assertEqual(
            Complaint.with_user(self.specialist).search([]), self.complaint
        )
        try:
            groups = Complaint.formatted_read_group(
                [], groupby=["partner_id.mgp_snils"]
            )
        except AccessError:
            groups = []
        self.assertFalse(groups)
