# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A selection of forms printed in the job queue.

Printing hundreds of certificates at once would hold an HTTP worker for
minutes (and be cut by ``limit_time_real``). A print batch is enqueued on the
channel ``root.mgp.print`` of OCA ``queue_job`` instead: the job runner runs it
in a worker of its own, the user follows its progress in the batch and gets
the PDF there, with a notification in his inbox.
"""

import base64
import hashlib
import io
import json
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.modules import module
from odoo.tools.pdf import PdfFileReader, merge_pdf

from odoo.addons.mgp_base.models.mgp_transition import Transition

_logger = logging.getLogger(__name__)

# forms per wkhtmltopdf call: the progress moves after each chunk
CHUNK = 50
OPEN_STATES = ("queued", "running")


class MgpPrintBatch(models.Model):
    _name = "mgp.print.batch"
    _description = "Print Batch"
    _inherit = ["mgp.protected.mixin", "mail.thread"]
    _order = "create_date desc, id desc"

    _mgp_protected_fields = (
        "state",
        "progress",
        "attachment_id",
        "error",
        "job_uuid",
        "date_done",
        "record_count",
        "identity",
    )
    _mgp_create_only_fields = (
        "name",
        "user_id",
        "company_id",
        "report_id",
        "res_model",
        "res_ids",
        "priority",
    )
    # the job's own steps: a job retried from its start prints again
    _mgp_transitions = {
        "run": Transition(OPEN_STATES, "running"),
        "finish": Transition(("running",), "done"),
        "fail": Transition(("running",), "failed"),
    }

    name = fields.Char(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Started by",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    report_id = fields.Many2one(
        "ir.actions.report", string="Form", required=True, readonly=True
    )
    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_ids = fields.Json(string="Records", required=True, readonly=True)
    record_count = fields.Integer(string="Forms", readonly=True)
    identity = fields.Char(readonly=True, index=True, copy=False)
    priority = fields.Integer(
        default=20,
        readonly=True,
        help="Priority in the job queue: the lower, the sooner.",
    )
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Printing"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="queued",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    progress = fields.Integer(string="Progress (%)", readonly=True)
    attachment_id = fields.Many2one(
        "ir.attachment", string="PDF", readonly=True, copy=False
    )
    error = fields.Text(string="Reason of the failure", readonly=True, copy=False)
    job_uuid = fields.Char(string="Job", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_is_granted(create=True):
            # a batch without its job would block the printing of its records
            raise UserError(
                self.env._(
                    "Print batches are started by the action «Print in the "
                    "background» of a list."
                )
            )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Enqueue
    # ------------------------------------------------------------------
    @api.model
    def _mgp_identity(self, report, records):
        ids = ",".join(map(str, sorted(records.ids)))
        digest = hashlib.sha256(ids.encode()).hexdigest()[:32]
        return f"mgp.print:{report.id}:{digest}"

    @api.model
    def _mgp_enqueue(self, report, records, priority=20):
        """Enqueue the printing of ``report`` for ``records`` (which the
        user must be able to read) and return the batch."""
        if not records:
            raise UserError(self.env._("Select the records to print."))
        if report.model != records._name or not report._mgp_single_document():
            raise UserError(
                self.env._("The form %s does not print these records.", report.name)
            )
        records.check_access("read")
        identity = self._mgp_identity(report, records)
        # the same records are never printed twice at once: the batch of an
        # identical selection still queued or printing is the one to wait for
        # (and queue_job refuses a second job with the same identity key)
        self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [identity])
        running = self.sudo().search(  # any user's batch: only its number is shown
            [
                ("report_id", "=", report.id),
                ("res_model", "=", records._name),
                ("state", "in", OPEN_STATES),
            ]
        )
        wanted = set(records.ids)
        for batch in running:
            if wanted & set(batch.res_ids or ()):
                raise UserError(
                    self.env._(
                        "Some of these forms are already being printed (batch "
                        "%(batch)s, %(state)s). Wait until it is finished.",
                        batch=batch.id,
                        state=dict(
                            batch._fields["state"]._description_selection(self.env)
                        )[batch.state],
                    )
                )
        batch = self._mgp_engine_create(
            {
                "name": self.env._(
                    "%(form)s: %(count)s forms", form=report.name, count=len(records)
                ),
                "report_id": report.id,
                "res_model": records._name,
                "res_ids": records.ids,
                "record_count": len(records),
                "identity": identity,
                "priority": priority,
                "user_id": self.env.user.id,
                "company_id": self.env.company.id,
            }
        )
        job = batch.with_delay(
            priority=priority,
            channel="root.mgp.print",
            identity_key=identity,
            description=batch.name,
        )._mgp_run()
        if job is not None and getattr(job, "uuid", None):
            batch._mgp_engine_write({"job_uuid": job.uuid})
        return batch

    # ------------------------------------------------------------------
    # The job
    # ------------------------------------------------------------------
    def _mgp_run(self):
        """Print the batch (run by the job runner as the user who started
        it): chunk by chunk, the progress committed after each one."""
        self.ensure_one()
        if self.state not in OPEN_STATES:
            return self.env._("Batch %s is already finished.", self.id)
        self._mgp_transition("run", {"progress": 0})
        self._mgp_commit_progress()
        records = self.env[self.res_model].browse(self.res_ids).exists()
        try:
            if not records:
                raise UserError(self.env._("The records of the batch no longer exist."))
            document = self._mgp_render(records)
        except Exception as error:  # noqa: BLE001 - recorded on the batch
            _logger.info("print batch %s failed: %s", self.id, error)
            self._mgp_transition(
                "fail", {"error": str(error), "date_done": fields.Datetime.now()}
            )
            self._mgp_notify_user(self.env._("The print batch %s failed.", self.name))
            return str(error)
        pages = len(PdfFileReader(io.BytesIO(document)).pages)
        attachment = (
            self.env["ir.attachment"]
            .sudo()  # the batch's own file, readable through the batch
            .create(
                {
                    "name": f"{self.report_id.name} ({len(records)}).pdf",
                    "datas": base64.b64encode(document),
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self._mgp_transition(
            "finish",
            {
                "progress": 100,
                "attachment_id": attachment.id,
                "date_done": fields.Datetime.now(),
                "record_count": len(records),
            },
        )
        self._mgp_notify_user(
            self.env._(
                "The print batch %(name)s is ready: %(pages)s pages.",
                name=self.name,
                pages=pages,
            )
        )
        return self.env._("%s pages printed.", pages)

    def _mgp_render(self, records):
        """The PDF of ``records``, CHUNK forms per wkhtmltopdf call; the
        progress is shown after each."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdfs = []
        for start in range(0, len(records), CHUNK):
            chunk = records[start : start + CHUNK]
            # a failure undoes what the rendering wrote, not the batch's state
            with self.env.cr.savepoint():
                pdf, _format = Report._render_qweb_pdf(
                    self.report_id.report_name, chunk.ids
                )
            pdfs.append(pdf)
            done = start + len(chunk)
            self._mgp_engine_write({"progress": min(99, done * 100 // len(records))})
            self._mgp_commit_progress()
        return merge_pdf(pdfs) if len(pdfs) > 1 else pdfs[0]

    def _mgp_commit_progress(self):
        """Show the user the state and progress while the job runs: the job
        is retried from its start on a failure, so a partial commit loses
        nothing (tests run in one transaction and never commit)."""
        if not module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    def _mgp_notify_user(self, body):
        """A note in the batch's chatter for the user who started it, in
        his language (his inbox)."""
        batch = self.with_context(lang=self.user_id.lang)
        batch.sudo().message_post(  # the engine's note, posted for the user
            body=body,
            partner_ids=self.user_id.partner_id.ids,
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(self.env._("The batch has no PDF yet."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_printing(self):
        if any(batch.state in OPEN_STATES for batch in self):
            raise UserError(self.env._("A batch being printed cannot be deleted."))

    @api.model
    def _mgp_json_dumps(self, value):
        return json.dumps(value)
