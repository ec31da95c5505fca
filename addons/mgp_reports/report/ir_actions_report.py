# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import lxml.html

from odoo import models

# Between two forms of a batch rendered as one HTML document.
PAGE_BREAK = '<div class="mgp-page-break" style="page-break-before: always;"></div>'


class IrActionsReport(models.Model):
    """A selection of the suite's forms printed as one HTML document.

    Odoo passes one HTML file per record to a single wkhtmltopdf call, which
    Debian's wkhtmltopdf (unpatched Qt) refuses ("multiple documents").
    The suite's forms have no header or footer, so the bodies of a batch are
    joined into one document, page-broken between forms: one wkhtmltopdf
    call prints any number of forms, with any wkhtmltopdf build.
    """

    _inherit = "ir.actions.report"

    def _prepare_html(self, html, report_model=False):
        result = super()._prepare_html(html, report_model=report_model)
        if not result or not self._mgp_single_document():
            return result
        bodies, res_ids, header, footer, paperformat_args = result
        if len(bodies) > 1:
            bodies = [self._mgp_join_bodies(bodies)]
        return bodies, res_ids, header, footer, paperformat_args

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """A batch of the suite's forms: one HTML document, one wkhtmltopdf
        call, one PDF (not split per record: these forms are not saved as
        attachments)."""
        report = self._get_report(report_ref)
        if (
            not res_ids
            or len(set(res_ids)) < 2
            or report.attachment
            or not report._mgp_single_document()
            or self.get_wkhtmltopdf_state() == "install"
        ):
            return super()._render_qweb_pdf_prepare_streams(
                report_ref, data, res_ids=res_ids
            )
        data = dict(data or {}, report_type="pdf", debug=False)
        html = self.with_context(debug=False)._render_qweb_html(
            report_ref, res_ids, data=data
        )[0]
        bodies, _ids, header, footer, paperformat_args = report.with_context(
            debug=False
        )._prepare_html(html, report_model=report.model)
        pdf = self._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=self.env.context.get("landscape"),
            specific_paperformat_args=paperformat_args,
            set_viewport_size=self.env.context.get("set_viewport_size"),
        )
        return {False: {"stream": io.BytesIO(pdf), "attachment": None}}

    def _mgp_single_document(self):
        """Whether a batch of this report prints as one HTML document."""
        return bool(self.report_name) and self.report_name.startswith("mgp_")

    def _mgp_join_bodies(self, bodies):
        """One HTML document with the ``<body>`` content of every body."""
        document = lxml.html.document_fromstring(bodies[0])
        target = document.body
        for body in bodies[1:]:
            target.append(lxml.html.fragment_fromstring(PAGE_BREAK))
            for node in lxml.html.document_fromstring(body).body:
                target.append(node)
        return lxml.html.tostring(
            document, encoding="unicode", doctype="<!DOCTYPE html>"
        )
