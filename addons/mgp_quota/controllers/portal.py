# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get

from ..models.mgp_quota_local_act import POSITION_FIELDS

LINE_FIELDS = ("worker_name", "position", "disability_group", "way", "contract_date")
EMPTY_ROWS = 3
NUMBERS = ("headcount_avg", "headcount_excluded", "vacancy_count")


class MgpQuotaPortal(MgpPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_quota_count" in counters:
            Report = request.env["mgp.quota.report"]
            values["mgp_quota_count"] = (
                Report.search_count(Report._mgp_portal_domain())
                if Report.has_access("read")
                else 0
            )
        return values

    # ------------------------------------------------------------------
    # The prelude of every quota page
    # ------------------------------------------------------------------
    def _mgp_quota_record(self, model, record_id=None):
        """The record a quota page shows: ``record_id`` of ``model`` as the
        user may read it, or, for a new report (no ``record_id``), an empty
        one for the employer the user represents — 404 for anybody else,
        so that nobody learns which numbers exist."""
        if record_id is None:
            if not request.env.user._mgp_portal_organisation():
                raise NotFound()
            return request.env[model]
        return self._mgp_record_or_404(model, record_id)

    @staticmethod
    def _mgp_quota_run(step, *args):
        """Run the model's ``step`` of a posted form.

        A record of another employer is a 404; the model's own validation
        messages are the form's errors, and nothing of the step is kept.

        :return: ``(result, errors)``
        """
        try:
            return step(*args), []
        except AccessError:
            raise NotFound() from None
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return None, [str(error.args[0] if error.args else error)]

    # ------------------------------------------------------------------
    # Parsing: the controller reads the form, the model does the work
    # ------------------------------------------------------------------
    @staticmethod
    def _mgp_quota_parse(post):
        """Values and workers of the posted form, and the errors by field."""
        vals, errors = {}, {}
        for name in NUMBERS:
            raw = (post.get(name) or "").strip()
            if not raw:
                vals[name] = 0
                continue
            if not raw.isdigit():
                errors[name] = request.env._("Enter a whole number, e.g. 120.")
            else:
                vals[name] = int(raw)
        if post.get("date_from"):
            try:
                vals["date_from"] = fields.Date.to_date(post["date_from"])
            except ValueError:
                errors["date_from"] = request.env._("Enter a date.")
        vals["exempt"] = bool(post.get("exempt"))
        if vals["exempt"]:
            ground = post.get("exemption_ground_id") or ""
            vals["exemption_ground_id"] = int(ground) if ground.isdigit() else False
            vals["exemption_note"] = (post.get("exemption_note") or "").strip()
            files = request.httprequest.files.getlist("exemption_files")
            vals["exemption_files"] = [
                (f.filename, f.read()) for f in files if f.filename
            ]
        lines = []
        rows = int(post.get("rows") or 0) if (post.get("rows") or "").isdigit() else 0
        for index in range(min(rows, 500)):
            line = {
                name: (post.get(f"line_{index}_{name}") or "").strip()
                for name in LINE_FIELDS
            }
            if not any(line.values()):
                continue
            if not line["worker_name"]:
                errors[f"line_{index}_worker_name"] = request.env._(
                    "Worker %s: enter the full name.", index + 1
                )
            if line["disability_group"] not in ("1", "2", "3"):
                errors[f"line_{index}_disability_group"] = request.env._(
                    "Worker %s: choose the disability group.", index + 1
                )
            if line["way"] not in ("own", "agreement", "service_contract"):
                line["way"] = "own"
            try:
                line["contract_date"] = fields.Date.to_date(
                    line["contract_date"] or None
                )
            except ValueError:
                errors[f"line_{index}_contract_date"] = request.env._(
                    "Worker %s: enter the contract date.", index + 1
                )
            category = post.get(f"line_{index}_category_id") or ""
            line["category_id"] = int(category) if category.isdigit() else False
            lines.append(line)
        return vals, lines, errors

    @staticmethod
    def _mgp_quota_answer(referral, post):
        """The employer's answer to ``referral`` in the posted form: the
        model's step, its arguments and the errors by field."""
        field_errors = {}
        answer = post.get("answer")
        if answer == "hired":
            try:
                contract_date = fields.Date.to_date(post.get("contract_date") or None)
            except ValueError:
                contract_date = None
            if not contract_date:
                field_errors["contract_date"] = request.env._(
                    "Enter the date of the labour contract."
                )
            try:
                hours = float((post.get("hours_per_week") or "").replace(",", "."))
            except ValueError:
                hours = 0.0
                field_errors["hours_per_week"] = request.env._(
                    "Enter the hours a week, e.g. 35."
                )
            conditions = {
                "hours_per_week": hours,
                "consent_overtime": bool(post.get("consent_overtime")),
                "consent_weekend": bool(post.get("consent_weekend")),
                "consent_night": bool(post.get("consent_night")),
                "not_contraindicated": bool(post.get("not_contraindicated")),
            }
            return referral._mgp_portal_hire, (contract_date, conditions), field_errors
        if answer == "refused":
            reason = (post.get("reason") or "").strip()
            if not reason:
                field_errors["reason"] = request.env._(
                    "Give the reason of the refusal."
                )
            return referral._mgp_portal_refuse, (reason,), field_errors
        field_errors["answer_hired"] = request.env._("Choose your answer.")
        return None, (), field_errors

    def _mgp_quota_values(self, report, post, errors=None, field_errors=None):
        values = self._prepare_portal_layout_values()
        Report = request.env["mgp.quota.report"]
        lines = []
        if post:
            rows = (
                int(post.get("rows") or 0) if (post.get("rows") or "").isdigit() else 0
            )
            for index in range(min(rows, 500)):
                line = {
                    name: post.get(f"line_{index}_{name}") or ""
                    for name in (*LINE_FIELDS, "category_id")
                }
                if any(line.values()):
                    lines.append(line)
        elif report:
            lines = [
                {
                    "worker_name": line.worker_name,
                    "position": line.position or "",
                    "disability_group": line.disability_group,
                    "way": line.way,
                    "contract_date": line.contract_date.isoformat()
                    if line.contract_date
                    else "",
                    "category_id": str(line.category_id.id or ""),
                }
                for line in report.line_ids
            ]
        lines += [{} for _index in range(EMPTY_ROWS)]
        values.update(
            {
                "report": report,
                "post": post or {},
                "lines": lines,
                "errors": errors or [],
                "field_errors": field_errors or {},
                "categories": request.env["mgp.quota.category"].search(
                    [("disability_group", "=", False)]
                ),
                "grounds": request.env["mgp.quota.exemption.ground"].search([]),
                "groups": [
                    item
                    for item in Report.env["mgp.quota.report.line"]
                    ._fields["disability_group"]
                    ._description_selection(request.env)
                    if item[0] != "child"
                ],
                "ways": Report.env["mgp.quota.report.line"]
                ._fields["way"]
                ._description_selection(request.env),
                "page_name": "mgp_quota",
            }
        )
        return values

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(
        ["/my/quota", "/my/quota/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_quota_reports(self, page=1, **kw):
        Report = request.env["mgp.quota.report"]
        reports, pager = self._mgp_paged(
            "mgp.quota.report", Report._mgp_portal_domain(), "/my/quota", page
        )
        values = self._prepare_portal_layout_values()
        Referral = request.env["mgp.quota.referral"]
        referrals = Referral.search(Referral._mgp_portal_domain(), limit=50)
        LocalActs = request.env["mgp.quota.local.act.report"]
        values.update(
            {
                "reports": reports,
                "referrals": referrals,
                "local_acts": LocalActs.search(
                    LocalActs._mgp_portal_domain(), limit=24
                ),
                # the employer sees the name of the person referred, nothing more
                "person_names": {r.id: r.partner_id.sudo().name for r in referrals},
                "pager": pager,
                "is_employer": bool(request.env.user._mgp_portal_organisation()),
                "page_name": "mgp_quota",
            }
        )
        return request.render("mgp_quota.portal_my_quota_reports", values)

    @http.route(
        "/my/quota/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_quota_new(self, **post):
        Report = self._mgp_quota_record("mgp.quota.report")
        errors, field_errors = [], {}
        is_post = request.httprequest.method == "POST"
        if is_post:
            vals, lines, field_errors = self._mgp_quota_parse(post)
            if not vals.get("date_from") and "date_from" not in field_errors:
                field_errors["date_from"] = request.env._(
                    "Enter the first day of the period."
                )
            if not field_errors:
                report, errors = self._mgp_quota_run(
                    self._mgp_quota_file, Report, vals, lines, post
                )
                if not errors:
                    return self._mgp_quota_filed(report, post)
        values = self._mgp_quota_values(
            Report, post if is_post else {}, errors, field_errors
        )
        return request.render("mgp_quota.portal_quota_report_form", values)

    @staticmethod
    def _mgp_quota_file(report, vals, lines, post):
        """Save the report of the form (a new one for ``report`` empty) and
        submit it when asked."""
        if report:
            report._mgp_portal_save(vals, lines)
        else:
            report = report._mgp_portal_new(vals, lines)
        if post.get("submit"):
            report._mgp_portal_submit()
        return report

    @staticmethod
    def _mgp_quota_filed(report, post):
        success = "submitted" if post.get("submit") else "saved"
        return request.redirect(f"/my/quota/{report.id}?success={success}")

    @http.route(
        "/my/quota/<int:report_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_quota_report(self, report_id, **post):
        report = self._mgp_quota_record("mgp.quota.report", report_id)
        errors, field_errors = [], {}
        is_post = request.httprequest.method == "POST"
        if is_post:
            vals, lines, field_errors = self._mgp_quota_parse(post)
            vals.pop("date_from", None)
            if not field_errors:
                _report, errors = self._mgp_quota_run(
                    self._mgp_quota_file, report, vals, lines, post
                )
                if not errors:
                    return self._mgp_quota_filed(report, post)
        values = self._mgp_quota_values(
            report, post if is_post else {}, errors, field_errors
        )
        values.update(
            {
                # the employer may not read the centre's record
                "centre_name": report.company_id.sudo().name,
                # the employer edits what it may still file
                "editable": report._mgp_is_employer_user()
                and report._mgp_transition_allowed("portal_submit"),
                "success": post.get("success") if not is_post else None,
            }
        )
        return request.render("mgp_quota.portal_quota_report_form", values)

    @http.route(
        "/my/quota/referral/<int:referral_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_quota_referral(self, referral_id, **post):
        referral = self._mgp_quota_record("mgp.quota.referral", referral_id)
        errors, field_errors = [], {}
        is_post = request.httprequest.method == "POST"
        if is_post:
            step, args, field_errors = self._mgp_quota_answer(referral, post)
            if not field_errors:
                _done, errors = self._mgp_quota_run(step, *args)
                if not errors:
                    return request.redirect(
                        f"/my/quota/referral/{referral.id}?success=answer"
                    )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "referral": referral,
                # the employer sees the name of the person referred, nothing more
                "person_name": referral.partner_id.sudo().name,
                "due": referral.sudo().mgp_next_date_due,
                "post": post if is_post else {},
                "errors": errors,
                "field_errors": field_errors,
                "field_ids": {"answer_hired": "answer_hired"},
                "success": post.get("success") if not is_post else None,
                "page_name": "mgp_quota",
            }
        )
        return request.render("mgp_quota.portal_quota_referral", values)

    @http.route(
        "/my/quota/local-acts/<int:report_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_quota_local_acts(self, report_id, **post):
        """Seed 004:162–171: the employer's monthly report of local acts."""
        report = self._mgp_quota_record("mgp.quota.local.act.report", report_id)
        errors, field_errors = [], {}
        is_post = request.httprequest.method == "POST"
        positions = self._mgp_local_act_positions(post) if is_post else []
        if is_post:
            for index, position in enumerate(positions):
                if not position:
                    continue
                if not position.get("name"):
                    field_errors[f"position_{index}_name"] = request.env._(
                        "Workplace %s: enter the position.", index + 1
                    )
                try:
                    position["staff_units"] = float(
                        (position.get("staff_units") or "1").replace(",", ".")
                    )
                except ValueError:
                    field_errors[f"position_{index}_staff_units"] = request.env._(
                        "Workplace %s: enter the staff units, e.g. 1 or 0.5.",
                        index + 1,
                    )
            if not field_errors:
                files = [
                    (f.filename, f.read())
                    for f in request.httprequest.files.getlist("act_files")
                    if f.filename
                ]
                positions = [p for p in positions if p.get("name")]
                _done, errors = self._mgp_quota_run(
                    report._mgp_portal_file,
                    positions,
                    files,
                    post.get("no_acts"),
                    bool(post.get("submit")),
                )
                if not errors:
                    success = "submitted" if post.get("submit") else "saved"
                    return request.redirect(
                        f"/my/quota/local-acts/{report.id}?success={success}"
                    )
        elif report:
            positions = [
                {name: position[name] for name in POSITION_FIELDS}
                for position in report.position_ids
            ]
            for position in positions:
                position["staff_units"] = f"{position['staff_units']:g}"
        editable = report._mgp_is_employer_user() and report._mgp_transition_allowed(
            "portal_submit"
        )
        Position = request.env["mgp.quota.local.act"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "report": report,
                "post": post if is_post else {},
                "positions": positions + ([{}] if editable and not is_post else []),
                "position_columns": [
                    (name, Position._fields[name]._description_string(request.env))
                    for name in POSITION_FIELDS
                ],
                "editable": editable,
                "errors": errors,
                "field_errors": field_errors,
                "success": post.get("success") if not is_post else None,
                "page_name": "mgp_quota",
            }
        )
        return request.render("mgp_quota.portal_quota_local_acts", values)

    @staticmethod
    def _mgp_local_act_positions(post):
        rows = int(post.get("rows") or 0) if (post.get("rows") or "").isdigit() else 0
        positions = []
        for index in range(min(rows, 200)):
            position = {
                name: (post.get(f"position_{index}_{name}") or "").strip()
                for name in POSITION_FIELDS
            }
            position["home_work"] = bool(position["home_work"])
            if any(v for k, v in position.items() if k != "staff_units"):
                positions.append(position)
            else:
                positions.append({})
        return positions
