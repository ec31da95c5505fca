# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Moving the programmes' own document checklist (``mgp.programme.document``
and its catalogue ``mgp.programme.document.type``, removed in 19.0.1.1.0) onto
the engine's (``mgp.document.type``, ``mgp.document.requirement``,
``mgp.document.line``). Called by the migration scripts of 19.0.1.1.0."""

from odoo.tools import sql

MODULE = "mgp_employer_programmes"
OLD_TYPE_MODEL = "mgp.programme.document.type"
OLD_SUFFIX = "__programme_old"
PROCEDURE_MODELS = {
    "subsidy_application": "mgp.subsidy.application",
    "subsidy_use": "mgp.subsidy.agreement",
    "business_aid": "mgp.business.aid",
    "training": "mgp.training.referral",
}


def set_aside_old_type_xmlids(cr):
    """Before the data load: the old catalogue's xml ids are renamed, the
    engine's catalogue takes the same ids (``document_type_*``)."""
    cr.execute(
        """UPDATE ir_model_data SET name = name || %s
            WHERE module = %s AND model = %s AND name NOT LIKE %s""",
        (OLD_SUFFIX, MODULE, OLD_TYPE_MODEL, f"%{OLD_SUFFIX}"),
    )


def _new_type(env, old_id, name, sequence, procedure, required, active, xmlname):
    """The engine's document type of an old one: the catalogue entry of the
    same xml id, or a new type with its requirement (an entry added by an
    administrator)."""
    if xmlname:
        new = env.ref(
            f"{MODULE}.{xmlname.removesuffix(OLD_SUFFIX)}", raise_if_not_found=False
        )
        if new and new._name == "mgp.document.type":
            return new
    Type = env["mgp.document.type"].with_context(active_test=False)
    code = f"programme_old_{old_id}"
    new = Type.search([("code", "=", code)], limit=1) or Type.create(
        {
            "code": code,
            "name": name,
            "sequence": sequence or 10,
            "active": active is not False,
        }
    )
    model = PROCEDURE_MODELS.get(procedure)
    if model and model in env:
        model_id = env["ir.model"]._get_id(model)
        Requirement = env["mgp.document.requirement"]
        if not Requirement.search_count(
            [
                ("model_id", "=", model_id),
                ("procedure", "=", procedure),
                ("type_id", "=", new.id),
            ]
        ):
            Requirement.create(
                {
                    "model_id": model_id,
                    "procedure": procedure,
                    "type_id": new.id,
                    "sequence": sequence or 10,
                    "required": bool(required),
                }
            )
    return new


def migrate_programme_documents(env):
    """Copy the rows of ``mgp.programme.document`` into ``mgp.document.line``
    (``env``: superuser). A received line is received and checked on its
    date by whoever marked it; a file sent but not received is received, not
    checked. Return the number of lines written."""
    cr = env.cr
    if not sql.table_exists(cr, "mgp_programme_document"):
        return 0
    cr.execute(
        """SELECT t.id, t.name, t.sequence, t.procedure, t.required, t.active,
                  imd.name
             FROM mgp_programme_document_type t
        LEFT JOIN ir_model_data imd
               ON imd.model = %s AND imd.module = %s AND imd.res_id = t.id""",
        (OLD_TYPE_MODEL, MODULE),
    )
    type_map = {row[0]: _new_type(env, *row).id for row in cr.fetchall()}
    cr.execute(
        """SELECT d.res_model, d.res_id, d.type_id, d.received, d.date_received,
                  d.attachment_id, d.note, d.write_uid, d.write_date
             FROM mgp_programme_document d
         ORDER BY d.id"""
    )
    rows = cr.fetchall()
    Line = env["mgp.document.line"]
    count = 0
    for (
        res_model,
        res_id,
        old_type,
        received,
        day,
        attachment_id,
        note,
        uid,
        at,
    ) in rows:
        if res_model not in env or old_type not in type_map:
            continue
        record = env[res_model].browse(res_id).exists()
        if not record:
            continue
        attachment = env["ir.attachment"].browse(attachment_id).exists()
        day = day or (at and at.date())
        vals = {
            "received_date": day if (received or attachment) else False,
            "attachment_id": attachment.id,
            "file_name": attachment.name or False,
            "note": note or False,
            "checked_by_id": (uid or env.uid) if received else False,
            "checked_date": day if received else False,
        }
        line = Line.search(
            [
                ("res_model", "=", res_model),
                ("res_id", "=", res_id),
                ("type_id", "=", type_map[old_type]),
            ],
            limit=1,
        )
        if line:
            if not (line.received_date or line.checked_date):
                line._mgp_engine_write(vals)
        else:
            Line._mgp_engine_create(
                dict(
                    vals,
                    res_model=res_model,
                    res_id=res_id,
                    type_id=type_map[old_type],
                    sequence=Line.env["mgp.document.type"]
                    .browse(type_map[old_type])
                    .sequence,
                )
            )
        count += 1
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = %s AND model = %s",
        (MODULE, OLD_TYPE_MODEL),
    )
    return count
