# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Free capacity given to an NGO without a declared limit.
UNLIMITED_CAPACITY = 9999
# territory first served, then unknown, then not served
TERRITORY_RANK = {True: 0, None: 1, False: 2}
# a schedule matching the person's first, then undeclared, then not matching
SCHEDULE_RANK = {True: 0, None: 1, False: 2}


class MgpNgoRanking(models.AbstractModel):
    """The NGOs of the registry ranked for what a person needs (seed 000:
    an NGO «подходящей по видам услуг, порядку и условиям …, наличию
    подготовленного персонала»): a service calls :meth:`_mgp_rank` with the
    activities it needs, the person, the load of each NGO and their answers.

    Criteria: coverage of the activities, the territory served against the
    person's address (region; the town named in the municipalities is a
    bonus), the conditions of assistance against what the person's ИПРА
    needs (the accessibility features of the premises and the forms of
    assistance suited to the person's impaired functions), the order of
    assistance against what the case asks (the periods of the week the NGO
    serves and the forms of assistance the person can receive), free
    capacity, trained staff for the covered activities, and
    the NGO's answer (a refusal goes last)."""

    _name = "mgp.ngo.ranking"
    _description = "Ranking of the NGOs of the Registry"

    @api.model
    def _mgp_rank(
        self, activities, person, load=None, answers=None, ngos=None, conditions=None
    ):
        """Rank ``ngos`` (default: every NGO included in the registry) for
        ``activities`` (``mgp.activity``) needed by ``person``.

        :param load: a function of the NGOs giving ``{partner: number of
            cases}`` they hold now (the service counts its own cases)
        :param answers: ``{partner: answer}``, an answer being a record with
            an ``answer`` field (``"consent"`` or ``"refusal"``)
        :param conditions: what the case asks of the order of assistance:
            ``{"slots": mgp.ngo.schedule.slot, "forms": mgp.ngo.help.form}``,
            the periods in which the person can be assisted and the forms of
            assistance he can receive (an NGO must serve one of each)
        :return: list of dicts, best first: ``partner``, ``coverage``,
            ``total``, ``covered`` (activities), ``free_capacity``,
            ``serves_region`` (True, False or None when unknown),
            ``town_match``, ``untrained`` (covered activities without trained
            staff), ``answer`` (``consent``, ``refusal`` or False),
            ``answer_record``, ``missing_accessibility`` (features of the
            premises the person needs and the NGO lacks), ``unserved_functions``
            (impaired functions for which the NGO offers no suited form of
            assistance), ``suited_forms`` (the NGO's forms suited to the
            person), ``schedule`` (the text), ``schedule_slots`` (the periods
            the NGO serves), ``schedule_match`` (True: it serves one of the
            person's periods, False: none, None: the person asks for none or
            the NGO declares none), ``common_slots``, ``unmet_forms`` (the
            forms the person asks for when the NGO offers none of them),
            ``fits`` (every criterion verified)
        """
        if ngos is None:
            ngos = self.env["res.partner"].search(
                [("mgp_ngo_state", "=", "included")], limit=500
            )
        answers = answers or {}
        counts = load(ngos) if load else {}
        region = person.state_id
        town = (person.city or "").strip().casefold()
        needs = self._mgp_person_needs(person)
        conditions = conditions or {}
        wanted = (
            conditions.get("slots", self.env["mgp.ngo.schedule.slot"]),
            conditions.get("forms", self.env["mgp.ngo.help.form"]),
        )
        # one query per relation for the whole set (prefetch)
        ngos.fetch(
            [
                "mgp_ngo_activity_ids",
                "mgp_ngo_territory_state_ids",
                "mgp_ngo_territory",
                "mgp_ngo_capacity",
                "mgp_ngo_staff_ids",
                "mgp_ngo_help_form_ids",
                "mgp_ngo_accessibility_ids",
                "mgp_ngo_schedule",
                "mgp_ngo_schedule_slot_ids",
            ]
        )
        ngos.mgp_ngo_staff_ids.fetch(["activity_ids"])
        result = [
            self._mgp_rank_item(
                ngo,
                activities,
                region,
                town,
                counts.get(ngo, 0),
                answers.get(ngo),
                needs,
                wanted,
            )
            for ngo in ngos
        ]
        result.sort(key=self._mgp_rank_key)
        return result

    @api.model
    def _mgp_person_needs(self, person):
        """What the person's ИПРА (its impaired functions) needs of an NGO:
        ``(accessibility features, {impaired function: suited forms})``,
        read once for the whole ranking (two queries, not one per NGO)."""
        functions = person.mgp_impaired_function_ids
        if not functions:
            return self.env["mgp.ngo.accessibility"], {}
        features = self.env["mgp.ngo.accessibility"].search(
            [("impaired_function_ids", "in", functions.ids)]
        )
        forms = self.env["mgp.ngo.help.form"].search(
            [("impaired_function_ids", "in", functions.ids)]
        )
        suited = {
            function: forms.filtered(
                lambda f, fn=function: fn in f.impaired_function_ids
            )
            for function in functions
        }
        return features, {fn: f for fn, f in suited.items() if f}

    @api.model
    def _mgp_rank_item(
        self, ngo, activities, region, town, load, answer, needs=None, wanted=None
    ):
        """What one NGO offers for ``activities`` (see :meth:`_mgp_rank`)."""
        features, suited = needs or (self.env["mgp.ngo.accessibility"], {})
        schedule = self._mgp_rank_schedule(ngo, wanted)
        missing_accessibility = features - ngo.mgp_ngo_accessibility_ids
        unserved = ngo.env["mgp.impaired.function"].browse(
            [
                fn.id
                for fn, forms in suited.items()
                if not forms & ngo.mgp_ngo_help_form_ids
            ]
        )
        suited_forms = ngo.mgp_ngo_help_form_ids.filtered(
            lambda form: any(form in forms for forms in suited.values())
        )
        covered = activities & ngo.mgp_ngo_activity_ids
        # a capacity of 0 means the NGO declared no limit
        free = (
            ngo.mgp_ngo_capacity - load if ngo.mgp_ngo_capacity else UNLIMITED_CAPACITY
        )
        if region and ngo.mgp_ngo_territory_state_ids:
            serves = region in ngo.mgp_ngo_territory_state_ids
        else:
            serves = None
        untrained = covered - ngo.mgp_ngo_staff_ids.activity_ids
        answer_code = answer.answer if answer else False
        return {
            "partner": ngo,
            "coverage": len(covered),
            "total": len(activities),
            "covered": covered,
            "free_capacity": free,
            "serves_region": serves,
            "town_match": bool(
                town and town in (ngo.mgp_ngo_territory or "").casefold()
            ),
            "untrained": untrained,
            "answer": answer_code,
            "answer_record": answer,
            "missing_accessibility": missing_accessibility,
            "unserved_functions": unserved,
            "suited_forms": suited_forms,
            "schedule": (ngo.mgp_ngo_schedule or "").strip(),
            **schedule,
            # every criterion verified (an unknown territory is not)
            "fits": bool(
                activities
                and covered == activities
                and serves
                and free > 0
                and not untrained
                and not missing_accessibility
                and not unserved
                and schedule["schedule_fits"]
                and not schedule["unmet_forms"]
                and answer_code != "refusal"
            ),
        }

    @api.model
    def _mgp_rank_key(self, item):
        return (
            item["answer"] == "refusal",
            not item["fits"],
            item["free_capacity"] <= 0,
            -item["coverage"],
            TERRITORY_RANK[item["serves_region"]],
            len(item["missing_accessibility"])
            + len(item["unserved_functions"])
            + bool(item["unmet_forms"]),
            SCHEDULE_RANK[item["schedule_match"]],
            -len(item["common_slots"]),
            not (item["schedule"] or item["schedule_slots"]),
            not item["town_match"],
            len(item["untrained"]),
            -item["free_capacity"],
            item["partner"].id,
        )

    @api.model
    def _mgp_rank_schedule(self, ngo, wanted=None):
        """The order of assistance of ``ngo`` against what the case asks
        (``wanted``: the periods and the forms of assistance): the NGO must
        serve one of the periods and offer one of the forms."""
        slots, forms = wanted or (
            self.env["mgp.ngo.schedule.slot"],
            self.env["mgp.ngo.help.form"],
        )
        served = ngo.mgp_ngo_schedule_slot_ids
        common = slots & served
        if not slots or not served:
            match = None
        else:
            match = bool(common)
        return {
            "schedule_slots": served,
            "schedule_match": match,
            "common_slots": common,
            # a period asked for and not verified (none declared) does not fit
            "schedule_fits": not slots or match is True,
            "unmet_forms": forms
            if forms and not forms & ngo.mgp_ngo_help_form_ids
            else forms.browse(),
        }
