# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import timedelta

from odoo import fields
from odoo.tests.common import HttpCase, new_test_user

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.res_partner import snils_checksum

BASE = "/api/mgp/v1"


def make_snils(number):
    """A valid СНИЛС from nine digits (above 001-001-998)."""
    digits = f"{number:09d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {snils_checksum(digits):02d}"


class MgpApiCommon(HttpCase):
    """Two centres, an integration user with an API key in each, and a
    helper to call the API over real HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env.ref("mgp_base.calendar_ru")._refresh_years([2025, 2026, 2027])
        cls.company = cls.env["res.company"].create({"name": "ЦЗН API"})
        cls.company_other = cls.env["res.company"].create({"name": "ЦЗН API другой"})
        cls.api_user = cls._new_user("mgp_api_ecp", cls.company)
        cls.api_user_other = cls._new_user("mgp_api_ecp_other", cls.company_other)
        cls.key = cls._new_key(cls.api_user)
        cls.key_other = cls._new_key(cls.api_user_other)
        cls.today = centre_today(cls.env["res.partner"])

    @classmethod
    def _new_user(cls, login, company, group="mgp_base.group_specialist"):
        return new_test_user(
            cls.env,
            login=login,
            groups=group,
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
            name=login.replace("_", " ").title(),
        )

    @classmethod
    def _new_key(cls, user):
        expiration = fields.Datetime.now() + timedelta(hours=24)
        return (
            cls.env["res.users.apikeys"]
            .with_user(user)
            ._generate(None, "ЕЦП", expiration)
        )

    def api(self, method, path, body=None, key=None, headers=None, params=None):
        """Call the API; return ``(status, json)``."""
        all_headers = {"Authorization": f"Bearer {key or self.key}"}
        if key is False:
            all_headers = {}
        all_headers.update(headers or {})
        data = None
        if body is not None:
            data = body if isinstance(body, (str, bytes)) else json.dumps(body)
            all_headers["Content-Type"] = "application/json"
        response = self.url_open(
            BASE + path,
            data=data,
            headers=all_headers,
            params=params,
            method=method,
        )
        try:
            payload = response.json()
        except ValueError:
            payload = response.text
        return response.status_code, payload

    def agreement(self, external_id="ecp-1", snils=None, **person):
        return {
            "external_id": external_id,
            "person": {
                "snils": snils or make_snils(100200300),
                "name": "Сидорова Анна Петровна",
                "birth_date": "1990-05-17",
                "disability_group": "2",
                **person,
            },
            "plan": {
                "number": "ИПСЗ-77",
                "date": fields.Date.to_string(self.today),
                "kind": "plan",
            },
        }
