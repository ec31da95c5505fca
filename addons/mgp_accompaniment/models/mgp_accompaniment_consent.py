# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import AccessError

from odoo.addons.mgp_base.models.mgp_person_data_guard import (
    _order_terms,
    _spec_fields,
)

# the case's fields that name the person (the NGO sees them only with consent)
PERSON_FIELDS = frozenset({"partner_id"})


class MgpAccompaniment(models.Model):
    """No health data go to an NGO without the person's written consent to
    their transfer (152-ФЗ ст. 9–10): the assignment to an NGO requires it,
    and the NGO sees the person only while it is valid — on its portal
    pages, over every API (``read``, grouping, ordering), in the case's
    messages and in the notifications of the case. A withdrawal stops it at
    once: the NGO then sees the case without the person.

    One check serves every path: :meth:`_mgp_person_hidden`.
    """

    _inherit = "mgp.accompaniment"

    def action_assign_ngo(self, ngo, contract, contact=None, assign_date=None):
        self.env["mgp.consent"]._mgp_check_transfer(self.partner_id)
        return super().action_assign_ngo(
            ngo, contract, contact=contact, assign_date=assign_date
        )

    def _mgp_ngo_may_see_person(self):
        """The cases of ``self`` whose person's data the NGO may see."""
        consented = self.env["mgp.consent"]._mgp_transfer_consented(self.partner_id)
        return self.filtered(lambda case: case.partner_id in consented)

    # ------------------------------------------------------------------
    # The one check
    # ------------------------------------------------------------------
    @api.model
    def _mgp_outside_reader(self, user=None):
        """Whether ``user`` reads the cases from outside the centre: a
        portal user (an NGO's representative) or a user of an NGO."""
        user = user or self.env.user
        if user._is_superuser() or user._is_public():
            return bool(user._is_public())
        return bool(user.share or user._mgp_ngo_partner())

    def _mgp_person_hidden(self, user=None):
        """The cases of ``self`` whose person ``user`` (default: the current
        user) may not see: for a reader from outside the centre, every case
        but his own whose person has no valid consent to the transfer."""
        user = user or self.env.user
        if not self or not self._mgp_outside_reader(user):
            return self.browse()
        cases = self.sudo()  # the check reads the persons' consents only
        own = cases.filtered(lambda case: case.partner_id == user.partner_id)
        hidden = cases - own - (cases - own)._mgp_ngo_may_see_person()
        return hidden.with_env(self.env)

    # ------------------------------------------------------------------
    # Read paths
    # ------------------------------------------------------------------
    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if PERSON_FIELDS.intersection(fnames) and not self.env.su:
            hidden = set(
                self.browse([row["id"] for row in result])._mgp_person_hidden().ids
            )
            for row in result:
                if row["id"] in hidden:
                    row.update(dict.fromkeys(PERSON_FIELDS.intersection(row), False))
        return result

    @api.model
    def _mgp_check_outside_terms(self, domain, terms):
        """Refuse to group or order by the person the cases an outside
        reader finds when one of them is without consent."""
        if self.env.su or not any(
            term.split(".", 1)[0] in PERSON_FIELDS for term in terms
        ):
            return
        if not self._mgp_outside_reader():
            return
        if self.search(domain or [])._mgp_person_hidden():
            raise AccessError(
                self.env._(
                    "The person of a case is shown to the NGO only with his "
                    "consent to the transfer of his data (152-FZ, articles 9–10)."
                )
            )

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        self._mgp_check_outside_terms(
            domain,
            [
                *map(_spec_fields, groupby),
                *(_spec_fields(spec) for spec in aggregates if spec != "__count"),
                *_order_terms(order),
            ],
        )
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if order and not self.env.su:
            self._mgp_check_outside_terms(domain, _order_terms(order))
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    # ------------------------------------------------------------------
    # Messages and notifications
    # ------------------------------------------------------------------
    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        """The messages of a case whose person has not consented are not for
        the NGO: reading them needs a right it never has (delete)."""
        operations = super()._mail_get_operation_for_mail_message_operation(
            message_operation
        )
        for case in self._mgp_person_hidden():
            operations[case] = "unlink"
        return operations

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """No notification of a case goes outside the centre (the NGO's
        users and addresses, any portal user but the person himself) while
        the person's consent to the transfer is missing or withdrawn."""
        recipients = super()._notify_get_recipients(
            message, msg_vals=msg_vals, **kwargs
        )
        case = self.sudo()  # the case's person, NGO and consents only
        if len(case) != 1 or not recipients or case._mgp_ngo_may_see_person():
            return recipients
        partners = case.env["res.partner"].browse([r["id"] for r in recipients])
        barred = {
            partner.id
            for partner, recipient in zip(partners, recipients, strict=True)
            if partner != case.partner_id
            and (
                recipient.get("share")
                or (case.ngo_id and partner.commercial_partner_id == case.ngo_id)
            )
        }
        return [r for r in recipients if r["id"] not in barred]
