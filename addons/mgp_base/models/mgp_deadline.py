# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL, format_date

from .mgp_today import centre_today
from .mgp_transition import Transition

# recipients per committed batch of the hourly job; procedures shown in a digest
DIGEST_BATCH = 100
DIGEST_LINES = 30
DIGEST_LOCK = 0x6D67_7064  # PostgreSQL advisory lock of the digest sender

SLA_STATUS = [
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("late", "Late"),
]


class MgpDeadline(models.Model):
    """One tracked procedure of a case, due on a working day.

    Deadlines are opened, closed and cancelled only through
    :class:`MgpDeadlineMixin`; ``is_late`` and ``sla_status`` are refreshed
    set-based by :meth:`_refresh_sla` (after each change and hourly by
    cron); reminders are one digest activity per user (:meth:`_notify_sla`).
    """

    _name = "mgp.deadline"
    _description = "Procedure Deadline"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    # the engine's own steps, carried by the one primitive (the case that
    # closes or cancels its deadlines has checked its own transition)
    _mgp_transitions = {
        "close": Transition(("open",), "done"),
        "cancel": Transition(("open",), "cancelled"),
    }

    name = fields.Char(string="Procedure", required=True)
    code = fields.Char(required=True, index=True)
    rule_id = fields.Many2one("mgp.deadline.rule", ondelete="restrict")
    res_model = fields.Char(string="Case model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char(string="Case name", compute="_compute_res_name")
    date_start = fields.Date(string="Counted from", required=True)
    date_due = fields.Date(string="Due", required=True, index=True)
    date_at_risk = fields.Date(string="At risk from", required=True)
    date_done = fields.Date(string="Done on")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="open",
        index=True,
    )
    is_late = fields.Boolean(string="Late", readonly=True, index=True)
    sla_status = fields.Selection(
        SLA_STATUS, string="SLA", readonly=True, default="on_track", index=True
    )
    external = fields.Boolean(
        help="A third party's deadline, not the centre's own procedure."
    )
    user_id = fields.Many2one("res.users", string="Responsible", index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    working_days = fields.Integer(
        string="Length", help="The term's length in the unit of its rule."
    )
    unit = fields.Selection(related="rule_id.unit")
    at_risk_notified = fields.Boolean(readonly=True, copy=False)
    late_notified = fields.Boolean(readonly=True, copy=False)

    # the hot paths only read open deadlines (a small part of the table):
    # the digest of a user, the late procedures of a centre
    _open_user_idx = models.Index("(user_id, sla_status) WHERE state = 'open'")
    _open_company_idx = models.Index("(company_id, sla_status) WHERE state = 'open'")
    # the "Late" list: the open procedures past their term, in the list's
    # order — not the many done late ones (they have a filter of their own)
    _open_late_idx = models.Index(
        "(date_due, id) WHERE state = 'open' AND sla_status = 'late'"
    )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        names = {}
        for res_model, deadlines in self.grouped("res_model").items():
            if res_model not in self.env:
                continue
            # the case's label only, for whoever may read its deadlines
            cases = (
                self.env[res_model].sudo().browse(deadlines.mapped("res_id")).exists()
            )
            names.update({(res_model, case.id): case.display_name for case in cases})
        for deadline in self:
            deadline.res_name = names.get((deadline.res_model, deadline.res_id), False)

    def action_open_case(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    @api.model
    def _open_for(self, record, code, date_start=None, user=None, days=None):
        """Open the deadline ``code`` of ``record`` counted from ``date_start``.

        The variant of the rule in force on ``date_start`` in the record's
        region applies; the due date is ``days`` (default: the rule's
        length) in the rule's unit after ``date_start``, by the calendar of
        that region. An already open deadline with the same code is returned
        unchanged.
        """
        record.ensure_one()
        return self._open_many(
            record, code, date_start=date_start, user=user, days=days
        )

    @api.model
    def _open_many(
        self, records, code, date_start=None, user=None, days=None, fresh=False
    ):
        """Open the deadline ``code`` of each of ``records`` at once.

        One search for the deadlines already open, one ``create`` for the
        others, their status computed on the spot (no UPDATE per deadline):
        what a batch of cases (a scheduled action, an import) should call.

        :param date_start: a date for all, or ``{record id: date}``
            (default: today)
        :param user: the responsible user for all (default: each record's
            ``_mgp_deadline_user()``)
        :param fresh: ``records`` were created by the calling ``create``:
            none has a deadline yet (no search for the open ones)
        :return: the open deadlines, one per record, in the order of
            ``records``
        """
        if not records:
            return self.browse()
        Deadline = self.sudo()  # engine bookkeeping, whatever the user's rights
        existing = {}
        if not fresh:
            existing = {
                deadline.res_id: deadline
                for deadline in Deadline.search(
                    [
                        ("res_model", "=", records._name),
                        ("res_id", "in", records.ids),
                        ("code", "=", code),
                        ("state", "=", "open"),
                    ]
                )
            }
        # rules are configuration every case user may apply
        variants = self.env["mgp.deadline.rule"].sudo()._mgp_variants(code)
        today = centre_today(self)
        vals_list = []
        for record in records:
            if record.id in existing:
                continue
            start = (
                date_start.get(record.id)
                if isinstance(date_start, dict)
                else date_start
            )
            start = fields.Date.to_date(start) or today
            state_id = self._mgp_record_state_id(record)
            # the variant in force on the start day in the centre's region
            rule = variants._mgp_in_force(start, state_id)
            length = rule.days if days is None else days
            date_due = rule._mgp_compute_due(start, state_id, length)
            date_at_risk = rule._mgp_compute_at_risk(start, date_due, state_id)
            responsible = user
            if responsible is None:
                responsible = (
                    record._mgp_deadline_user()
                    if hasattr(record, "_mgp_deadline_user")
                    else self.env.user
                )
            company = record["company_id"] if "company_id" in record._fields else False
            vals_list.append(
                {
                    "name": rule.name,
                    "code": code,
                    "rule_id": rule.id,
                    "res_model": record._name,
                    "res_id": record.id,
                    "date_start": start,
                    "date_due": date_due,
                    "date_at_risk": date_at_risk,
                    "external": rule.external,
                    "working_days": length,
                    "user_id": responsible.id if responsible else False,
                    "company_id": (company or self.env.company).id,
                    # what _refresh_sla would write, without its UPDATE
                    "sla_status": "late"
                    if date_due < today
                    else ("at_risk" if date_at_risk <= today else "on_track"),
                    "is_late": date_due < today,
                }
            )
        # no chatter message nor follower per deadline: millions of rows at
        # a regional scale, read by nobody (reminders go to the digest)
        created = Deadline.with_context(tracking_disable=True).create(vals_list)
        by_record = existing | {deadline.res_id: deadline for deadline in created}
        return self.browse([by_record[record.id].id for record in records])

    @api.model
    def _mgp_record_state_id(self, record):
        """Region whose calendar applies to the deadlines of ``record``."""
        if hasattr(record, "_mgp_state_id"):
            return record._mgp_state_id()
        return (
            record["company_id"].state_id.id
            if "company_id" in record._fields
            else False
        )

    def _close(self, date_done=None):
        """Mark open deadlines done on ``date_done`` (default: today)."""
        # engine bookkeeping: closing follows the case, whoever acts on it (a
        # parallel transaction that closed one first makes the row lock fail
        # with a serialization error: the request is retried and skips it)
        deadlines = self.filtered(lambda d: d.state == "open").sudo()
        if deadlines:
            date_done = fields.Date.to_date(date_done) or centre_today(self)
            deadlines._mgp_transition("close", {"date_done": date_done})
            self._refresh_sla(deadlines.ids, notify=False)
        return deadlines.with_env(self.env)

    def _cancel(self):
        """Cancel open deadlines (the case left their path)."""
        # engine bookkeeping: cancelling follows the case
        deadlines = self.filtered(lambda d: d.state == "open").sudo()
        if deadlines:
            deadlines._mgp_transition("cancel")
            self._refresh_sla(deadlines.ids, notify=False)
        return deadlines.with_env(self.env)

    # ------------------------------------------------------------------
    # SLA refresh (set-based)
    # ------------------------------------------------------------------
    @api.model
    def _cron_refresh_sla(self, batch_size=DIGEST_BATCH):
        """Hourly job: statuses in one UPDATE, then the digests by batches of
        users, each batch committed (a restart goes on where it stopped)."""
        commit_progress = self.env["ir.cron"]._commit_progress
        self._refresh_sla(notify=False)
        commit_progress()
        self._notify_sla(batch_size=batch_size, commit_progress=commit_progress)

    @api.model
    def _refresh_sla(self, ids=None, today=None, notify=True):
        """Recompute ``is_late``/``sla_status`` in one UPDATE and notify.

        Only rows whose status changes are written: a second run on the
        same day updates nothing.

        :param ids: restrict to these deadlines (default: every open one)
        :param today: reference date (default: today)
        :param notify: update the digests of newly at-risk/late deadlines
        :return: number of deadlines updated
        """
        today = today or centre_today(self)
        self.env.flush_all()
        id_filter = SQL("TRUE") if ids is None else SQL("id IN %s", tuple(ids) or (0,))
        status = SQL(
            """(CASE
                WHEN state = 'done' AND date_done > date_due THEN 'late'
                WHEN state = 'open' AND date_due < %(today)s THEN 'late'
                WHEN state = 'open' AND date_at_risk <= %(today)s THEN 'at_risk'
                ELSE 'on_track'
            END)""",
            today=today,
        )
        late = SQL(
            """((state = 'done' AND date_done > date_due)
               OR (state = 'open' AND date_due < %(today)s))""",
            today=today,
        )
        self.env.cr.execute(
            SQL(
                """UPDATE mgp_deadline
                      SET sla_status = %(status)s, is_late = %(late)s
                    WHERE %(id_filter)s
                      AND (state = 'open' OR %(restricted)s)
                      AND (sla_status IS DISTINCT FROM %(status)s
                           OR is_late IS DISTINCT FROM %(late)s)""",
                status=status,
                late=late,
                id_filter=id_filter,
                restricted=ids is not None,
            )
        )
        updated = self.env.cr.rowcount
        if updated:
            self.invalidate_model(["sla_status", "is_late"])
        if notify:
            self._notify_sla()
        return updated

    # ------------------------------------------------------------------
    # Reminders: one digest activity per user
    # ------------------------------------------------------------------
    @api.model
    def _notify_sla(self, batch_size=DIGEST_BATCH, commit_progress=None):
        """One digest activity per user for newly at-risk or late deadlines.

        The responsible user of a deadline that became at risk or late, and
        the managers of the centre of a deadline that became late, get (or
        see updated) one activity listing their late and at-risk procedures
        — never one per deadline, never twice for the same deadline.
        Recipients are processed by batches of ``batch_size`` users; after
        each batch ``commit_progress(done, remaining=...)`` (the cron's
        ``_commit_progress``) commits and tells how much time is left. Each
        batch holds a PostgreSQL advisory lock: a second sender running at
        the same time (another cron worker) stops instead of sending the
        same digests.

        :return: the users whose digest was created or updated
        """
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            """SELECT DISTINCT user_id FROM mgp_deadline
                WHERE state = 'open' AND sla_status IN ('at_risk', 'late')
                  AND NOT COALESCE(at_risk_notified, FALSE)
                  AND user_id IS NOT NULL"""
        )
        user_ids = {row[0] for row in cr.fetchall()}
        cr.execute(
            """SELECT DISTINCT company_id FROM mgp_deadline
                WHERE state = 'open' AND sla_status = 'late'
                  AND NOT COALESCE(late_notified, FALSE)"""
        )
        escalated = self.env["res.company"].browse(row[0] for row in cr.fetchall())
        # the cron escalates across centres
        managers = escalated.sudo()._mgp_get_managers()
        for users in managers.values():
            user_ids.update(users.ids)
        todo = sorted(user_ids)
        notified = self.env["res.users"]
        while todo:
            batch, todo = todo[:batch_size], todo[batch_size:]
            # one sender at a time (several cron workers, a manual run): the
            # other one stops here, its batches are done by this one
            cr.execute("SELECT pg_try_advisory_xact_lock(%s)", [DIGEST_LOCK])
            if not cr.fetchone()[0]:
                return notified
            users = self.env["res.users"].sudo().browse(batch)  # cron: any user
            self._mgp_digest_upsert(users)
            cr.execute(
                """UPDATE mgp_deadline SET at_risk_notified = TRUE
                    WHERE state = 'open' AND sla_status IN ('at_risk', 'late')
                      AND NOT COALESCE(at_risk_notified, FALSE)
                      AND user_id IN %s""",
                [tuple(batch)],
            )
            notified |= users
            if commit_progress and not commit_progress(len(batch), remaining=len(todo)):
                return notified  # out of time: the next run goes on
            self.env.invalidate_all()  # bounded memory between batches
        # the rest: deadlines without a user, centres without a manager
        cr.execute(
            """UPDATE mgp_deadline
                  SET at_risk_notified = TRUE,
                      late_notified = late_notified OR sla_status = 'late'
                WHERE state = 'open' AND sla_status IN ('at_risk', 'late')
                  AND (NOT COALESCE(at_risk_notified, FALSE)
                       OR (sla_status = 'late'
                           AND NOT COALESCE(late_notified, FALSE)))"""
        )
        self.invalidate_model(["at_risk_notified", "late_notified"])
        if commit_progress:
            commit_progress(remaining=0)
        return notified

    @api.model
    def _mgp_digest_domain(self, user):
        """Open procedures a user's digest lists: own ones at risk or late,
        and, for a manager, the late ones of the centre."""
        domain = Domain("user_id", "=", user.id) & Domain(
            "sla_status", "in", ("at_risk", "late")
        )
        if not user.share and user.has_group("mgp_base.group_manager"):
            domain |= Domain("company_id", "=", user.company_id.id) & Domain(
                "sla_status", "=", "late"
            )
        return Domain("state", "=", "open") & domain

    @api.model
    def _mgp_digest_upsert(self, users):
        """Create, or update in place, the one open digest activity of each
        of ``users`` (on the user's own contact)."""
        Activity = self.env["mail.activity"].sudo()  # the cron acts for everyone
        activity_type = self.env.ref("mgp_base.mail_activity_type_deadline")
        partner_model_id = self.env["ir.model"]._get_id("res.partner")
        existing = {
            activity.user_id.id: activity
            for activity in Activity.search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", users.partner_id.ids),
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "in", users.ids),
                ]
            )
        }
        Deadline = self.sudo()  # reads across centres for the cron
        digests = self._mgp_digest_rows(users)
        # the cases' names of every digest of the batch, computed at once
        shown = Deadline.browse(
            deadline_id for _late, _risk, ids in digests.values() for deadline_id in ids
        )
        shown.fetch(["name", "date_due", "sla_status", "res_model", "res_id"])
        shown.mapped("res_name")
        to_create = []
        for user in users:
            if user.id not in digests:
                continue
            late, at_risk, ids = digests[user.id]
            values = self.with_user(user)._mgp_digest_values(
                shown.browse(ids), late, at_risk
            )
            activity = existing.get(user.id)
            if activity:
                # an update, not a new reminder: no second e-mail
                activity.with_context(mail_activity_quick_update=True).write(values)
            else:
                to_create.append(
                    dict(
                        values,
                        res_model_id=partner_model_id,
                        res_id=user.partner_id.id,
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                    )
                )
        if to_create:
            # a new digest e-mails its user once, through the mail queue: the
            # hourly job never waits for the mail server, recipient after
            # recipient (sent synchronously, the e-mails were most of the
            # job's time on a few hundred deadlines)
            Activity.with_context(mail_notify_force_send=False).create(to_create)

    @api.model
    def _mgp_digest_rows(self, users):
        """``{user id: (late, at risk, ids of the first DIGEST_LINES)}`` of
        the digests of ``users`` (those with something to list): the
        procedures of :meth:`_mgp_digest_domain` of every user of the batch
        counted and ranked in one query, not two queries per user."""
        if not users:
            return {}
        manager_group = self.env.ref("mgp_base.group_manager")
        users = users.sudo()  # the cron reads every user's centre and groups
        centres = [
            user.company_id.id
            if not user.share and manager_group in user.all_group_ids
            else None
            for user in users
        ]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT user_id, array_agg(id ORDER BY rank), max(late),
                          max(at_risk)
                     FROM (SELECT r.user_id, d.id,
                                  row_number() OVER (PARTITION BY r.user_id
                                                     ORDER BY d.date_due, d.id)
                                      AS rank,
                                  count(*) FILTER (WHERE d.sla_status = 'late')
                                      OVER (PARTITION BY r.user_id) AS late,
                                  count(*) FILTER (WHERE d.sla_status = 'at_risk')
                                      OVER (PARTITION BY r.user_id) AS at_risk
                             FROM unnest(%(users)s::int4[], %(centres)s::int4[])
                                      AS r(user_id, company_id)
                             JOIN mgp_deadline d
                               ON d.state = 'open'
                              AND ((d.user_id = r.user_id
                                    AND d.sla_status IN ('at_risk', 'late'))
                                   OR (d.company_id = r.company_id
                                       AND d.sla_status = 'late'))) ranked
                    WHERE rank <= %(lines)s
                 GROUP BY user_id""",
                users=users.ids,
                centres=centres,
                lines=DIGEST_LINES,
            )
        )
        return {
            user_id: (late, at_risk, ids)
            for user_id, ids, late, at_risk in self.env.cr.fetchall()
        }

    @api.model
    def _mgp_digest_values(self, deadlines, late, at_risk):
        """Summary, note and date of a digest listing ``deadlines`` (the
        first ones) of ``late`` + ``at_risk`` procedures, in the language of
        the user of ``self.env``."""
        env = self.with_context(lang=self.env.user.lang).env
        rows = [
            env._(
                "%(case)s: %(procedure)s, due %(date)s",
                case=deadline.res_name or "",
                procedure=deadline.name,
                date=format_date(env, deadline.date_due),
            )
            + (" " + env._("(late)") if deadline.sla_status == "late" else "")
            for deadline in deadlines
        ]
        note = Markup("<ul>%s</ul>") % Markup("").join(
            Markup("<li>%s</li>") % row for row in rows
        )
        more = late + at_risk - len(deadlines)
        if more > 0:
            note += Markup("<p>%s</p>") % env._(
                "… and %s more: see the Deadlines menu.", more
            )
        return {
            "summary": env._(
                "Deadlines: %(late)s missed, %(at_risk)s at risk",
                late=late,
                at_risk=at_risk,
            ),
            "note": note,
            "date_deadline": min(deadlines.mapped("date_due"))
            if deadlines
            else centre_today(self),
        }
