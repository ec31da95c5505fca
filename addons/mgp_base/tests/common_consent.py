# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date


def give_consent(partners, day=date(2025, 1, 10), company=None):
    """Written consents of ``partners`` to the processing of their health
    data and to their transfer to the accompanying NGO: a fixture for tests
    that assign an NGO."""
    Consent = partners.env["mgp.consent"].sudo()  # a fixture: signed on paper
    return Consent.create(
        [
            {
                "partner_id": partner.id,
                "company_id": (company or partner.company_id).id or False,
                "date": day,
                "form": "paper",
                "scope_processing": True,
                "scope_transfer": True,
            }
            for partner in partners
        ]
    )
