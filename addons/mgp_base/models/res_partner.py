# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

SUITE_GROUP = "mgp_base.group_specialist"
# Personal data of a citizen: read and changed on a need-to-know basis.
PERSON_DATA_FIELDS = frozenset(
    {
        "mgp_snils",
        "mgp_birth_date",
        "mgp_gender",
        "mgp_is_disabled",
        "mgp_disability_group",
        "mgp_ipra_number",
        "mgp_ipra_date",
        "mgp_ipra_date_end",
        "mgp_impaired_function_ids",
        "mgp_recommended_conditions",
        "mgp_contraindicated_conditions",
        "mgp_jobseeker_status",
        "mgp_jobseeker_date",
        "mgp_jobseeker_application",
        "mgp_jobseeker_application_date",
    }
)
# the measure is for disabled people registered as job seekers or
# unemployed (seed 000: «в рамках регистрации в качестве ищущего работу,
# признании безработным»)
JOBSEEKER_STATUSES = [
    ("job_seeker", "Registered as a job seeker"),
    ("unemployed", "Recognised as unemployed"),
    ("deregistered", "Removed from the register"),
]
# Fields whose search reads person data (the guard of ``_search``): the data
# and the СНИЛС search by digits.
PERSON_SEARCH_FIELDS = PERSON_DATA_FIELDS | {"mgp_snils_search"}
# up to this many persons, the need to know of each is probed apart (index
# lookups by person); beyond, against the whole set of the user's records
PER_PERSON_CHECK = 1000


def snils_checksum(digits):
    """Control number of the first nine digits of a СНИЛС."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(9, 0, -1), strict=True))
    if total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


def snils_format(digits):
    """``digits`` (up to 11) laid out as the beginning of ``XXX-XXX-XXX YY``."""
    parts = [digits[:3], digits[3:6], digits[6:9]]
    text = "-".join(part for part in parts if part)
    if len(digits) == 9:
        text += " "
    elif len(digits) > 9:
        text += " " + digits[9:11]
    return text


def normalize_snils(value):
    """Return ``XXX-XXX-XXX YY`` or raise ``ValueError`` with a reason."""
    digits = re.sub(r"[\s\-]", "", value or "")
    if not digits.isdigit() or len(digits) != 11:
        raise ValueError("length")
    # the control number is defined only above 001-001-998
    if int(digits[:9]) > 1001998 and snils_checksum(digits) != int(digits[9:]):
        raise ValueError("checksum")
    return snils_format(digits)


class ResPartner(models.Model):
    _inherit = "res.partner"

    mgp_snils = fields.Char(
        string="SNILS",
        copy=False,
        index=True,
        groups=SUITE_GROUP,
        help="Insurance number of the individual personal account, "
        "stored as XXX-XXX-XXX YY.",
    )
    mgp_snils_search = fields.Char(
        string="SNILS digits",
        compute="_compute_mgp_snils_search",
        search="_search_mgp_snils_search",
        groups=SUITE_GROUP,
        help="Search by SNILS however it is typed: its digits, the whole "
        "number or its beginning.",
    )
    mgp_birth_date = fields.Date(string="Birth date", groups=SUITE_GROUP)
    mgp_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        string="Sex",
        groups=SUITE_GROUP,
    )
    mgp_is_disabled = fields.Boolean(
        string="Disabled person",
        compute="_compute_mgp_is_disabled",
        store=True,
        groups=SUITE_GROUP,
    )
    mgp_disability_group = fields.Selection(
        [
            ("1", "Group I"),
            ("2", "Group II"),
            ("3", "Group III"),
            ("child", "Disabled child"),
        ],
        string="Disability group",
        groups=SUITE_GROUP,
    )
    mgp_ipra_number = fields.Char(string="IPRA number", groups=SUITE_GROUP)
    mgp_ipra_date = fields.Date(string="IPRA date", groups=SUITE_GROUP)
    mgp_ipra_date_end = fields.Date(string="IPRA valid until", groups=SUITE_GROUP)
    mgp_impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        string="Impaired functions",
        groups=SUITE_GROUP,
    )
    mgp_recommended_conditions = fields.Text(
        string="Recommended working conditions", groups=SUITE_GROUP
    )
    mgp_contraindicated_conditions = fields.Text(
        string="Contraindicated working conditions", groups=SUITE_GROUP
    )

    mgp_jobseeker_status = fields.Selection(
        JOBSEEKER_STATUSES, string="Job seeker status", groups=SUITE_GROUP
    )
    mgp_jobseeker_date = fields.Date(
        string="Registered as a job seeker on", groups=SUITE_GROUP
    )
    mgp_jobseeker_application = fields.Char(
        string="Job-search application",
        groups=SUITE_GROUP,
        help="Number of the application for help in finding a job (ЕЦП «Работа "
        "в России» or the centre's register).",
    )
    mgp_jobseeker_application_date = fields.Date(
        string="Application date", groups=SUITE_GROUP
    )

    # Pending match: a СНИЛС already registered for a person the user may
    # not read is accepted on a new record flagged here, never refused —
    # a refusal (or its message) would tell him that the СНИЛС is known
    # somewhere. Only a regional administrator, who may read both, sees the
    # flag and the likely duplicate, and merges them (mgp_api).
    mgp_snils_pending = fields.Boolean(
        string="Possible duplicate (SNILS)",
        readonly=True,
        copy=False,
        index=True,
        groups="mgp_base.group_admin",
        help="Another person has the same SNILS: a regional administrator "
        "checks whether it is the same human and merges the two records.",
    )

    _mgp_snils_uniq = models.UniqueIndex(
        "(mgp_snils) WHERE mgp_snils IS NOT NULL AND mgp_snils_pending IS NOT TRUE",
        "Another person already has this SNILS.",
    )
    # a search by the beginning of a СНИЛС (``_search_mgp_snils_search``):
    # LIKE 'prefix%' served by a btree whatever the database's collation
    _mgp_snils_prefix_idx = models.Index(
        "(mgp_snils varchar_pattern_ops) WHERE mgp_snils IS NOT NULL"
    )

    def _compute_mgp_snils_search(self):
        # a search field only: the number itself is read as ``mgp_snils``,
        # under the need to know
        self.mgp_snils_search = False

    def _search_mgp_snils_search(self, operator, value):
        """The digits typed, as the beginning of the stored ``XXX-XXX-XXX YY``:
        equality for a whole number, a prefix otherwise — both served by an
        index (an ``ilike '%…%'`` on the stored number is a full scan)."""
        if operator not in ("ilike", "like", "=", "=like", "=ilike"):
            return NotImplemented
        digits = re.sub(r"\D", "", value or "")
        if not digits:
            return Domain.FALSE
        if len(digits) >= 11:
            return Domain("mgp_snils", "=", snils_format(digits[:11]))
        return Domain("mgp_snils", "=like", snils_format(digits) + "%")

    @api.depends("mgp_disability_group")
    def _compute_mgp_is_disabled(self):
        for partner in self:
            partner.mgp_is_disabled = bool(partner.mgp_disability_group)

    @api.constrains("mgp_snils")
    def _check_mgp_snils_unique(self):
        partners = self.sudo().filtered(
            lambda p: p.mgp_snils and not p.mgp_snils_pending
        )
        if not partners:
            return
        duplicates = self.sudo().search_count(  # uniqueness spans every centre
            [
                ("mgp_snils", "in", partners.mapped("mgp_snils")),
                ("id", "not in", partners.ids),
                ("mgp_snils_pending", "=", False),
            ],
            limit=1,
        )
        if duplicates:
            raise ValidationError(self.env._("Another person already has this SNILS."))

    @api.constrains("mgp_ipra_date", "mgp_ipra_date_end")
    def _check_mgp_ipra_dates(self):
        for partner in self:
            if (
                partner.mgp_ipra_date
                and partner.mgp_ipra_date_end
                and partner.mgp_ipra_date_end < partner.mgp_ipra_date
            ):
                raise ValidationError(
                    self.env._("The IPRA validity cannot end before its date.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # the server computes these: a client's value is dropped
            computed = self._mgp_computed_partner_fields()
            vals_list = [
                {name: value for name, value in vals.items() if name not in computed}
                for vals in vals_list
            ]
        for vals in vals_list:
            self._mgp_normalize_vals(vals)
        snils = [vals["mgp_snils"] for vals in vals_list if vals.get("mgp_snils")]
        known = None
        if len(snils) > 1:
            # the persons of the whole batch (an import): one search
            known = self.sudo().search(  # existence across the centres, not shown
                [("mgp_snils", "in", snils), ("mgp_snils_pending", "=", False)]
            )
        for vals in vals_list:
            self._mgp_snils_pending_vals(vals, known=known)
        return super().create(vals_list)

    @api.model
    def _mgp_computed_partner_fields(self):
        """Stored fields the server computes and nobody sets (the commercial
        entity a portal rule follows, the share flag, the normalised
        address…): a client writing them would rewrite who sees what."""
        cls = type(self)
        cache = cls.__dict__.get("_mgp_partner_computed_cache")
        if cache is None:
            cache = frozenset(
                name
                for name, field in self._fields.items()
                if field.store
                and field.compute
                and not field.inverse
                and not field.related
                and field.readonly
                and name not in models.MAGIC_COLUMNS
                and name != "display_name"
            )
            if getattr(cls, "pool", None) is not None:  # a registry class
                cls._mgp_partner_computed_cache = cache
        return cache

    def _mgp_check_computed_write(self, vals):
        names = self._mgp_computed_partner_fields() & set(vals)
        blocked = set()
        for name in names:
            field = self._fields[name]
            new = field.convert_to_cache(vals[name], self.browse(), validate=False)
            if any(
                field.convert_to_cache(partner[name], partner, validate=False) != new
                for partner in self.sudo()  # the stored value, not what he sees
            ):
                blocked.add(name)
        if blocked:
            labels = ", ".join(
                f"«{self._fields[name]._description_string(self.env)}»"
                for name in sorted(blocked)
            )
            raise UserError(
                self.env._(
                    "%s of a contact are computed by the system and cannot be written.",
                    labels,
                )
            )

    def write(self, vals):
        if not self.env.su:
            self._mgp_check_computed_write(vals)
        if PERSON_DATA_FIELDS & set(vals) and not self.env.su:
            refused = self - self._mgp_person_data_allowed()
            if refused:
                raise AccessError(
                    self.env._(
                        "You may change the personal data (SNILS, disability, "
                        "IPRA) only of the citizens of your cases: %s.",
                        ", ".join(refused.mapped("display_name")),
                    )
                )
        self._mgp_normalize_vals(vals)
        self._mgp_snils_pending_vals(vals, self)
        # core's write reads the old value of every written field as the
        # user: the flag (not his to read) is written apart, as the server
        pending = vals.pop("mgp_snils_pending", None)
        flag = super(ResPartner, self.sudo()).write  # the server's own flag
        if pending:
            flag({"mgp_snils_pending": True})
        result = super().write(vals)
        if pending is False:
            flag({"mgp_snils_pending": False})
        return result

    def _check_field_access(self, field, operation):
        # the flag is written only by _mgp_snils_pending_vals, which drops
        # what a client sends: its value is always the server's
        if field.name == "mgp_snils_pending" and operation == "write":
            return
        super()._check_field_access(field, operation)

    @api.model
    def _mgp_snils_pending_vals(self, vals, records=None, known=None):
        """Flag ``vals`` a pending match when its СНИЛС belongs to another
        person the user may not read (see ``mgp_snils_pending``); among
        persons he may read the duplicate is refused by name, which tells him
        nothing he does not know. The flag is set only here.

        :param known: the persons (as superuser) holding the СНИЛС of a
            batch of new persons, looked up at once by ``create``"""
        if not self.env.su:
            vals.pop("mgp_snils_pending", None)
        snils = vals.get("mgp_snils")
        if "mgp_snils" in vals and not snils:
            vals["mgp_snils_pending"] = False
        if not snils:
            return
        if known is not None:
            others = known.filtered(lambda p: p.mgp_snils == snils)
        else:
            others = self.sudo().search(  # existence across the centres, not shown
                [
                    ("mgp_snils", "=", snils),
                    ("id", "not in", (records or self.browse()).ids),
                    ("mgp_snils_pending", "=", False),
                ]
            )
        if not others:
            vals["mgp_snils_pending"] = False
            return
        if self.env.su:
            raise ValidationError(self.env._("Another person already has this SNILS."))
        readable = others.with_env(self.env)._mgp_person_data_allowed()
        if readable == others.with_env(self.env):
            raise ValidationError(
                self.env._(
                    "Another person already has this SNILS: %s. Open that person "
                    "instead of registering the same human twice.",
                    ", ".join(others.mapped("name")),
                )
            )
        vals["mgp_snils_pending"] = True

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        hidden = PERSON_DATA_FIELDS.intersection(fnames)
        if hidden and result and not self.env.su:
            readers = self.browse([vals["id"] for vals in result])
            allowed_partners = readers._mgp_person_data_allowed()
            # every read of the data shown is journaled (152-ФЗ ст. 19)
            self._mgp_journal_read(allowed_partners, hidden)
            allowed = set(allowed_partners.ids)
            for vals in result:
                if vals["id"] not in allowed:
                    for name in hidden:
                        many = self._fields[name].type == "many2many"
                        vals[name] = [] if many else False
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        """A search on a person's data (e.g. an exact СНИЛС) finds only the
        persons whose data the user may read: no linking a СНИЛС to a name
        by probing."""
        if (
            not self.env.su
            and self._mgp_domain_reads_person_data(domain)
            and not self.env.user.has_group("mgp_base.group_admin")
        ):
            # in SQL, before the page's limit and the count: a list shows
            # every person the user may see, paged, and no other
            domain = Domain(domain) & self._mgp_person_data_allowed_domain()
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    @api.model
    def _mgp_domain_reads_person_data(self, domain):
        return any(
            condition.field_expr.split(".", 1)[0] in PERSON_SEARCH_FIELDS
            for condition in Domain(domain).iter_conditions()
        )

    # ------------------------------------------------------------------
    # Need to know
    # ------------------------------------------------------------------
    @api.model
    def _mgp_person_data_sources(self):
        """``(model, person field)`` of the suite's records whose readers
        need the person's data; each service adds its cases."""
        return [("mgp.mse.request", "partner_id")]

    @api.model
    def _mgp_person_data_allowed_domain(self):
        """The persons whose data the user may read, as one SQL condition
        (the check of every path: searches, lists and their counts, and
        :meth:`_mgp_person_data_allowed`): those he registered, and those of
        the records of the sources he may read (by their record rules) in the
        person's own centre — or in any centre for a source the region
        shares; a person of no centre through a record of any centre."""
        return self._mgp_person_data_condition()

    @api.model
    def _mgp_person_data_condition(self, per_person=False):
        """The condition of :meth:`_mgp_person_data_allowed_domain` for a
        centre's user.

        :param per_person: the condition is asked of a few persons only
            (their ids are in the query): each source is then probed by
            person, instead of being read over the user's centre at once
        """
        user = self.env.user
        if self.env.su or user.has_group("mgp_base.group_admin"):
            return Domain.TRUE
        if not user.has_group(SUITE_GROUP):
            return Domain.FALSE
        sources = self._mgp_person_data_sources()
        env = self.env

        def to_sql(model, alias, query):
            person_id = SQL.identifier(alias, "id")
            centre_id = SQL.identifier(alias, "company_id")
            parts = [SQL("%s = %s", SQL.identifier(alias, "create_uid"), user.id)]
            by_centre, shared = [], []
            for source_model, field in sources:
                Source = env[source_model]
                # record rules decide which records the user may read
                sub = Source._search([(field, "!=", False)])
                person = Source._field_to_sql(sub.table, field, sub)
                centred = "company_id" in Source._fields and not getattr(
                    Source, "_mgp_person_data_shared", False
                )
                centre = (
                    Source._field_to_sql(sub.table, "company_id", sub)
                    if centred
                    else None
                )
                if per_person:
                    # an index probe by person for each person asked about
                    sub.add_where(SQL("%s = %s", person, person_id))
                    if centred:
                        sub.add_where(
                            SQL("(%s IS NULL OR %s = %s)", centre_id, centre, centre_id)
                        )
                    parts.append(SQL("EXISTS(%s)", sub.select(SQL("1"))))
                elif centred:
                    by_centre.append(sub.select(SQL("%s, %s", centre, person)))
                else:
                    # the region shares the source: a record of any centre
                    shared.append(sub.select(person))
            if by_centre:
                # one set of (centre, person) of the records the user may
                # read, each also under the centre 0 that stands for a
                # person of no centre (whom a record of any centre serves):
                # not correlated with the outer row, so that PostgreSQL
                # hashes it once for a whole list or its count, with no
                # join back to the persons
                parts.append(
                    SQL(
                        "(COALESCE(%s, 0), %s) IN (SELECT centre.id, source.person "
                        "FROM (%s) AS source(centre, person), "
                        "LATERAL (VALUES (source.centre), (0)) AS centre(id))",
                        centre_id,
                        person_id,
                        SQL(" UNION ALL ").join(by_centre),
                    )
                )
            if shared:
                parts.append(
                    SQL("%s IN (%s)", person_id, SQL(" UNION ALL ").join(shared))
                )
            return SQL("(%s)", SQL(" OR ").join(parts))

        return Domain.custom(to_sql=to_sql)

    def _mgp_person_data_allowed(self):
        """The partners of ``self`` whose personal data the user may read and
        change: those of the records he may read (his cases; the centre's for
        a manager), those he registered; every one for a regional
        administrator. One query: the condition of
        :meth:`_mgp_person_data_allowed_domain` on the ids of ``self``."""
        user = self.env.user
        if self.env.su or user.has_group("mgp_base.group_admin"):
            return self
        if not user.has_group(SUITE_GROUP):
            return self.browse()
        ids = list(dict.fromkeys(pid for pid in self.ids if pid))
        if not ids:
            return self.browse()
        # a few persons (a page, a form) probed one by one; many (an export)
        # against the set of the records the user may read
        condition = self._mgp_person_data_condition(
            per_person=len(ids) <= PER_PERSON_CHECK
        )
        # the persons asked about, whether or not the user may read their
        # records (his need to know is the condition's, not a record rule's)
        query = (
            self.sudo()
            .with_context(active_test=False)
            ._search(Domain("id", "in", ids) & condition)
        )
        allowed = set(query.get_result_ids())
        return self.browse([pid for pid in ids if pid in allowed])

    def _mgp_journal_read(self, partners, field_names, path=None, case=None):
        """Record that the user read ``field_names`` of ``partners``
        (the access journal implements it)."""
        return None

    def _mgp_normalize_vals(self, vals):
        if vals.get("mgp_snils"):
            vals["mgp_snils"] = self._mgp_normalize_snils(vals["mgp_snils"])
        elif "mgp_snils" in vals:
            vals["mgp_snils"] = False

    @api.model
    def _mgp_normalize_snils(self, value):
        try:
            return normalize_snils(value)
        except ValueError as exc:
            if exc.args[0] == "length":
                raise ValidationError(
                    self.env._("SNILS must consist of 11 digits.")
                ) from None
            raise ValidationError(
                self.env._("SNILS is invalid: its control number does not match.")
            ) from None
