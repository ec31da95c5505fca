#!/usr/bin/env python3
"""Fill a database with a plausible region, for the benchmark.

    python3 tests/bench/generate.py --db mgp_scale_bench --cases 100000

Needs a database where the suite is installed (``scripts/test.sh`` leaves
``mgp_test``; copy it: ``createdb -T mgp_test mgp_bench``). Adds, in one
committed run:

- ``--centres`` employment centres (companies) spread over ``--regions``
  regions of Russia, each with a manager and ``--specialists`` specialists
  (through the ORM: a few hundred records);
- one person per case with a valid СНИЛС, a disability group and an ИПРА;
- ``--cases`` service-1 cases over the last two years in realistic state
  proportions, their activity lines and their deadlines (open, done, late,
  cancelled; statuses as the hourly job would have left them);
- ``--ngos`` NGOs included in the registry, each with a contract with its
  region's centres, and one NGO with ``--ngo-cases`` cases and a portal
  user (login and password ``bench_ngo``) for the portal figure;
- ``--employers`` employers, and when ``mgp_workplace_plan`` is installed
  ``--employer-plans`` plans of the first one with a portal user (login and
  password ``bench_employer``) for the employer's portal figure.

The bulk (persons, cases, lines, deadlines) goes through PostgreSQL COPY in
batches, with a progress bar: the ORM is what the benchmark measures, not
what fills the database. Due dates come from ``mgp.calendar`` of each
centre's region (working days, never calendar days).
"""
# A standalone bulk loader that owns its transactions (one commit per batch).
# pylint: disable=invalid-commit

import argparse
import datetime
import io
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import (  # noqa: E402
    add_common_arguments,
    default_addons_path,
    open_env,
    out,
)

from odoo.tools import SQL  # noqa: E402

REGIONS = [
    "Калужская область",
    "Владимирская область",
    "Брянская область",
    "Тульская область",
]
# share of each state among the cases of two years
STATE_WEIGHTS = {
    "new": 3,
    "mse": 2,
    "assignment": 3,
    "active": 27,
    "employed": 25,
    "expired": 26,
    "terminated": 14,
}
LATE_DONE_SHARE = 0.07  # procedures done after their due date
NGO_SHARE = 0.3  # cases accompanied by an NGO
BATCH = 20000


class Progress:
    """A one-line progress bar on stderr: ``label [#####     ] 52% 1.3 s``."""

    def __init__(self, label, total):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.start = time.perf_counter()
        self._draw()

    def add(self, count):
        self.done += count
        self._draw()

    def _draw(self):
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        elapsed = time.perf_counter() - self.start
        sys.stderr.write(
            f"\r{self.label:<22} [{bar:<30}] {share:4.0%} "
            f"{self.done:>9,}/{self.total:,} {elapsed:6.1f} s"
        )
        if self.done >= self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


FEMALE_NAMES = ("Мария", "Анна", "Ольга")


def snils(number):
    """``number`` (9 digits) as a СНИЛС with its check digits."""
    digits = f"{number:09d}"
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits))
    if total > 101:
        total %= 101
    check = 0 if total in (100, 101) else total
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {check:02d}"


def reserve_ids(cr, table, count):
    """``count`` new ids of ``table``, each taken from its sequence: another
    session inserting meanwhile (a figure of run.py, a server) gets other ids.
    A ``setval`` past the first id would hand them the ids reserved here, and
    the COPY would then wait on their transaction's unique key."""
    cr.execute(
        "SELECT nextval(%s) FROM generate_series(1, %s)",
        [f"{table}_id_seq", count],
    )
    return [row[0] for row in cr.fetchall()]


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples) into ``table``."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write(
            "\t".join(
                "\\N"
                if value is None
                else (
                    str(value)
                    .replace("\\", "\\\\")
                    .replace("\t", " ")
                    .replace("\n", " ")
                )
                for value in row
            )
        )
        buffer.write("\n")
    buffer.seek(0)
    query = SQL(
        "COPY %s (%s) FROM STDIN",
        SQL.identifier(table),
        SQL(", ").join(SQL.identifier(column) for column in columns),
    )
    cr._obj.copy_expert(query.code, buffer)


class Generator:
    def __init__(self, env, args):
        self.env, self.args = env, args
        self.cr = env.cr
        self.rng = random.Random(args.seed)
        self.today = args.today
        self.now = datetime.datetime.now().replace(microsecond=0)
        self._due_cache = {}
        self.big_ngo_cases = 0

    # ---------------------------------------------------------- helpers
    def add_wd(self, day, days, state_id):
        key = (day, days, state_id)
        if key not in self._due_cache:
            self._due_cache[key] = self.env["mgp.calendar"].add_working_days(
                day, days, state_id
            )
        return self._due_cache[key]

    def pick_date(self, days_back_from, days_back_to):
        """A day between ``days_back_from`` and ``days_back_to`` days ago."""
        back = self.rng.randint(days_back_to, days_back_from)
        return self.today - datetime.timedelta(days=back)

    # ---------------------------------------------------------- structure
    def centres(self):
        env, args = self.env, self.args
        states = env["res.country.state"].search(
            [("country_id.code", "=", "RU"), ("name", "in", REGIONS)]
        )
        states = states or env["res.country.state"].search(
            [("country_id.code", "=", "RU")], limit=args.regions
        )
        states = states[: args.regions]
        Company = env["res.company"]
        Users = env["res.users"].with_context(no_reset_password=True)
        specialist = env.ref("mgp_base.group_specialist")
        manager = env.ref("mgp_base.group_manager")
        self.centres_data = []
        progress = Progress("centres and staff", args.centres)
        tag = args.tag
        for index in range(args.centres):
            state = states[index % len(states)]
            company = Company.create(
                {
                    "name": f"ЦЗН {state.name} №{index + 1} [{tag}]",
                    "state_id": state.id,
                    "country_id": state.country_id.id,
                }
            )
            users = Users.create(
                [
                    {
                        "name": f"Manager {index + 1} [{tag}]",
                        "login": f"{tag}_manager_{index + 1}",
                        "company_id": company.id,
                        "company_ids": [(6, 0, company.ids)],
                        "group_ids": [(6, 0, manager.ids)],
                    }
                ]
                + [
                    {
                        "name": f"Specialist {index + 1}.{number + 1} [{tag}]",
                        "login": f"{tag}_specialist_{index + 1}_{number + 1}",
                        "company_id": company.id,
                        "company_ids": [(6, 0, company.ids)],
                        "group_ids": [(6, 0, specialist.ids)],
                    }
                    for number in range(args.specialists)
                ]
            )
            self.centres_data.append(
                {
                    "id": company.id,
                    "state_id": state.id,
                    "manager": users[0].id,
                    "specialists": users[1:].ids,
                }
            )
            progress.add(1)

    def ngos_and_employers(self):
        env, args, tag = self.env, self.args, self.args.tag
        Partner = env["res.partner"]
        activities = env["mgp.activity"].search([("service", "=", "employment")])
        self.activity_ids = activities.ids
        progress = Progress("NGOs and employers", args.ngos + args.employers)
        ngos = Partner.create(
            [
                {
                    "name": f"АНО «Опора-{index + 1}» [{tag}]",
                    "is_company": True,
                    "email": f"ngo{index + 1}@{tag}.example.ru",
                    "mgp_ngo_state": "included",
                    "mgp_ngo_included_date": self.today - datetime.timedelta(days=800),
                    "mgp_ngo_activity_ids": [(6, 0, activities.ids)],
                }
                for index in range(args.ngos)
            ]
        )
        progress.add(len(ngos))
        # one contract per NGO and centre of a region (SQL: the contract
        # actions are not what is measured)
        self.contracts = {}
        rows = []
        ids = iter(
            reserve_ids(self.cr, "mgp_ngo_contract", len(ngos) * len(self.centres_data))
        )
        for ngo in ngos:
            for centre in self.centres_data:
                contract_id = next(ids)
                self.contracts[(ngo.id, centre["id"])] = contract_id
                rows.append(
                    (
                        contract_id,
                        ngo.id,
                        centre["id"],
                        f"Д-{contract_id}",
                        "active",
                        self.today - datetime.timedelta(days=760),
                        self.today - datetime.timedelta(days=760),
                        1,
                        1,
                        self.now,
                        self.now,
                    )
                )
        copy_rows(
            self.cr,
            "mgp_ngo_contract",
            (
                "id",
                "partner_id",
                "company_id",
                "number",
                "state",
                "date",
                "date_start",
                "create_uid",
                "write_uid",
                "create_date",
                "write_date",
            ),
            rows,
        )
        self.ngo_ids = ngos.ids
        employers = Partner.create(
            [
                {"name": f"ООО «Работодатель-{index + 1}» [{tag}]", "is_company": True}
                for index in range(args.employers)
            ]
        )
        self.employer_ids = employers.ids
        progress.add(len(employers))
        # the portal user of the first NGO (the portal-list figure)
        self.big_ngo = ngos[:1]
        contact = Partner.create(
            {"name": f"Представитель [{tag}]", "parent_id": ngos[0].id}
        )
        env["res.users"].with_context(no_reset_password=True).create(
            {
                "name": contact.name,
                "login": f"{tag}_ngo",
                "password": f"{tag}_ngo",
                "partner_id": contact.id,
                "company_id": self.centres_data[0]["id"],
                "company_ids": [(6, 0, [self.centres_data[0]["id"]])],
                "group_ids": [(6, 0, env.ref("base.group_portal").ids)],
            }
        )

    # ---------------------------------------------------------- bulk
    def bulk(self):
        args = self.args
        rules = {
            rule.code: rule
            for rule in self.env["mgp.deadline.rule"]
            .with_context(lang="ru_RU")
            .search([])
        }
        self.rules = {
            code: (rule.id, rule.days, rule.at_risk_days, rule.external, rule.name)
            for code, rule in rules.items()
        }
        # the termination reasons of the catalogue, by code
        self.reasons = {
            code: reason.id
            for code, reason in self.env["mgp.accompaniment.termination.reason"]
            ._mgp_by_code()
            .items()
        }
        states, weights = zip(*STATE_WEIGHTS.items(), strict=True)
        self.cr.execute(
            """SELECT COALESCE(MAX(substr(mgp_snils, 1, 3)::int), 100)
                 FROM res_partner WHERE mgp_snils ~ '^[0-9]{3}-'"""
        )
        snils_base = (self.cr.fetchone()[0] + 1) * 1000000
        progress = Progress("persons, cases", args.cases)
        done = 0
        stats = {"deadlines": 0, "lines": 0}
        while done < args.cases:
            count = min(BATCH, args.cases - done)
            partner_ids = reserve_ids(self.cr, "res_partner", count)
            case_ids = reserve_ids(self.cr, "mgp_accompaniment", count)
            persons, cases, lines, deadlines = [], [], [], []
            for offset, (partner_id, case_id) in enumerate(
                zip(partner_ids, case_ids, strict=True)
            ):
                centre = self.centres_data[(done + offset) % len(self.centres_data)]
                persons.append(
                    self._person(partner_id, centre, snils_base + done + offset)
                )
                state = self.rng.choices(states, weights)[0]
                case, case_deadlines, case_lines = self._case(
                    case_id, partner_id, centre, state, done + offset
                )
                cases.append(case)
                deadlines.extend(case_deadlines)
                lines.extend(case_lines)
            self._copy_persons(persons)
            self._copy_cases(cases)
            self._copy_lines(lines)
            self._copy_deadlines(deadlines)
            stats["deadlines"] += len(deadlines)
            stats["lines"] += len(lines)
            done += count
            progress.add(count)
            self.cr.commit()
        return stats

    def _person(self, partner_id, centre, number):
        names = ("Иванов", "Петров", "Сидорова", "Кузнецова", "Смирнов", "Попова")
        first = ("Иван", "Мария", "Пётр", "Анна", "Сергей", "Ольга")
        first_name = self.rng.choice(first)
        name = f"{self.rng.choice(names)} {first_name} {partner_id}"
        return (
            partner_id,
            name,
            name,
            centre["id"],
            partner_id,
            "contact",
            True,
            False,
            "ru_RU",
            snils(number),
            # of working age mostly (the dashboard's breakdown by age)
            self.today - datetime.timedelta(days=self.rng.randint(17 * 365, 66 * 365)),
            "female" if first_name in FEMALE_NAMES else "male",
            self.rng.choice(("1", "2", "2", "3", "3", "3")),
            True,
            f"ИПРА-{partner_id}",
            self.today - datetime.timedelta(days=self.rng.randint(800, 1500)),
            "none",
            True,
            self.now,
            self.now,
            1,
            1,
        )

    def _case(self, case_id, partner_id, centre, state, serial):
        rng, today = self.rng, self.today
        region = centre["state_id"]
        specialist = rng.choice(centre["specialists"])
        back = {
            "new": (4, 0),
            "mse": (14, 3),
            "assignment": (8, 0),
            "active": (170, 10),
            "employed": (730, 20),
            "expired": (730, 200),
            "terminated": (730, 5),
        }[state]
        plan = self.pick_date(*back)
        deadlines, lines = [], []
        row = {
            "need": "pending",
            "need_decision_date": None,
            "responsible_user_id": None,
            "ngo_id": None,
            "ngo_contract_id": None,
            "order_number": None,
            "order_date": None,
            "order_state": None,
            "certificate_number": None,
            "certificate_date": None,
            "date_end": None,
            "certificate_sent_date": None,
            "employment_date": None,
            "employer_id": None,
            "date_closed": None,
            "termination_reason_id": None,
            "assignment_done_date": None,
        }

        def deadline(code, start, done=None, status="open"):
            rule_id, days, at_risk, external, name = self.rules[code]
            due = self.add_wd(start, days, region)
            at_risk_day = (
                max(self.add_wd(due, -at_risk, region), start) if at_risk else due
            )
            if status == "done" and done is None:
                done = due
                if rng.random() < LATE_DONE_SHARE:
                    done = self.add_wd(due, rng.randint(1, 3), region)
            if status == "open":
                sla = (
                    "late"
                    if due < today
                    else ("at_risk" if at_risk_day <= today else "on_track")
                )
                late = due < today
            elif status == "done":
                late = done > due
                sla = "late" if late else "on_track"
            else:
                sla, late = "on_track", False
            deadlines.append(
                (
                    rule_id,
                    case_id,
                    specialist,
                    centre["id"],
                    days,
                    name,
                    code,
                    "mgp.accompaniment",
                    status,
                    sla,
                    start,
                    due,
                    at_risk_day,
                    done if status == "done" else None,
                    late,
                    external,
                    sla in ("at_risk", "late"),
                    sla == "late",
                    self.now,
                    self.now,
                    1,
                    1,
                )
            )
            return done or due

        if state == "new":
            deadline("s1_need_decision", plan)
        elif state == "mse":
            sent = deadline("s1_mse_request", plan, status="done")
            deadline("s1_mse_answer", sent)
        else:
            decided = deadline("s1_need_decision", plan, status="done")
            row["need_decision_date"] = decided
            row["need"] = "needed"
            if state == "terminated":
                row.update(
                    need="not_needed",
                    termination_reason_id=self.reasons[
                        rng.choice(("no_need", "withdrawn", "other"))
                    ],
                    date_closed=decided,
                )
                deadline("s1_no_need_notice", decided, status="done")
            elif state == "assignment":
                deadline("s1_assignment", decided)
            else:
                assigned = deadline("s1_assignment", decided, status="done")
                row["assignment_done_date"] = assigned
                if rng.random() < NGO_SHARE:
                    if self.big_ngo_cases < self.args.ngo_cases:
                        ngo = self.big_ngo.id
                        self.big_ngo_cases += 1
                    else:
                        ngo = rng.choice(self.ngo_ids[1:] or self.ngo_ids)
                    row.update(
                        ngo_id=ngo, ngo_contract_id=self.contracts[(ngo, centre["id"])]
                    )
                else:
                    row.update(
                        responsible_user_id=specialist,
                        order_number=f"П-{case_id}",
                        order_date=assigned,
                        order_state="approved",
                    )
                issued = deadline("s1_certificate", assigned, status="done")
                sent = deadline("s1_certificate_send", issued, status="done")
                date_end = issued + datetime.timedelta(days=182)
                row.update(
                    certificate_number=f"С-{case_id}",
                    certificate_date=issued,
                    date_end=date_end,
                    certificate_sent_date=sent,
                )
                if state == "employed":
                    employed = min(
                        issued + datetime.timedelta(days=rng.randint(10, 170)), today
                    )
                    row.update(
                        employment_date=employed,
                        employer_id=rng.choice(self.employer_ids),
                        date_closed=employed,
                    )
                    recent = (today - employed).days < 10
                    deadline(
                        "s1_results", employed, status="open" if recent else "done"
                    )
                elif state == "expired":
                    row["date_closed"] = date_end
                    recent = (today - date_end).days < 10
                    deadline(
                        "s1_results", date_end, status="open" if recent else "done"
                    )
        for sequence, activity in enumerate(
            rng.sample(self.activity_ids, rng.randint(1, 3)), start=1
        ):
            lines.append(
                (
                    case_id,
                    centre["id"],
                    sequence,
                    activity,
                    "ngo" if row["ngo_id"] else "centre",
                    row["ngo_id"],
                    None if row["ngo_id"] else specialist,
                    plan,
                    False,
                    self.now,
                    self.now,
                    1,
                    1,
                )
            )
        case = (
            case_id,
            partner_id,
            centre["id"],
            specialist,
            f"{plan.year}-{case_id:07d}",
            state,
            f"ЛД-{case_id}",
            plan,
            plan,
            plan,
            *row.values(),
            self.now,
            self.now,
            1,
            1,
        )
        return case, deadlines, lines

    def _copy_persons(self, rows):
        copy_rows(
            self.cr,
            "res_partner",
            (
                "id",
                "name",
                "complete_name",
                "company_id",
                "commercial_partner_id",
                "type",
                "active",
                "is_company",
                "lang",
                "mgp_snils",
                "mgp_birth_date",
                "mgp_gender",
                "mgp_disability_group",
                "mgp_is_disabled",
                "mgp_ipra_number",
                "mgp_ipra_date",
                "mgp_ngo_state",
                "partner_share",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ),
            rows,
        )

    def _copy_cases(self, rows):
        copy_rows(
            self.cr,
            "mgp_accompaniment",
            (
                "id",
                "partner_id",
                "company_id",
                "user_id",
                "name",
                "state",
                "personal_file_number",
                "plan_agreed_date",
                "personal_file_date",
                "disability_info_date",
                "need",
                "need_decision_date",
                "responsible_user_id",
                "ngo_id",
                "ngo_contract_id",
                "order_number",
                "order_date",
                "order_state",
                "certificate_number",
                "certificate_date",
                "date_end",
                "certificate_sent_date",
                "employment_date",
                "employer_id",
                "date_closed",
                "termination_reason_id",
                "assignment_done_date",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ),
            rows,
        )

    def _copy_lines(self, rows):
        copy_rows(
            self.cr,
            "mgp_accompaniment_line",
            (
                "accompaniment_id",
                "company_id",
                "sequence",
                "activity_id",
                "performer",
                "ngo_id",
                "user_id",
                "date_planned",
                "has_result",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ),
            rows,
        )

    def _copy_deadlines(self, rows):
        copy_rows(
            self.cr,
            "mgp_deadline",
            (
                "rule_id",
                "res_id",
                "user_id",
                "company_id",
                "working_days",
                "name",
                "code",
                "res_model",
                "state",
                "sla_status",
                "date_start",
                "date_due",
                "date_at_risk",
                "date_done",
                "is_late",
                "external",
                "at_risk_notified",
                "late_notified",
                "create_date",
                "write_date",
                "create_uid",
                "write_uid",
            ),
            rows,
        )

    def plans(self):
        """``--employer-plans`` service-2 plans of the first employer (SQL),
        for the employer's portal-list figure, and its portal user."""
        if "mgp.workplace.plan" not in self.env:
            out("employer plans: n/a: mgp_workplace_plan not installed")
            return
        env, args, tag, cr = self.env, self.args, self.args.tag, self.cr
        count = args.employer_plans
        cr.execute(
            "SELECT id FROM res_partner WHERE mgp_snils IS NOT NULL"
            " ORDER BY id DESC LIMIT %s",
            [count],
        )
        workers = [row[0] for row in cr.fetchall()] or [None]
        employer = self.employer_ids[0]
        centre = self.centres_data[0]["id"]
        states = ["sent"] * 6 + ["offered", "analysis", "draft", "discussion"]
        rows = []
        for index, plan_id in enumerate(reserve_ids(cr, "mgp_workplace_plan", count)):
            state = self.rng.choice(states)
            day = self.today - datetime.timedelta(days=self.rng.randint(1, 700))
            rows.append(
                (
                    plan_id,
                    f"ПЛ-{tag}-{plan_id}",
                    state,
                    "offer",
                    employer,
                    workers[index % len(workers)],
                    centre,
                    1,
                    day,
                    day if state == "sent" else None,
                    1,
                    1,
                    self.now,
                    self.now,
                )
            )
        copy_rows(
            cr,
            "mgp_workplace_plan",
            (
                "id",
                "name",
                "state",
                "trajectory",
                "employer_id",
                "partner_id",
                "company_id",
                "version",
                "offer_date",
                "send_date",
                "create_uid",
                "write_uid",
                "create_date",
                "write_date",
            ),
            rows,
        )
        contact = env["res.partner"].create(
            {"name": f"Кадровик [{tag}]", "parent_id": employer}
        )
        env["res.users"].with_context(no_reset_password=True).create(
            {
                "name": contact.name,
                "login": f"{tag}_employer",
                "password": f"{tag}_employer",
                "partner_id": contact.id,
                "company_id": centre,
                "company_ids": [(6, 0, [centre])],
                "group_ids": [(6, 0, env.ref("base.group_portal").ids)],
            }
        )
        cr.execute("ANALYZE mgp_workplace_plan")
        cr.commit()
        out(f"employer plans: {count:,} plans of one employer ({tag}_employer)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("MGP_BENCH_DB", "mgp_bench"))
    add_common_arguments(parser)
    parser.add_argument("--cases", type=int, default=100000)
    parser.add_argument("--centres", type=int, default=20)
    parser.add_argument("--regions", type=int, default=4)
    parser.add_argument("--specialists", type=int, default=4)
    parser.add_argument("--ngos", type=int, default=30)
    parser.add_argument("--employers", type=int, default=500)
    parser.add_argument(
        "--ngo-cases", type=int, default=1000, help="cases of the portal NGO"
    )
    parser.add_argument(
        "--employer-plans",
        type=int,
        default=1000,
        help="service-2 plans of the portal employer",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--tag", default="bench", help="marks the generated records")
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the day the statuses are computed for (default: today)",
    )
    args = parser.parse_args(argv)
    args.addons_path = args.addons_path or default_addons_path()
    cr, env = open_env(args)
    started = time.perf_counter()
    try:
        env.cr.execute("SELECT 1 FROM res_users WHERE login = %s", [f"{args.tag}_ngo"])
        if env.cr.fetchone():
            out(f"{args.db} already has generated data tagged {args.tag!r}: use --tag")
            return 2
        generator = Generator(env, args)
        generator.centres()
        generator.ngos_and_employers()
        cr.commit()
        stats = generator.bulk()
        generator.plans()
        out("analysing the tables")
        for table in (
            "res_partner",
            "mgp_accompaniment",
            "mgp_accompaniment_line",
            "mgp_deadline",
        ):
            cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
        cr.commit()
    finally:
        cr.close()
    out(
        f"generated in {time.perf_counter() - started:.0f} s: {args.cases:,} cases, "
        f"{stats['lines']:,} lines, {stats['deadlines']:,} deadlines, "
        f"{args.centres} centres in {args.regions} regions, {args.ngos} NGOs, "
        f"{args.employers} employers; NGO portal login: {args.tag}_ngo"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
