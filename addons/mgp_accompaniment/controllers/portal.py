# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import urlencode

from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.mgp_base.controllers.portal import MgpPortal

CERTIFICATE_REPORT = "mgp_reports.action_report_certificate"


class MgpAccompanimentPortal(MgpPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Case = request.env["mgp.accompaniment"]
        user = request.env.user
        if "mgp_accompaniment_count" in counters:
            values["mgp_accompaniment_count"] = (
                Case.search_count(self._mgp_citizen_domain())
                if Case.has_access("read")
                else 0
            )
        if "mgp_ngo_case_count" in counters:
            ngo = user._mgp_ngo_partner()
            values["mgp_ngo_case_count"] = (
                Case.search_count([("ngo_id", "=", ngo.id)])
                if ngo and Case.has_access("read")
                else 0
            )
        return values

    def _mgp_citizen_domain(self):
        # the citizen's certificates, and the cases stopped with a notice
        return [
            ("partner_id", "=", request.env.user.partner_id.id),
            "|",
            ("certificate_number", "!=", False),
            ("state", "=", "terminated"),
        ]

    def _mgp_get_case(self, case_id):
        """The case as the current user may read it, or 404."""
        return self._mgp_record_or_404("mgp.accompaniment", case_id)

    # ------------------------------------------------------------------
    # Citizen: own certificates
    # ------------------------------------------------------------------
    @http.route(
        [
            "/my/accompaniment",
            "/my/accompaniments",
            "/my/accompaniments/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_accompaniments(self, page=1, **kw):
        cases, pager = self._mgp_paged(
            "mgp.accompaniment",
            self._mgp_citizen_domain(),
            "/my/accompaniments",
            page,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {"cases": cases, "pager": pager, "page_name": "mgp_accompaniment"}
        )
        return request.render("mgp_accompaniment.portal_my_accompaniments", values)

    @http.route(
        "/my/accompaniment/<int:case_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_accompaniment(self, case_id, **kw):
        case = self._mgp_get_case(case_id)
        if case.partner_id != request.env.user.partner_id:
            raise NotFound()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "case": case,
                # the citizen may belong to another company than the centre
                "centre_name": case.company_id.sudo().name,
                "notices": case._mgp_portal_notices(),
                "page_name": "mgp_accompaniment",
                "has_report": bool(
                    request.env.ref(CERTIFICATE_REPORT, raise_if_not_found=False)
                ),
            }
        )
        return request.render("mgp_accompaniment.portal_my_accompaniment", values)

    @http.route(
        "/my/accompaniment/<int:case_id>/certificate",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_accompaniment_certificate(self, case_id, download=False, **kw):
        case = self._mgp_get_case(case_id)
        if case.partner_id != request.env.user.partner_id:
            raise NotFound()
        report = request.env.ref(CERTIFICATE_REPORT, raise_if_not_found=False)
        if not report or not case.certificate_number:
            raise NotFound()
        # access to the case was checked above; the report reads the
        # person's data that a portal user may not read field by field
        return self._show_report(
            model=case.sudo(),
            report_type="pdf",
            report_ref=CERTIFICATE_REPORT,
            download=download,
        )

    # ------------------------------------------------------------------
    # NGO: cases assigned to the organisation
    # ------------------------------------------------------------------
    def _mgp_ngo(self):
        ngo = request.env.user._mgp_ngo_partner()
        if not ngo:
            raise Forbidden()
        return ngo

    @http.route(
        ["/my/ngo/cases", "/my/ngo/cases/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_ngo_cases(self, page=1, **kw):
        ngo = self._mgp_ngo()
        cases, pager = self._mgp_paged(
            "mgp.accompaniment", [("ngo_id", "=", ngo.id)], "/my/ngo/cases", page
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "cases": cases,
                "rows": self._mgp_ngo_case_rows(cases),
                "page_name": "mgp_ngo_cases",
                "pager": pager,
                "default_url": "/my/ngo/cases",
            }
        )
        return request.render("mgp_accompaniment.portal_ngo_cases", values)

    @http.route(
        "/my/ngo/case/<int:case_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_ngo_case(self, case_id, **kw):
        ngo = self._mgp_ngo()
        case = self._mgp_get_case(case_id)
        if case.ngo_id != ngo:
            raise NotFound()
        lines = request.env["mgp.accompaniment.line"].search(
            [("accompaniment_id", "=", case.id), ("ngo_id", "=", ngo.id)]
        )
        # the NGO may not read the person's record: only the name and the
        # contacts it needs to accompany the person are shown, and only while
        # the person's consent to their transfer is valid (152-ФЗ ст. 9)
        consented = bool(case._mgp_ngo_may_see_person())
        person = case.partner_id.sudo() if consented else request.env["res.partner"]
        if not consented:
            lines = lines.browse()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "case": case,
                "lines": lines,
                "consented": consented,
                "person": {
                    "name": person.name,
                    "phone": person.phone,
                    "email": person.email,
                },
                "page_name": "mgp_ngo_cases",
                "error": kw.get("error"),
                "error_line_id": int(kw["line"]) if kw.get("line", "").isdigit() else 0,
                "typed": {
                    "date_done": kw.get("date_done") or "",
                    "result": kw.get("result") or "",
                },
                "success": kw.get("success"),
            }
        )
        return request.render("mgp_accompaniment.portal_ngo_case", values)

    @http.route(
        "/my/ngo/line/<int:line_id>/result",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ngo_line_result(self, line_id, date_done=None, result=None, **kw):
        self._mgp_ngo()
        line = self._mgp_record_or_404("mgp.accompaniment.line", line_id)
        try:
            line.check_access("write")
        except AccessError:
            raise NotFound() from None
        case_url = f"/my/ngo/case/{line.accompaniment_id.id}"
        files = request.httprequest.files.getlist("attachments")
        try:
            line._mgp_portal_record_result(
                fields.Date.to_date(date_done) if date_done else False,
                result,
                [(f.filename, f.read()) for f in files if f.filename],
            )
        except (UserError, ValidationError, ValueError) as error:
            request.env.cr.rollback()
            message = error.args[0] if error.args else str(error)
            # what was typed comes back into the form, next to the error
            query = urlencode(
                {
                    "error": str(message),
                    "line": line.id,
                    "date_done": date_done or "",
                    "result": result or "",
                }
            )
            return request.redirect(f"{case_url}?{query}")
        return request.redirect(f"{case_url}?success=1")

    def _mgp_ngo_case_rows(self, cases):
        """The cells of the NGO's list, formatted once for the whole page
        (one date format for the page: Babel per row costs more than the
        page's queries)."""
        env = request.env
        names = self._mgp_person_names(cases)
        states = dict(cases._fields["state"]._description_selection(env))
        date_format = env["res.lang"]._get_data(code=env.lang or "en_US").date_format
        return [
            {
                "id": case.id,
                "name": case.name,
                "person": names.get(case.id),
                "date_end": case.date_end.strftime(date_format)
                if case.date_end and date_format
                else (case.date_end and format_date(env, case.date_end) or ""),
                "state": states.get(case.state, ""),
            }
            for case in cases
        ]

    def _mgp_person_names(self, cases):
        # the NGO sees the names of the persons it accompanies, nothing more
        # (one query for the page, the name column only)
        persons = (
            request.env["res.partner"]
            .sudo()
            .search_fetch([("id", "in", cases.partner_id.ids)], ["name"])
        )
        names = {person.id: person.name for person in persons}
        shown = cases._mgp_ngo_may_see_person()
        return {
            case.id: names.get(case.partner_id.id) if case in shown else "—"
            for case in cases
        }
