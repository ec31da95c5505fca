# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""Writing one valid row of each kind, through the suite's own paths: the
person found by the duplicate detection of ``mgp_api`` before one is
created, the case numbered by the centre's sequence with the deadlines of
its steps, the NGO included by the registry's inclusion."""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.mgp_accompaniment.models.mgp_accompaniment import (
    CERTIFICATE_MONTHS,
    SERVICE_DEADLINES,
)
from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import forced_state

PERSON_FIELDS = {
    "birth_date": "mgp_birth_date",
    "disability_group": "mgp_disability_group",
    "ipra_number": "mgp_ipra_number",
    "ipra_date": "mgp_ipra_date",
    "ipra_date_end": "mgp_ipra_date_end",
    "email": "email",
    "phone": "phone",
}
# (deadline, the column it starts from, the column that closes it) of the
# steps of a service-1 case, in their order
CASE_STEPS = (
    ("s1_need_decision", "plan_date", "need_decision_date"),
    ("s1_assignment", "need_decision_date", "certificate_date"),
    ("s1_certificate", "certificate_date", "certificate_date"),
    ("s1_certificate_send", "certificate_date", "certificate_sent_date"),
)
CLOSED_STATES = ("employed", "expired", "terminated")


class MgpImportJob(models.Model):
    _inherit = "mgp.import.job"

    # ------------------------------------------------------------------
    # Persons
    # ------------------------------------------------------------------
    def _mgp_import_batch_data(self, rows):
        """Hook: what the rows of a batch share, looked up at once. For
        persons, the keys of the duplicate detection (a СНИЛС, a name and a
        birth date) that some person already has: the detection itself runs
        only for the rows that may have a duplicate."""
        if self.kind not in ("person", "case"):
            return {}
        snils = [row["snils"] for row in rows if row.get("snils")]
        names = [row["name"].strip().lower() for row in rows if row.get("birth_date")]
        # the import acts for the whole centre: only keys are read here
        self.env["res.partner"].flush_model(["name", "mgp_snils", "mgp_birth_date"])
        self.env.cr.execute(
            SQL(
                "SELECT mgp_snils, lower(name), mgp_birth_date FROM res_partner"
                " WHERE is_company IS NOT TRUE AND active"
                " AND (mgp_snils = ANY(%s)"
                " OR (lower(name) = ANY(%s) AND mgp_birth_date IS NOT NULL))",
                snils,
                names,
            )
        )
        keys = set()
        for known_snils, name, birth_date in self.env.cr.fetchall():
            if known_snils:
                keys.add(("snils", known_snils))
            keys.add(("name", name, birth_date))
        batch = {"person_keys": keys}
        if self.kind == "case":
            Reason = self.env["mgp.accompaniment.termination.reason"]
            batch["termination_reasons"] = Reason._mgp_by_code()
        return batch

    @staticmethod
    def _mgp_person_keys(values):
        keys = set()
        if values.get("snils"):
            keys.add(("snils", values["snils"]))
        name = values["name"].strip()
        if values.get("birth_date"):
            keys.add(("name", name.lower(), values["birth_date"]))
        return keys, "%" in name or "_" in name

    def _mgp_import_person(self, values, batch=None):
        """``(person, created)``: the person already registered — the same
        СНИЛС, or the same name and birth date without another СНИЛС (the
        duplicate detection of ``mgp_api``) — or a new one of the centre.
        Never a second person with the same СНИЛС."""
        Partner = self.env["res.partner"]
        snils = values.get("snils")
        keys, pattern = self._mgp_person_keys(values)
        known = (batch or {}).get("person_keys")
        found = Partner.browse()
        if known is None or pattern or keys & known:
            # the import acts for the whole centre, whose persons the user
            # may not all know: the detection runs as superuser, and only
            # the ids and the СНИЛС of its candidates are compared
            found = Partner.sudo()._mgp_find_duplicates(
                values["name"], values.get("birth_date"), snils
            )
        # the СНИЛС identifies one human across the centres (a unique index)
        person = found.filtered(lambda p: snils and p.mgp_snils == snils)[:1]
        if not person:
            # the same name and birth date: the same human when registered
            # in this centre (or in none) without another СНИЛС
            person = found.filtered(
                lambda p: (
                    not p.mgp_snils and p.company_id.id in (self.company_id.id, False)
                )
            )[:1]
        vals = {
            field: values[column]
            for column, field in PERSON_FIELDS.items()
            if values.get(column)
        }
        if not person:
            vals.update(
                name=values["name"],
                is_company=False,
                company_id=self.company_id.id,
                mgp_snils=snils or False,
            )
            if known is not None:
                known |= keys  # a later row of the batch finds this one
            return Partner.create(vals), True
        current = person
        missing = {field: value for field, value in vals.items() if not current[field]}
        if snils and not current.mgp_snils:
            missing["mgp_snils"] = snils
        if missing:
            # the history fills the data the person lacks; data already
            # entered are never overwritten
            current.write(missing)
        return person.with_env(self.env), False

    def _mgp_import_write_person(self, values, batch=None):
        return self._mgp_import_person(values, batch)

    def _mgp_import_split_rows(self, rows, batch):
        """Persons and cases: the rows of a person surely new — none of his
        keys (СНИЛС; name and birth date) is known nor given by another row
        of the batch — are written together; a row that may find a person
        goes alone, as the detection of ``_mgp_import_person`` decides."""
        if self.kind not in ("person", "case") or not batch:
            return super()._mgp_import_split_rows(rows, batch)
        known = batch["person_keys"]
        given = {}
        for _number, values in rows:
            for key in self._mgp_person_keys(values)[0]:
                given[key] = given.get(key, 0) + 1
        together, alone = [], []
        for row in rows:
            keys, pattern = self._mgp_person_keys(row[1])
            new = not pattern and not keys & known
            if new and all(given[key] == 1 for key in keys):
                together.append(row)
            else:
                alone.append(row)
        return together, alone

    def _mgp_import_new_persons(self, values_list, batch):
        """The new persons of ``values_list`` (rows given by
        :meth:`_mgp_import_split_rows`), in one create."""
        vals_list = []
        for values in values_list:
            vals = {
                field: values[column]
                for column, field in PERSON_FIELDS.items()
                if values.get(column)
            }
            vals.update(
                name=values["name"],
                is_company=False,
                company_id=self.company_id.id,
                mgp_snils=values.get("snils") or False,
            )
            vals_list.append(vals)
        persons = self.env["res.partner"].create(vals_list)
        for values in values_list:
            # a later batch's detection finds them
            batch["person_keys"] |= self._mgp_person_keys(values)[0]
        return persons

    def _mgp_import_write_many_person(self, values_list, batch):
        persons = self._mgp_import_new_persons(values_list, batch)
        return [(person, True) for person in persons]

    # ------------------------------------------------------------------
    # Service-1 cases
    # ------------------------------------------------------------------
    def _mgp_import_write_case(self, values, batch=None):
        """The case in its state of the history: one create through the
        engine (number from the centre's sequence, eligibility, dates), then
        the deadlines of the steps it went through, closed on their dates,
        and of the step it is in, open."""
        person, _created = self._mgp_import_person(values, batch)
        Case = self.env["mgp.accompaniment"]
        vals = self._mgp_import_case_vals(values, person, batch)
        # The import is the only path that creates a case in a past state
        # (its steps are facts of the old system, not actions taken now): the
        # engine's create with the state and the values of the steps, the
        # number from the centre's sequence; restricted to the import group
        # (``_mgp_check_import_group`` before every batch). Created directly
        # in its state, no state is written outside a transition afterwards
        # (a closed case of the history never counts as an open one).
        case = Case._mgp_engine_create(vals)
        self._mgp_import_case_deadlines(case, values)
        return case, True

    def _mgp_import_write_many_case(self, values_list, batch):
        """The cases of new persons (see :meth:`_mgp_import_split_rows`):
        the persons in one create, the cases in one create through the
        engine (as :meth:`_mgp_import_write_case` does for one), the
        deadlines of their steps step by step for all of them."""
        persons = self._mgp_import_new_persons(values_list, batch)
        vals_list = [
            self._mgp_import_case_vals(values, person, batch)
            for values, person in zip(values_list, persons, strict=True)
        ]
        # the import's own path of a case of the history: see
        # _mgp_import_write_case
        cases = self.env["mgp.accompaniment"]._mgp_engine_create(vals_list)
        self._mgp_import_cases_deadlines(cases, values_list)
        return [(case, True) for case in cases]

    def _mgp_import_number(self, code):
        """The next number of the centre's own sequence ``code``."""
        return self.env["mgp.accompaniment"]._mgp_next_number(code, self.company_id)

    def _mgp_import_case_vals(self, values, person, batch=None):
        """Hook: the values of the case of one row (the termination reason
        by its code in the catalogue)."""
        state = values["state"]
        vals = {
            "partner_id": person.id,
            "company_id": self.company_id.id,
            "plan_agreed_date": values["plan_date"],
            "state": state,
        }
        reason = self.env["mgp.accompaniment.termination.reason"]
        if values.get("termination_reason"):
            reasons = (batch or {}).get("termination_reasons") or reason._mgp_by_code()
            reason = reasons[values["termination_reason"]]
        decision = values.get("need_decision_date")
        if state == "terminated" and reason.no_need:
            vals.update(
                need="not_needed",
                need_decision_date=decision or values["termination_date"],
            )
        elif decision:
            vals.update(need="needed", need_decision_date=decision)
        certificate = values.get("certificate_date")
        if certificate:
            vals.update(
                certificate_number=self._mgp_import_number(
                    "mgp.accompaniment.certificate"
                ),
                certificate_date=certificate,
                assignment_done_date=certificate,
                date_end=fields.Date.add(certificate, months=CERTIFICATE_MONTHS),
                certificate_sent_date=values.get("certificate_sent_date") or False,
            )
        if values.get("employment_date"):
            vals.update(
                employment_date=values["employment_date"],
                employer_id=self._mgp_import_employer(values["employer"]).id,
            )
        if state == "employed":
            vals["date_closed"] = values["employment_date"]
        elif state == "expired":
            vals["date_closed"] = vals["date_end"]
        elif state == "terminated":
            vals.update(
                date_closed=values["termination_date"],
                termination_reason_id=reason.id,
            )
        return vals

    def _mgp_import_case_deadlines(self, case, values):
        """Each step the case went through: its deadline opened on the
        step's start and closed on its date; the step the case is in stays
        open; a closed case has none open."""
        closed = case.state in CLOSED_STATES
        for code, start, end in CASE_STEPS:
            if not values.get(start):
                break
            if values.get(end):
                case._mgp_deadline_open(code, values[start])
                case._mgp_deadline_close(code, values[end])
                continue
            # the step the case is in (the certificate is sent while active)
            if not closed and (code != "s1_certificate_send" or case.state == "active"):
                case._mgp_deadline_open(code, values[start])
            break
        if closed:
            # the service ended: what the case still had open ends with it
            case._mgp_deadline_cancel(SERVICE_DEADLINES)

    def _mgp_import_cases_deadlines(self, cases, values_list):
        """:meth:`_mgp_import_case_deadlines` for many cases: each step's
        deadlines opened for every case that went through it or is in it at
        once, closed by the date of the step."""
        Deadline = self.env["mgp.deadline"]
        going = list(zip(cases, values_list, strict=True))
        for code, start, end in CASE_STEPS:
            opened, closing, through = {}, {}, []
            for case, values in going:
                if not values.get(start):
                    continue
                if values.get(end):
                    opened[case.id] = values[start]
                    closing.setdefault(values[end], []).append(case.id)
                    through.append((case, values))
                    continue
                # the step the case is in (the certificate is sent while active)
                if case.state not in CLOSED_STATES and (
                    code != "s1_certificate_send" or case.state == "active"
                ):
                    opened[case.id] = values[start]
            if opened:
                Deadline._open_many(cases.browse(opened), code, date_start=opened)
            for date_done, ids in closing.items():
                cases.browse(ids)._mgp_deadline_close(code, date_done)
            going = through
        # the service ended: what the case still had open ends with it
        cases.filtered(lambda case: case.state in CLOSED_STATES)._mgp_deadline_cancel(
            SERVICE_DEADLINES
        )

    # ------------------------------------------------------------------
    # Organisations
    # ------------------------------------------------------------------
    def _mgp_import_organisation(self, values):
        """``(organisation, created)``: the one with this INN, or a new one."""
        Partner = self.env["res.partner"]
        domain = [("is_company", "=", True)]
        if values.get("inn"):
            domain.append(("vat", "=", values["inn"]))
        else:
            domain.append(("name", "=ilike", values["name"]))
        organisation = Partner.search(domain, limit=1)
        if organisation:
            return organisation, False
        vals = {"name": values["name"], "is_company": True}
        for column, field in (
            ("inn", "vat"),
            ("ogrn", "company_registry"),
            ("email", "email"),
            ("phone", "phone"),
        ):
            if values.get(column):
                vals[field] = values[column]
        return Partner.create(vals), True

    def _mgp_import_employer(self, name):
        return self._mgp_import_organisation({"name": name})[0]

    def _mgp_import_write_employer(self, values, batch=None):
        return self._mgp_import_organisation(values)

    def _mgp_import_write_ngo(self, values, batch=None):
        """The NGO included in the registry on its date of the history, by
        the registry's own inclusion (its number from the registry's
        sequence)."""
        ngo, created = self._mgp_import_organisation(values)
        if ngo.mgp_ngo_state != "included":
            # the registry entry of the history, by the import's own path
            # (restricted to the import group, which implies the manager)
            with forced_state(ngo):
                ngo._mgp_ngo_include(
                    "contract", values.get("included_date") or centre_today(self)
                )
        return ngo, created
