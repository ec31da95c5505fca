# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

EMPLOYMENT = [("service", "=", "employment")]


class MgpNgoApplication(models.Model):
    """An application filed in the portal by a representative of the
    organisation: validate → prepare → create.

    The portal form's values (see the portal controller) are a dict of the
    text fields (``inclusion_basis`` and ``social_order_ref`` among them),
    ``activity_ids``, ``help_form_ids``, ``accessibility_ids`` and
    ``schedule_slot_ids`` (lists of ids),
    ``state_id`` (an id or ``""``), ``capacity`` (text) and ``staff`` (rows
    with ``name``, ``job_title``, ``qualification``, ``document_date`` and
    ``activity_ids``); the documents are ``(filename, content)`` pairs.
    """

    _inherit = "mgp.ngo.application"

    @api.model
    def _mgp_portal_submit(self, form, files=()):
        """File the portal application: the form is validated (any refusal
        saves nothing), the organisation is created when it is new, then the
        application with its documents, and it is submitted.

        :return: the submitted application
        """
        errors = self._mgp_portal_validate(form, files)
        if errors:
            raise ValidationError("\n".join(errors.values()))
        return self._mgp_portal_create(self._mgp_portal_prepare(form), files)

    # ------------------------------------------------------------------
    # Validate
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_own_organisation(self):
        """The organisation the portal user represents, or nothing."""
        organisation = self.env.user.partner_id.commercial_partner_id
        return organisation if organisation.is_company else self.env["res.partner"]

    @api.model
    def _mgp_portal_validate(self, form, files=()):
        """``{field name: message}`` of what the form cannot accept (empty
        when it can be filed); what no field can fix (not a portal user, the
        personal account of a citizen) is raised.

        The portal shows each message next to its field: the staff rows are
        named ``staff_name_<row>``, ``staff_date_<row>`` and
        ``staff_activity_ids_<row>``, the documents ``attachments``.
        """
        env = self.env
        user = env.user
        if not user._is_portal():
            raise UserError(env._("Applications are filed here by portal users."))
        organisation = self._mgp_portal_own_organisation()
        # own record; the person fields are restricted to the centre's staff
        person = user.partner_id.sudo()
        if not organisation and (person.mgp_snils or person.mgp_disability_group):
            # the citizen's record must not become an organisation's contact
            raise ValidationError(
                env._(
                    "Your account is the personal account of a citizen served "
                    "by the employment centre: to file an application for an "
                    "organisation, ask the centre for a separate account of "
                    "the organisation's representative."
                )
            )
        errors = self._mgp_portal_identity_errors(form, organisation)
        if not form["activity_ids"]:
            errors["activity_ids"] = env._(
                "Choose at least one activity the organisation performs."
            )
        capacity = form["capacity"]
        if capacity and not capacity.isdigit():
            errors["capacity"] = env._("The capacity must be a whole number.")
        for index, row in enumerate(form["staff"]):
            if not any(row.values()):
                continue
            if not row.get("name"):
                errors[f"staff_name_{index}"] = env._(
                    "Enter the full name of each employee."
                )
            try:
                fields.Date.to_date(row.get("document_date") or None)
            except ValueError:
                errors[f"staff_date_{index}"] = env._(
                    "The document date of %s is not a valid date.",
                    row.get("name") or index + 1,
                )
        for name, message in self._mgp_portal_condition_errors(form).items():
            errors.setdefault(name, message)
        upload_errors = []
        for filename, content in files:  # refused before anything is created
            try:
                env["mgp.upload"]._check_upload(filename, content)
            except (UserError, ValidationError) as exc:
                upload_errors.append(exc.args[0])
        if upload_errors:
            errors["attachments"] = " ".join(upload_errors)
        return errors

    @api.model
    def _mgp_portal_identity_errors(self, form, organisation):
        """The name, INN and OGRN of the form; the INN is the one of the
        user's own organisation."""
        env = self.env
        Partner = env["res.partner"]
        errors = {}
        if not form["org_name"]:
            errors["org_name"] = env._("Enter the full name of the organisation.")
        if not form["inn"]:
            errors["inn"] = env._("Enter the INN of the organisation.")
        else:
            try:
                inn = Partner._mgp_check_inn(form["inn"])
            except ValidationError as exc:
                errors["inn"] = exc.args[0]
            else:
                own_inn = "".join((organisation.vat or "").split())
                if own_inn and inn != own_inn:
                    # the application is bound to the user's own organisation
                    errors["inn"] = env._(
                        "The INN %(inn)s is not the INN of your organisation "
                        "%(name)s (%(own)s): an application can only be filed "
                        "for your own organisation.",
                        inn=inn,
                        name=organisation.name,
                        own=own_inn,
                    )
        if form["ogrn"]:
            try:
                Partner._mgp_check_ogrn(form["ogrn"])
            except ValidationError as exc:
                errors["ogrn"] = exc.args[0]
        return errors

    @api.model
    def _mgp_portal_condition_errors(self, form):
        """``{field name: message}`` of the portal form: the trained staff
        with their activities and the conditions of assistance an
        application needs to be approved, asked for when it is filed."""
        env = self.env
        errors = {}
        rows = [
            (index, row) for index, row in enumerate(form["staff"]) if any(row.values())
        ]
        if not rows:
            errors["staff_name_0"] = env._(
                "Enter at least one trained employee and the activities he may perform."
            )
        for index, row in rows:
            if not row.get("activity_ids"):
                errors[f"staff_activity_ids_{index}"] = env._(
                    "Choose the activities employee %s may perform.",
                    row.get("name") or index + 1,
                )
        if not (form["state_id"] or form["territory"]):
            errors["territory"] = env._(
                "Give the territory served: the region or the municipalities."
            )
        if not (form["schedule"] or form.get("schedule_slot_ids")):
            errors["schedule"] = env._(
                "Give the schedule of assistance: choose the periods in which "
                "the organisation provides it or describe its days and hours."
            )
        if not form.get("help_form_ids"):
            errors["help_form_ids"] = env._(
                "Choose at least one form in which the organisation provides "
                "assistance."
            )
        if not form["accessibility"]:
            errors["accessibility"] = env._(
                "Describe the accessibility of the organisation's premises."
            )
        errors.update(self._mgp_portal_basis_errors(form))
        return errors

    @api.model
    def _mgp_portal_basis_errors(self, form):
        """The basis of inclusion: an application, or the organisation's
        part in the social order («Реестр можно заполнить заранее сведениями
        об организациях, … участвующих в социальном заказе», seed 000),
        which must then be named."""
        env = self.env
        basis = form.get("inclusion_basis") or "application"
        allowed = dict(self._fields["inclusion_basis"]._description_selection(env))
        if basis not in allowed:
            return {"inclusion_basis": env._("Choose the basis of inclusion.")}
        if basis == "social_order" and not form.get("social_order_ref"):
            return {
                "social_order_ref": env._(
                    "Name the social order the organisation takes part in: the "
                    "register of its executors or the agreement, with its "
                    "number and date."
                )
            }
        return {}

    # ------------------------------------------------------------------
    # Prepare
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_prepare(self, form):
        """The values of a validated form: ``{"organisation": values of the
        new organisation, or None when the user represents one,
        "application": values of the application}``."""
        env = self.env
        user = env.user
        Partner = env["res.partner"]
        today = centre_today(user)
        inn = Partner._mgp_check_inn(form["inn"])
        ogrn = Partner._mgp_check_ogrn(form["ogrn"]) if form["ogrn"] else False
        region = (
            env["res.country.state"]
            .sudo()  # public reference data: one of the regions of Russia offered
            .search(
                [("id", "=", form["state_id"] or 0), ("country_id.code", "=", "RU")],
                limit=1,
            )
        )
        organisation = None
        if not self._mgp_portal_own_organisation():
            organisation = {
                "name": form["org_name"],
                "is_company": True,
                "vat": inn,
                "company_registry": ogrn,
                "street": form["address"],
                "phone": form["phone"],
                "email": form["email"],
                "country_id": env.ref("base.ru").id,
                "state_id": region.id or user.company_id.state_id.id,
                "company_id": False,
            }
        Activity = env["mgp.activity"]
        activities = Activity.search([("id", "in", form["activity_ids"])] + EMPLOYMENT)
        help_forms = env["mgp.ngo.help.form"].search(
            [("id", "in", form.get("help_form_ids") or [])]
        )
        features = env["mgp.ngo.accessibility"].search(
            [("id", "in", form.get("accessibility_ids") or [])]
        )
        slots = env["mgp.ngo.schedule.slot"].search(
            [("id", "in", form.get("schedule_slot_ids") or [])]
        )
        basis = form.get("inclusion_basis") or "application"
        application = {
            "channel": "portal",
            "date_received": today,
            "date": today,
            "org_name": form["org_name"],
            "inn": inn,
            "ogrn": ogrn,
            "address": form["address"],
            "head_name": form["head_name"],
            "head_position": form["head_position"],
            "contact_name": form["contact_name"] or user.partner_id.name,
            "phone": form["phone"],
            "email": form["email"] or user.partner_id.email,
            "conditions": form["conditions"],
            "schedule": form["schedule"],
            "schedule_slot_ids": [fields.Command.set(slots.ids)],
            "help_form_ids": [fields.Command.set(help_forms.ids)],
            "accessibility": form["accessibility"],
            "accessibility_ids": [fields.Command.set(features.ids)],
            "inclusion_basis": basis,
            "social_order_ref": (
                form.get("social_order_ref") if basis == "social_order" else False
            ),
            "territory": form["territory"],
            "territory_state_ids": [fields.Command.set(region.ids)],
            "capacity": int(form["capacity"] or 0),
            "mgp_activity_ids": [fields.Command.set(activities.ids)],
            "staff_ids": self._mgp_portal_staff_lines(form["staff"]),
            "submitted_user_id": user.id,
            # the centre keeping the registry of the region named
            "company_id": (region.mgp_ngo_registry_company_id or user.company_id).id,
        }
        return {"organisation": organisation, "application": application}

    @api.model
    def _mgp_portal_staff_lines(self, rows):
        Activity = self.env["mgp.activity"]
        return [
            fields.Command.create(
                dict(
                    row,
                    document_date=fields.Date.to_date(row["document_date"] or None),
                    activity_ids=[
                        fields.Command.set(
                            Activity.search(
                                [("id", "in", row.get("activity_ids") or [])]
                                + EMPLOYMENT
                            ).ids
                        )
                    ],
                )
            )
            for row in rows
            if any(row.values())
        ]

    # ------------------------------------------------------------------
    # Create
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_create(self, prepared, files=()):
        """Create the organisation (when new), the application with its
        documents, and submit it.

        Portal users cannot create partners, applications or attachments:
        the values were validated and are bound to the user's own
        organisation.
        """
        env = self.env
        user = env.user
        env_su = env(su=True)
        organisation = self._mgp_portal_own_organisation()
        if not organisation:
            organisation = env_su["res.partner"].create(prepared["organisation"])
            # the user becomes the representative of the new organisation
            user.partner_id.sudo().parent_id = organisation
        application = env_su["mgp.ngo.application"].create(
            dict(prepared["application"], partner_id=organisation.id)
        )
        env["mgp.upload"]._mgp_attach(application, files, field="attachment_ids")
        application.message_subscribe(partner_ids=user.partner_id.ids)
        application.action_submit()
        return application.with_env(env)
