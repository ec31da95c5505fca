# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The users of the security matrices (tests/test_security_matrix.py and
tests/test_security_matrix_reads.py), declared once."""

from odoo.tests import new_test_user


class MatrixUsers:
    """For a test class on ``AccompanimentCommon``: the roles that probe the
    register, each a real user with a password for HTTP."""

    @classmethod
    def _portal(cls, login, partner):
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=partner.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    @classmethod
    def _matrix_users(cls, prefix, roles):
        """``{role: user}`` of ``roles``: the centre's staff of the fixture,
        and a citizen (the case's person) and an NGO representative made
        for the matrix; every one logs in with ``<login>-pass1``."""
        ngo_contact = cls.env["res.partner"].create(
            {"name": f"Представитель НГО ({prefix})", "parent_id": cls.ngo_a.id}
        )
        available = {
            "specialist": lambda: cls.specialist,
            "specialist_2": lambda: cls.specialist_2,
            "manager": lambda: cls.manager,
            "manager_other": lambda: cls.manager_other,
            "regional_admin": lambda: cls.admin,
            "citizen": lambda: cls._portal(f"{prefix}_citizen", cls.person),
            "ngo": lambda: cls._portal(f"{prefix}_ngo", ngo_contact),
        }
        users = {role: available[role]() for role in roles}
        for user in users.values():
            user.password = f"{user.login}-pass1"
        return users
