# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.mgp_ngo_registry.models.mgp_ngo_ranking import UNLIMITED_CAPACITY

from .mgp_accompaniment import SPECIALIST, _to_id


class MgpAccompaniment(models.Model):
    """The NGOs for a case: their answers to the proposal of the contract,
    the registry's ranking (``mgp.ngo.ranking``) for the case's activities
    and person, and the seed's grounds for appointing a centre employee."""

    _inherit = "mgp.accompaniment"

    ngo_answer_ids = fields.One2many(
        "mgp.accompaniment.ngo.answer",
        "accompaniment_id",
        string="Answers of the NGOs",
        readonly=True,
        copy=False,
        groups=SPECIALIST,
    )
    # what the person asks of the order of assistance (seed 000: the NGO
    # «подходящей по видам услуг, порядку и условиям оказания»): matched by
    # the registry's ranking against the periods and forms the NGO declares
    assist_slot_ids = fields.Many2many(
        "mgp.ngo.schedule.slot",
        "mgp_accompaniment_schedule_slot_rel",
        "accompaniment_id",
        "slot_id",
        string="Periods the person can be assisted in",
        groups=SPECIALIST,
        help="When the person can receive the accompaniment (his working or "
        "training hours, the regime recommended by the IPRA): an NGO serving "
        "none of these periods does not fit.",
    )
    assist_help_form_ids = fields.Many2many(
        "mgp.ngo.help.form",
        "mgp_accompaniment_help_form_rel",
        "accompaniment_id",
        "help_form_id",
        string="Forms of assistance the person can receive",
        groups=SPECIALIST,
        help="How the person can receive the accompaniment (at home, "
        "remotely, on the premises of the NGO): an NGO offering none of these "
        "forms does not fit.",
    )

    # ------------------------------------------------------------------
    # The NGO's answer to the contract proposal
    # ------------------------------------------------------------------
    def _mgp_ngo_answers(self):
        """The last answer of each NGO for this case: ``{partner: answer}``."""
        self.ensure_one()
        answers = {}
        # sorted newest first (the model's order): keep the first of each NGO
        for answer in self.sudo().ngo_answer_ids:  # the case's own history
            answers.setdefault(answer.partner_id.with_env(self.env), answer)
        return answers

    def action_record_ngo_consent(self, ngo, answer_date=None):
        """Record that ``ngo`` (record or id) agreed to conclude (amend,
        supplement) the contract for this case: required before its
        assignment."""
        self._mgp_record_ngo_answer(ngo, "consent", answer_date)
        return True

    def action_record_ngo_refusal(self, ngo, reason, answer_date=None):
        """Record that ``ngo`` refused the contract, with ``reason``: a ground
        for appointing a centre employee."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the NGO's refusal."))
        self._mgp_record_ngo_answer(ngo, "refusal", answer_date, reason.strip())
        return True

    def _mgp_record_ngo_answer(self, ngo, answer, answer_date=None, reason=None):
        """The answer of an action of the table (its state and group are
        checked by the transition guard)."""
        self.ensure_one()
        ngo = self.env["res.partner"].browse(_to_id(ngo))
        if not ngo or ngo.mgp_ngo_state != "included":
            raise UserError(
                self.env._("Only an NGO included in the registry can be proposed.")
            )
        if self.ngo_id == ngo:
            raise UserError(
                self.env._("%s is already assigned to this case.", ngo.name)
            )
        answer_date = self._mgp_check_action_date(
            answer_date,
            after=[(self.need_decision_date, self.env._("the need decision"))],
            label=self.env._("The answer of the NGO"),
        )
        record = self.env["mgp.accompaniment.ngo.answer"]._mgp_engine_create(
            {
                "accompaniment_id": self.id,
                "partner_id": ngo.id,
                "answer": answer,
                "date": answer_date,
                "reason": reason or False,
                "user_id": self.env.user.id,
            }
        )
        if answer == "consent":
            body = self.env._(
                "%(ngo)s consented on %(date)s to conclude or amend the contract "
                "for this case.",
                ngo=ngo.name,
                date=format_date(self.env, answer_date),
            )
        else:
            body = self.env._(
                "%(ngo)s refused on %(date)s to conclude or amend the contract "
                "for this case: %(reason)s",
                ngo=ngo.name,
                date=format_date(self.env, answer_date),
                reason=reason,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return record

    def _mgp_employee_grounds(self, ngo=None):
        """The seed's grounds for appointing a centre employee, as readable
        texts: no suitable NGO in the registry, an NGO's refusal, an NGO
        performing only part of the activities (``ngo``: the NGO being
        assigned with the employee). Empty when an NGO of the registry fits
        the case and has not refused."""
        self.ensure_one()
        ngo = ngo or self.ngo_id
        grounds = []
        lines = self._mgp_ngo_candidate_lines()
        if ngo and (
            (self.line_ids - lines)
            or (lines.activity_id - ngo.mgp_ngo_activity_ids)
            or not lines
        ):
            grounds.append(
                self.env._("%s performs only part of the activities.", ngo.name)
            )
        for partner, answer in self._mgp_ngo_answers().items():
            if answer.answer == "refusal":
                grounds.append(
                    self.env._(
                        "%(ngo)s refused the contract on %(date)s.",
                        ngo=partner.name,
                        date=format_date(self.env, answer.date),
                    )
                )
        if not any(
            item["fits"] and item["answer"] != "refusal"
            for item in self._get_ngo_candidates_data()
        ):
            grounds.append(
                self.env._(
                    "No NGO of the registry fits the case (activities, "
                    "territory, free capacity, trained staff)."
                )
            )
        return grounds

    # ------------------------------------------------------------------
    # Selection of the NGO
    # ------------------------------------------------------------------
    def _get_ngo_candidates_data(self):
        """Included NGOs ranked for this case by the registry's ranking
        (``mgp.ngo.ranking._mgp_rank``: activities, territory, free capacity,
        trained staff, the NGO's answer), each with the readable ``reasons``
        it fits or not. The capacity counts the cases in assignment or
        accompaniment of every centre.

        :return: the ranking's list of dicts, best first, with ``reasons``
        """
        self.ensure_one()
        result = self.env["mgp.ngo.ranking"]._mgp_rank(
            self._mgp_ngo_candidate_lines().activity_id,
            self.partner_id,
            load=self._mgp_ngo_load,
            answers=self._mgp_ngo_answers(),
            conditions={
                "slots": self.assist_slot_ids,
                "forms": self.assist_help_form_ids,
            },
        )
        for item in result:
            item["reasons"] = self._mgp_ngo_candidate_reasons(item)
        return result

    def _mgp_ngo_load(self, ngos):
        """The cases each of ``ngos`` holds: in assignment or accompaniment,
        of every centre."""
        return dict(
            self.sudo()._read_group(  # capacity counts the cases of every centre
                [("ngo_id", "in", ngos.ids), ("state", "in", ("assignment", "active"))],
                ["ngo_id"],
                ["__count"],
            )
        )

    def _mgp_ngo_candidate_reasons(self, item):
        """Why a candidate fits or not, in the user's language."""
        reasons = [
            self.env._(
                "covers %(covered)s of %(total)s activities",
                covered=item["coverage"],
                total=item["total"],
            )
        ]
        if item["serves_region"] is True:
            reasons.append(self.env._("serves the person's region"))
        elif item["serves_region"] is False:
            reasons.append(self.env._("does not serve the person's region"))
        elif not self.partner_id.state_id:
            reasons.append(
                self.env._("territory not checked: the person's address has no region")
            )
        else:
            reasons.append(self.env._("declares no regions served"))
        if item["town_match"]:
            reasons.append(self.env._("works in %s", self.partner_id.city))
        reasons.extend(self._mgp_ngo_condition_reasons(item))
        if item["free_capacity"] <= 0:
            reasons.append(self.env._("no free capacity"))
        elif item["free_capacity"] >= UNLIMITED_CAPACITY:
            reasons.append(self.env._("no capacity limit"))
        else:
            reasons.append(self.env._("free capacity: %s", item["free_capacity"]))
        if item["untrained"]:
            reasons.append(
                self.env._(
                    "no trained staff for: %s",
                    ", ".join(item["untrained"].mapped("name")),
                )
            )
        elif item["covered"]:
            reasons.append(self.env._("trained staff for the activities covered"))
        answer = item["answer_record"]
        if answer and answer.answer == "refusal":
            reasons.append(
                self.env._(
                    "refused the contract on %(date)s: %(reason)s",
                    date=format_date(self.env, answer.date),
                    reason=answer.reason,
                )
            )
        elif answer:
            reasons.append(
                self.env._("consented on %s", format_date(self.env, answer.date))
            )
        return "; ".join(reasons)

    def _mgp_ngo_condition_reasons(self, item):
        """The order and conditions of assistance against what the person's
        ИПРА needs (seed 000: «по видам услуг, порядку и условиям
        оказания»): accessibility of the premises, forms of assistance,
        schedule."""
        reasons = []
        if item["missing_accessibility"]:
            reasons.append(
                self.env._(
                    "premises lack what the person needs: %s",
                    ", ".join(item["missing_accessibility"].mapped("name")),
                )
            )
        elif self.partner_id.mgp_impaired_function_ids:
            reasons.append(self.env._("premises accessible for the person"))
        if item["unserved_functions"]:
            reasons.append(
                self.env._(
                    "no form of assistance suited to: %s",
                    ", ".join(item["unserved_functions"].mapped("name")),
                )
            )
        elif item["suited_forms"]:
            reasons.append(
                self.env._(
                    "suited forms of assistance: %s",
                    ", ".join(item["suited_forms"].mapped("name")),
                )
            )
        if item["unmet_forms"]:
            reasons.append(
                self.env._(
                    "offers none of the forms the person can receive: %s",
                    ", ".join(item["unmet_forms"].mapped("name")),
                )
            )
        reasons.extend(self._mgp_ngo_schedule_reasons(item))
        return reasons

    def _mgp_ngo_schedule_reasons(self, item):
        """The periods the NGO serves against those the person can be
        assisted in (``assist_slot_ids``)."""
        reasons = []
        if item["schedule_match"] is True:
            reasons.append(
                self.env._(
                    "works when the person can be assisted: %s",
                    ", ".join(item["common_slots"].mapped("name")),
                )
            )
        elif item["schedule_match"] is False:
            reasons.append(
                self.env._(
                    "does not work when the person can be assisted (%(wanted)s), "
                    "only: %(served)s",
                    wanted=", ".join(self.assist_slot_ids.mapped("name")),
                    served=", ".join(item["schedule_slots"].mapped("name")),
                )
            )
        elif self.assist_slot_ids:
            reasons.append(
                self.env._("schedule not checked: the NGO declares no periods")
            )
        elif item["schedule_slots"]:
            reasons.append(
                self.env._(
                    "periods of assistance: %s",
                    ", ".join(item["schedule_slots"].mapped("name")),
                )
            )
        if item["schedule"]:
            reasons.append(self.env._("schedule: %s", item["schedule"]))
        elif not item["schedule_slots"]:
            reasons.append(self.env._("no schedule declared"))
        return reasons

    def _get_ngo_candidates(self):
        """Included NGOs, best first (:meth:`_get_ngo_candidates_data`)."""
        self.ensure_one()
        partners = self.env["res.partner"]
        for item in self._get_ngo_candidates_data():
            partners |= item["partner"]
        return partners
