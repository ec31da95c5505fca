# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An import of a centre's history from a CSV or XLSX file.

draft → (dry run) checked → (import) running → done, or failed → (resume)
running. The dry run parses and validates every row and lists every error
before anything is written; the import writes the valid rows in batches of
the job queue (``root.mgp.import``), each batch one transaction that also
records how far the import got, so a rerun continues from the rows not yet
done; a row whose external id the centre already imported is never written
again (``mgp.import.record``).
"""

import base64
import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, ConcurrencyError, UserError, ValidationError

from odoo.addons.mgp_api.models.mgp_api_event import events_suppressed
from odoo.addons.mgp_base.models.mail_thread import creations_journaled_apart
from odoo.addons.mgp_base.models.mgp_deadline_rule import deadline_rules_read_once
from odoo.addons.mgp_base.models.mgp_transition import Transition

from .mgp_import_file import count_rows, file_rows

_logger = logging.getLogger(__name__)

IMPORT_GROUP = "mgp_import.mgp_import_group_admin"
KINDS = [
    ("person", "Persons with their IPRA"),
    ("case", "Service-1 cases (accompaniment at employment)"),
    ("ngo", "NGOs of the registry"),
    ("employer", "Employers"),
]
STATES = [
    ("draft", "Draft"),
    ("checked", "Checked"),
    ("running", "Importing"),
    ("done", "Done"),
    ("failed", "Failed"),
]
# refusals of the service's rules: the row is not imported, the batch goes on
ROW_ERRORS = (UserError, ValidationError)
# the database asks to try again: the job queue retries the batch
RETRY_ERRORS = (ConcurrencyError, psycopg2.errors.SerializationFailure)


class MgpImportJob(models.Model):
    _name = "mgp.import.job"
    _description = "Import of History"
    _inherit = ["mail.thread", "mgp.protected.mixin"]
    _mgp_transitions = {
        # another file: checked again from the start
        "reset": Transition(("draft", "checked"), "draft"),
        "action_check": Transition(("draft", "checked"), "checked"),
        "action_import": Transition(("checked",), "running"),
        "action_resume": Transition(("running", "failed"), "running"),
        # the job's own steps, run by its batches
        "finish": Transition(("running",), "done"),
        "fail": Transition(("running",), "failed"),
    }
    _order = "id desc"
    _mgp_protected_fields = (
        "state",
        "row_count",
        "valid_count",
        "error_row_count",
        "skipped_count",
        "created_count",
        "found_count",
        "refused_count",
        "rows_done",
        "failure_message",
        "date_checked",
        "date_done",
    )
    _mgp_create_only_fields = ("company_id", "kind")

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    kind = fields.Selection(KINDS, string="What", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users", string="Started by", default=lambda self: self.env.user
    )
    file = fields.Binary(attachment=True, required=True, copy=False)
    file_name = fields.Char()
    batch_size = fields.Integer(
        default=500, help="Rows written by one job of the queue (one transaction)."
    )
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, copy=False
    )
    row_count = fields.Integer(string="Rows", readonly=True, copy=False)
    valid_count = fields.Integer(string="Valid rows", readonly=True, copy=False)
    error_row_count = fields.Integer(
        string="Rows with errors", readonly=True, copy=False
    )
    skipped_count = fields.Integer(
        string="Already imported",
        readonly=True,
        copy=False,
        help="Rows whose external ID the centre has imported before: not written.",
    )
    created_count = fields.Integer(string="Created", readonly=True, copy=False)
    found_count = fields.Integer(
        string="Existing records used",
        readonly=True,
        copy=False,
        help="Rows that found the record already registered (the same SNILS "
        "or INN, or the same name and birth date): nothing duplicated.",
    )
    refused_count = fields.Integer(
        string="Refused on import",
        readonly=True,
        copy=False,
        help="Valid rows that a rule of the service refused when written.",
    )
    rows_done = fields.Integer(string="Rows processed", readonly=True, copy=False)
    progress = fields.Float(compute="_compute_progress")
    failure_message = fields.Text(readonly=True, copy=False)
    date_checked = fields.Datetime(string="Checked on", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished on", readonly=True, copy=False)
    line_ids = fields.One2many("mgp.import.line", "job_id", string="Errors")
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("rows_done", "row_count")
    def _compute_progress(self):
        for job in self:
            job.progress = (
                100.0 * job.rows_done / job.row_count if job.row_count else 0.0
            )

    @api.depends("line_ids")
    def _compute_line_count(self):
        groups = self.env["mgp.import.line"]._read_group(
            [("job_id", "in", self.ids)], ["job_id"], ["__count"]
        )
        counts = {job.id: count for job, count in groups}
        for job in self:
            job.line_count = counts.get(job.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        self._mgp_check_import_group()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # the numbering of the imports, whatever the user's rights
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("mgp.import.job")
                )
        return super().create(vals_list)

    def write(self, vals):
        if "file" in vals and not self._mgp_is_granted():
            if self.filtered(lambda job: job.state not in ("draft", "checked")):
                raise UserError(
                    self.env._("The file of a started import cannot be changed.")
                )
            res = super().write(vals)
            # another file: checked again from the start
            self.line_ids.sudo().unlink()  # the job's own bookkeeping
            self._mgp_transition("reset", {"date_checked": False})
            return res
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_check(self):
        """Dry run: parse and validate every row, list every error; nothing
        else is written."""
        self.ensure_one()
        self._mgp_check_import_group()
        content = self._mgp_content()
        header, rows = file_rows(content, self.file_name)
        missing = self._mgp_missing_columns(header)
        self.line_ids.sudo().unlink()  # the previous dry run's list
        lines = []
        valid = errors = skipped = 0
        if missing:
            lines.append(
                {
                    "row_number": 1,
                    "column": ", ".join(missing),
                    "message": self.env._(
                        "Required columns are missing: %s.", ", ".join(missing)
                    ),
                }
            )
            rows = iter(())
        done = self._mgp_imported_ids()
        seen = set()
        for number, values, row_errors in self._mgp_validated(rows):
            external_id = values.get("external_id")
            if external_id and external_id in seen:
                row_errors.append(
                    (
                        "external_id",
                        self.env._(
                            "The external ID %s is given twice in the file.",
                            external_id,
                        ),
                    )
                )
            seen.add(external_id)
            if row_errors:
                errors += 1
                lines += [
                    {
                        "row_number": number,
                        "external_id": external_id,
                        "column": column,
                        "message": message,
                    }
                    for column, message in row_errors
                ]
            elif external_id in done:
                skipped += 1
            else:
                valid += 1
        self.env["mgp.import.line"].sudo().create(  # the job's own bookkeeping
            [dict(line, job_id=self.id, stage="check") for line in lines]
        )
        self._mgp_transition(
            "action_check",
            {
                "row_count": count_rows(content, self.file_name),
                "valid_count": valid,
                "error_row_count": errors + (1 if missing else 0),
                "skipped_count": skipped,
                "date_checked": fields.Datetime.now(),
                "failure_message": False,
            },
        )
        return True

    def action_import(self):
        """Write the valid rows, in committed batches of the job queue."""
        self.ensure_one()
        self._mgp_check_import_group()
        if self._mgp_missing_columns(file_rows(self._mgp_content(), self.file_name)[0]):
            raise UserError(
                self.env._("Correct the file: required columns are missing.")
            )
        self._mgp_transition(
            "action_import",
            {
                "rows_done": 0,
                # counted again by the batches, row by row
                "skipped_count": 0,
                "created_count": 0,
                "found_count": 0,
                "refused_count": 0,
            },
        )
        self.message_post(
            body=self.env._("Import started: %s rows.", self.row_count),
            subtype_xmlid="mail.mt_note",
        )
        self._mgp_enqueue(0)
        return True

    def action_resume(self):
        """Continue a failed or interrupted import from the rows not yet done
        (the rows already written are recognised by their external ids)."""
        self.ensure_one()
        self._mgp_check_import_group()
        self._mgp_transition("action_resume", {"failure_message": False})
        self.message_post(
            body=self.env._("Import resumed from row %s.", self.rows_done + 2),
            subtype_xmlid="mail.mt_note",
        )
        self._mgp_enqueue(self.rows_done)
        return True

    def action_view_records(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported records"),
            "res_model": "mgp.import.record",
            "view_mode": "list",
            "domain": [("job_id", "=", self.id)],
        }

    # ------------------------------------------------------------------
    # The batches
    # ------------------------------------------------------------------
    def _mgp_enqueue(self, start):
        self.ensure_one()
        # as the user who started it (the job runner runs it as him)
        job = self.with_user(self.user_id) if self.env.su else self
        job.with_delay(
            channel="root.mgp.import",
            priority=30,
            identity_key=f"mgp.import.job-{self.id}-{start}",
            description=self.env._(
                "Import %(name)s, from row %(row)s", name=self.name, row=start + 2
            ),
        )._mgp_run_batch(start)

    def _mgp_run_batch(self, start):
        """One batch (run by the job runner as the user who started the
        import, in its own transaction): the rows ``start``.. of the file,
        how far the import got, and the next batch enqueued."""
        self.ensure_one()
        # the import's own row: locked and kept whatever right the user lost
        job = self.sudo()
        job._mgp_lock()
        if job.state != "running" or job.rows_done != start:
            return "Nothing to do: the import is elsewhere."
        stop = start + max(job.batch_size, 1)
        try:
            with self.env.cr.savepoint():
                self._mgp_check_import_group()
                # the rows are written as the user: his centre, his rules
                counts = self._mgp_write_rows(start, stop)
        except RETRY_ERRORS:
            raise
        except Exception as error:  # noqa: BLE001 - recorded on the import
            _logger.info(
                "import %s failed at row %s: %s",
                job.id,
                start + 2,
                type(error).__name__,
            )
            job._mgp_fail(error, start)
            return job.failure_message
        done = min(stop, job.row_count)
        vals = {
            "rows_done": done,
            "created_count": job.created_count + counts["created"],
            "found_count": job.found_count + counts["found"],
            "skipped_count": job.skipped_count + counts["skipped"],
            "refused_count": job.refused_count + counts["refused"],
        }
        if done >= job.row_count:
            vals["date_done"] = fields.Datetime.now()
            job._mgp_transition("finish", vals)
        else:
            job._mgp_engine_write(vals)
        if job.state == "done":
            self.env["mgp.api.event"]._mgp_emit(job, "import.finished")
            job.message_post(
                body=self.env._(
                    "Import finished: %(created)s created, %(found)s existing "
                    "records used, %(skipped)s already imported, %(refused)s "
                    "refused, %(errors)s rows with errors.",
                    created=job.created_count,
                    found=job.found_count,
                    skipped=job.skipped_count,
                    refused=job.refused_count,
                    errors=job.error_row_count,
                ),
                subtype_xmlid="mail.mt_note",
                partner_ids=job.user_id.partner_id.ids,
            )
        else:
            self._mgp_enqueue(done)
        return f"Rows {start + 2}..{done + 1} done."

    def _mgp_write_rows(self, start, stop):
        """Write the valid rows ``start``..``stop`` not imported yet."""
        _header, rows = file_rows(self._mgp_content(), self.file_name, start, stop)
        rows = [row for row in self._mgp_validated(rows) if not row[2]]
        done = self._mgp_imported_ids([row[1]["external_id"] for row in rows])
        counts = {"created": 0, "found": 0, "skipped": 0, "refused": 0}
        records, lines = [], []
        writer = getattr(self, f"_mgp_import_write_{self.kind}")
        # what the writer looks up once for the whole batch
        batch = self._mgp_import_batch_data([row[1] for row in rows])
        # the records' creations are journaled by the import (a record per
        # row, a note per batch), not by a message and a follower each; the
        # deadline rules, which the batch does not change, read once
        with (
            events_suppressed(),
            creations_journaled_apart(),
            deadline_rules_read_once(),
        ):
            self._mgp_write_valid_rows(
                rows, done, writer, batch, counts, records, lines
            )
        # the import's own bookkeeping, written with the batch
        self.env["mgp.import.record"].sudo().create(records)
        self.env["mgp.import.line"].sudo().create(lines)
        if rows:
            self.sudo().message_post(  # the import's own journal
                body=self.env._(
                    "Rows %(first)s..%(last)s written: %(created)s created, "
                    "%(found)s existing records used, %(skipped)s already "
                    "imported, %(refused)s refused.",
                    first=start + 2,
                    last=min(stop, self.row_count) + 1,
                    **counts,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return counts

    def _mgp_write_valid_rows(self, rows, done, writer, batch, counts, records, lines):
        """Write the rows: those a writer of the kind takes together
        (``_mgp_import_write_many_<kind>``) at once, in one savepoint; the
        others — and all of them when one row of that set is refused — each
        in its savepoint. The history writes no per-record outbox event
        (receivers are not flooded with the region's past): the finished
        import is one ``import.finished`` event, after which a receiver
        pulls the cases with ``GET /cases?updated_since=…``."""
        pending = []
        for number, values, _errors in rows:
            if values["external_id"] in done:
                counts["skipped"] += 1
            else:
                pending.append((number, values))
        together, alone = self._mgp_import_split_rows(pending, batch)
        if together:
            many = getattr(self, f"_mgp_import_write_many_{self.kind}")
            try:
                with self.env.cr.savepoint():
                    written = many([values for _number, values in together], batch)
            except ROW_ERRORS:
                # a row refused: each row alone, the refused one listed
                alone = sorted(together + alone, key=lambda row: row[0])
            else:
                for (number, values), (record, created) in zip(
                    together, written, strict=True
                ):
                    self._mgp_import_done(
                        number, values, record, created, done, counts, records
                    )
        for number, values in alone:
            external_id = values["external_id"]
            try:
                with self.env.cr.savepoint():
                    record, created = writer(values, batch)
            except ROW_ERRORS as error:
                counts["refused"] += 1
                lines.append(
                    {
                        "job_id": self.id,
                        "stage": "import",
                        "row_number": number,
                        "external_id": external_id,
                        "message": _error_message(error),
                    }
                )
                continue
            self._mgp_import_done(
                number, values, record, created, done, counts, records
            )

    def _mgp_import_split_rows(self, rows, batch):
        """Hook: ``(together, alone)``, the rows ``(number, values)`` a
        writer of the kind writes at once and the others (by default: all
        alone)."""
        return [], rows

    def _mgp_import_done(self, number, values, record, created, done, counts, records):
        """Count a row written and keep its record of the import."""
        external_id = values["external_id"]
        done.add(external_id)
        counts["created" if created else "found"] += 1
        records.append(
            {
                "kind": self.kind,
                "company_id": self.company_id.id,
                "external_id": external_id,
                "res_model": record._name,
                "res_id": record.id,
                "job_id": self.id,
                "row_number": number,
            }
        )

    def _mgp_fail(self, error, start):
        """Record why the import stopped (``self`` as superuser: the
        import's own bookkeeping, whatever right the user lost)."""
        message = _error_message(error)
        self._mgp_transition("fail", {"failure_message": message})
        self.message_post(
            body=self.env._(
                "The import stopped at row %(row)s: %(message)s Correct the "
                "cause, then resume it.",
                row=start + 2,
                message=message,
            ),
            subtype_xmlid="mail.mt_note",
            partner_ids=self.user_id.partner_id.ids,
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def _mgp_check_import_group(self):
        if not self.env.su and not self.env.user.has_group(IMPORT_GROUP):
            raise AccessError(
                self.env._("Only an import administrator may import history.")
            )

    def _mgp_api_event_data(self):
        """The ``import.finished`` event: what was imported, no person data."""
        self.ensure_one()
        return {
            "number": self.name,
            "kind": self.kind,
            "state": self.state,
            "rows": self.row_count,
            "created": self.created_count,
            "found": self.found_count,
        }

    def _mgp_content(self):
        if not self.file:
            raise UserError(self.env._("Attach the file to import."))
        return base64.b64decode(self.file)

    def _mgp_imported_ids(self, external_ids=None):
        """The external ids of this kind the centre already imported."""
        domain = [("company_id", "=", self.company_id.id), ("kind", "=", self.kind)]
        if external_ids is not None:
            domain.append(("external_id", "in", external_ids))
        # the centre's own bookkeeping, whoever imported it
        rows = self.env["mgp.import.record"].sudo().search_read(domain, ["external_id"])
        return {row["external_id"] for row in rows}


def _error_message(error):
    if isinstance(error, UserError | ValidationError | AccessError):
        return error.args[0]
    return str(error) or type(error).__name__
