# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""The access journal of a person's special-category data.

152-ФЗ ст. 19 ч. 2 п. 10 and Приказ ФСТЭК России № 21 (мера РСБ.3 — сбор,
запись и хранение информации о событиях безопасности): every read of a
person's СНИЛС, disability, ИПРА or working conditions, and every change of
them, is recorded — who, when, which person, which fields, through which
path, in which case.

The journal is append-only for everyone: rows enter only through
:func:`journal_add` (one ``INSERT`` per transaction, whatever the number of
persons read), the ORM refuses create, write and unlink to every caller,
administrators and superuser included; only the retention cron deletes
rows older than the configured period.
"""

import contextvars
import logging
from contextlib import contextmanager
from functools import partial

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.modules.registry import Registry
from odoo.tools import SQL

from .res_partner import PERSON_DATA_FIELDS as PERSON_DATA_KEYS

_logger = logging.getLogger(__name__)

BUFFER = "mgp.access.log"
RETENTION_PARAM = "mgp_base.access_log_retention_months"
# Приказ ФСТЭК № 21, РСБ.7: at least three months; the suite keeps a year
DEFAULT_RETENTION_MONTHS = 12
PATHS = [
    ("form", "Form"),
    ("list", "List"),
    ("export", "Export"),
    ("report", "Report"),
    ("portal", "Portal"),
    ("api", "API"),
    ("download", "Download"),
    ("server", "Server"),
]
LIST_METHODS = {
    "web_search_read",
    "search_read",
    "web_read_group",
    "read_group",
    "formatted_read_group",
}
COLUMNS = (
    "date",
    "user_id",
    "partner_id",
    "operation",
    "path",
    "field_names",
    "res_model",
    "res_id",
    "reason",
    "company_id",
)

# the types of COLUMNS in the one INSERT of a transaction (the persons of
# an event as an array)
CASTS = (
    "timestamp",
    "int4",
    "int4[]",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "int4",
    "text",
    "int4",
)

# switched off only by Python code measuring the journal's cost
# (tests/bench/run.py); no client reaches it
_SUSPENDED = contextvars.ContextVar("mgp_access_log_suspended", default=False)


@contextmanager
def journal_suspended():
    token = _SUSPENDED.set(True)
    try:
        yield
    finally:
        _SUSPENDED.reset(token)


def request_path():
    """Through which path the current request reads: derived from the
    request itself, never from what a client says of it."""
    if not request:
        return "server"
    try:
        path = request.httprequest.path
    except RuntimeError:
        return "server"
    if path.startswith("/web/export"):
        return "export"
    if path.startswith(("/web/content", "/web/image")):
        return "download"
    if path.startswith("/report"):
        return "report"
    if path.startswith("/web/dataset/call"):
        method = path.rstrip("/").rsplit("/", 1)[-1]
        if method == "export_data":
            return "export"
        return "list" if method in LIST_METHODS else "form"
    if path.startswith(("/json/", "/jsonrpc", "/xmlrpc")):
        return "api"
    if path.startswith("/web"):
        return "form"
    return "portal"


def journal_add(env, partner_ids, operation, field_names, path=None, **extra):
    """Queue rows of the journal; they are written in one ``INSERT`` when the
    transaction commits (or :func:`journal_flush`).

    What is the same for every person of one read (who, when, which fields,
    through which path, in which case) is computed once: the queue keeps one
    entry per distinct event, with the ids of its persons, and the write
    expands each into its rows in SQL — no work per person read in Python."""
    if _SUSPENDED.get() or not partner_ids:
        return
    cr = env.cr
    # a read on a read-only cursor (a replica) is journaled on the primary
    # once it is over; otherwise within the transaction, before its commit
    hooks = cr.postcommit if cr.readonly else cr.precommit
    buffer = hooks.data.get(BUFFER)
    if buffer is None:
        buffer = hooks.data[BUFFER] = {}
        target = env.registry if cr.readonly else cr
        hooks.add(partial(_journal_write, target, buffer))
    res_model, res_id = extra.get("res_model"), extra.get("res_id")
    if not res_model:
        res_model, res_id = _context_case(env)
    user = env.user
    event = (
        fields.Datetime.now(),
        user.id,
        operation,
        path or request_path(),
        ",".join(sorted(field_names)) if field_names else "",
        res_model or None,
        res_id or None,
        extra.get("reason") or None,
        user.company_id.id or None,
    )
    ids = buffer.get(event)
    if ids is None:
        buffer[event] = list(partner_ids)
    else:
        ids.extend(partner_ids)


def _context_case(env):
    """The case the person is read for, when the client opened it from one."""
    model = env.context.get("active_model")
    active_id = env.context.get("active_id")
    if (
        isinstance(model, str)
        and isinstance(active_id, int)
        and model in dict(env["res.partner"]._mgp_person_data_sources())
    ):
        return model, active_id
    return None, None


def journal_flush(env):
    """Write the rows queued in this transaction now (one statement)."""
    events = env.cr.precommit.data.pop(BUFFER, None)
    if events:
        _journal_write(env.cr, events)


def _journal_write(target, events):
    """One ``INSERT`` of every queued event: each event's columns are sent
    once, with the array of its persons, and expanded into one row per
    person by PostgreSQL (``unnest``), whatever the number of persons."""
    if not events:
        return
    query = SQL(
        "INSERT INTO mgp_access_log (%s) SELECT %s FROM (VALUES %s) AS e(%s)",
        SQL(", ").join(map(SQL.identifier, COLUMNS)),
        SQL(", ").join(
            SQL("unnest(e.partner_ids)")
            if name == "partner_id"
            else SQL.identifier(name)
            for name in COLUMNS
        ),
        SQL(", ").join(
            SQL(
                "(%s)",
                SQL(", ").join(
                    SQL("%s::%s", value, SQL(cast))
                    for value, cast in zip(
                        (*event[:2], list(ids), *event[2:]), CASTS, strict=True
                    )
                ),
            )
            for event, ids in events.items()
        ),
        SQL(", ").join(
            SQL.identifier("partner_ids" if name == "partner_id" else name)
            for name in COLUMNS
        ),
    )
    events.clear()
    if isinstance(target, Registry):
        with target.cursor() as cr:
            cr.execute(query)
    else:
        target.execute(query)


class MgpAccessLog(models.Model):
    _name = "mgp.access.log"
    _description = "Access Journal of Person Data"
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    # the table is the suite's own (see init): no foreign keys, whose checks
    # would cost more than the row, and the journal keeps the ids of persons
    # and users even once they are gone
    _auto = False

    date = fields.Datetime(required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        readonly=True,
    )
    operation = fields.Selection(
        [
            ("read", "Read"),
            ("change", "Change"),
            ("break_glass", "Access outside the cases"),
            ("take", "Taken into a record"),
        ],
        required=True,
        readonly=True,
    )
    path = fields.Selection(PATHS, required=True, readonly=True)
    field_names = fields.Char(string="Fields", readonly=True)
    res_model = fields.Char(string="Case model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", readonly=True
    )
    reason = fields.Text(readonly=True)
    company_id = fields.Many2one("res.company", string="Centre", readonly=True)

    def init(self):
        self.env.cr.execute(
            SQL(
                """
                CREATE TABLE IF NOT EXISTS mgp_access_log (
                    id SERIAL PRIMARY KEY,
                    date TIMESTAMP NOT NULL,
                    user_id INT4 NOT NULL,
                    partner_id INT4 NOT NULL,
                    operation VARCHAR NOT NULL,
                    path VARCHAR NOT NULL,
                    field_names VARCHAR,
                    res_model VARCHAR,
                    res_id INT4,
                    reason TEXT,
                    company_id INT4
                );
                CREATE INDEX IF NOT EXISTS mgp_access_log_date_idx
                    ON mgp_access_log (date);
                CREATE INDEX IF NOT EXISTS mgp_access_log_partner_idx
                    ON mgp_access_log (partner_id, date);
                CREATE INDEX IF NOT EXISTS mgp_access_log_user_idx
                    ON mgp_access_log (user_id, date);
                """
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._mgp_refuse_change()
        return super().create(vals_list)

    def write(self, vals):
        self._mgp_refuse_change()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        self._mgp_refuse_change()

    def copy(self, default=None):
        self._mgp_refuse_change()
        return super().copy(default)

    def _mgp_refuse_change(self):
        """Refused to everyone, superuser included: rows enter only through
        :func:`journal_add`, leave only through :meth:`_cron_purge`."""
        raise AccessError(self._mgp_append_only_message())

    def _mgp_append_only_message(self):
        return self.env._(
            "The access journal is kept as it was written: nobody creates, "
            "changes or deletes its entries."
        )

    @api.model
    def _cron_purge(self):
        """Delete the entries older than the retention period (months,
        system parameter): the only deletion the journal knows."""
        param = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAM)
        try:
            months = max(int(param), 3)
        except (TypeError, ValueError):
            months = DEFAULT_RETENTION_MONTHS
        limit = fields.Datetime.now() - relativedelta(months=months)
        self.env.cr.execute(SQL("DELETE FROM mgp_access_log WHERE date < %s", limit))
        _logger.info(
            "access journal: %s entries past retention deleted", self.env.cr.rowcount
        )


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _mgp_journal_read(self, partners, field_names, path=None, case=None):
        """Journal the read of ``field_names`` of ``partners``, through
        ``case`` when the data are shown on one."""
        if partners and field_names:
            extra = {"res_model": case._name, "res_id": case.id} if case else {}
            journal_add(self.env, partners.ids, "read", field_names, path=path, **extra)

    @api.model
    def _mgp_report_persons(self, model, docids):
        """The persons whose data a printed form of ``model`` shows."""
        if not docids:
            return self.browse()
        docids = [docids] if isinstance(docids, int) else list(docids)
        if model == self._name:
            people = self.browse(docids)
        else:
            field = dict(self._mgp_person_data_sources()).get(model)
            if not field:
                return self.browse()
            # only the ids of the persons printed
            people = self.env[model].sudo().browse(docids).mapped(field)
        return people.filtered(lambda p: not p.is_company).with_env(self.env)

    @api.model
    def _mgp_journal_print(self, model, docids, report_name):
        """Journal the print of ``docids`` of ``model`` by ``report_name``."""
        partners = self._mgp_report_persons(model, docids)
        if not partners:
            return
        docids = [docids] if isinstance(docids, int) else list(docids)
        path = request_path()
        journal_add(
            self.env,
            partners.ids,
            "read",
            [report_name],
            path=path if path == "portal" else "report",
            res_model=model if model != self._name else None,
            res_id=docids[0] if len(docids) == 1 else None,
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        changed = [
            (partner.id, PERSON_DATA_KEYS.intersection(vals))
            for partner, vals in zip(partners, vals_list, strict=True)
        ]
        for partner_id, names in changed:
            if names:
                journal_add(self.env, [partner_id], "change", names)
        return partners

    def write(self, vals):
        result = super().write(vals)
        names = PERSON_DATA_KEYS.intersection(vals)
        if names:
            journal_add(self.env, self.ids, "change", names)
        return result


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        """A printed form of a person or of his case is a read of his data:
        journaled, whoever prints it (a portal user's print runs as
        superuser, still under his own user id)."""
        result = super()._get_rendering_context(report, docids, data)
        report_model = self._get_rendering_context_model(report)
        # the suite's forms journal themselves (their portal pages too)
        if not getattr(report_model, "_mgp_journals_print", False):
            self.env["res.partner"]._mgp_journal_print(
                report.model, docids, report.report_name
            )
        return result
