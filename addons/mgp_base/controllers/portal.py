# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


def readonly_get(controller, rule, args):
    """``readonly`` of a route that shows a page on GET and acts on POST:
    with a read replica configured (``--db_replica_host``), the page is
    read there and only the form's POST reaches the primary."""
    return request.httprequest.method in ("GET", "HEAD")


class MgpPortal(CustomerPortal):
    """What the suite's portal pages share: the counters of the portal home,
    a record of the user's or 404, a list cut into pages, a page rendered in
    the portal layout, and the ids and files a form sent."""

    def _mgp_count_into(self, values, counters, key, model, domain=()):
        """Put in ``values`` the counter ``key`` of the portal home, when
        asked: the records of ``model`` in ``domain`` the user may read
        (record rules apply), 0 without the right to read the model."""
        if key in counters:
            Model = request.env[model]
            values[key] = (
                Model.search_count(list(domain)) if Model.has_access("read") else 0
            )
        return values

    def _mgp_render(self, template, values):
        """``template`` rendered in the portal layout with ``values``."""
        page = self._prepare_portal_layout_values()
        page.update(values)
        return request.render(template, page)

    @staticmethod
    def _mgp_read_ids(name):
        """The ids a form sent in the repeated field ``name``."""
        return [
            int(value)
            for value in request.httprequest.form.getlist(name)
            if value.isdigit()
        ]

    @staticmethod
    def _mgp_read_files(name="attachments"):
        """The files a form sent in ``name`` as ``(filename, content)``; the
        model checks them with the suite's one upload check."""
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist(name)
            if upload and upload.filename
        ]

    def _mgp_record_or_404(self, model, record_id, access_token=None):
        """The record as the current user may read it (record rules, or a
        valid access token), in the user's environment; 404 otherwise, so
        that nobody learns which numbers exist."""
        try:
            record_sudo = self._document_check_access(model, record_id, access_token)
        except (AccessError, MissingError):
            raise NotFound() from None
        return record_sudo.with_env(request.env)

    def _mgp_paged(self, model, domain, url, page=1, order=None, url_args=None):
        """One page of the records of ``domain`` (record rules apply) and
        the portal pager of ``url``.

        :return: ``(records, pager)``
        """
        Model = request.env[model]
        pager = portal_pager(
            url=url,
            url_args=url_args,
            total=Model.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        records = Model.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        return records, pager
