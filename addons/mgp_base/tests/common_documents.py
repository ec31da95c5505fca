# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ..models.mgp_today import centre_today


def provide_documents(records, user=None, day=None):
    """Give ``records`` (a model with ``mgp.document.checklist.mixin``)
    every document its procedures list, received and checked on ``day`` by
    ``user`` (default: today, the records' user): a fixture for tests that
    go past a procedure checking documents."""
    records = records.sudo()  # a fixture: the documents a specialist checked
    records._mgp_documents_prepare()
    lines = records.mgp_document_line_ids
    day = day or centre_today(lines)
    lines._mgp_engine_write(
        {
            "received_date": day,
            "checked_by_id": (user or records.env.user).id,
            "checked_date": day,
        }
    )
    return lines
