# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The document types of mgp_base are ``noupdate``: flag on an existing
database the IPRA extract as health data, as a fresh install does (its file
is then journaled when opened); the administrators' later edits stay
theirs."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE mgp_document_type t
              SET medical = TRUE
             FROM ir_model_data d
            WHERE d.module = 'mgp_base' AND d.model = 'mgp.document.type'
              AND d.res_id = t.id AND d.name = 'mgp_document_type_ipra'
              AND t.medical IS NOT TRUE"""
    )
