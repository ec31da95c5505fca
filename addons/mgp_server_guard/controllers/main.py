# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The database manager is not part of a served register: its pages and the
``db`` RPC service are closed, whatever ``list_db`` says."""

import xmlrpc.client

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessDenied

from odoo.addons.rpc.controllers.jsonrpc import JSONRPC
from odoo.addons.rpc.controllers.xmlrpc import XMLRPC
from odoo.addons.web.controllers.database import Database

# the only method of the ``db`` service a client may call (version check)
OPEN_DB_METHODS = frozenset({"server_version"})


def _check_service(service, method):
    if service == "db" and method not in OPEN_DB_METHODS:
        raise AccessDenied()


class MgpClosedDatabase(Database):
    @http.route()
    def selector(self, **kw):
        raise NotFound()

    @http.route()
    def manager(self, **kw):
        raise NotFound()

    @http.route()
    def create(self, master_pwd, name, lang, password, **post):  # pylint: disable=method-required-super
        raise NotFound()

    @http.route()
    def duplicate(self, master_pwd, name, new_name, neutralize_database=False):
        raise NotFound()

    @http.route()
    def drop(self, master_pwd, name):
        raise NotFound()

    @http.route()
    def backup(self, master_pwd, name, backup_format="zip", filestore=True):
        raise NotFound()

    @http.route()
    def restore(self, master_pwd, backup_file, name, copy=False, **kw):
        raise NotFound()

    @http.route()
    def change_password(self, master_pwd, master_pwd_new):
        raise NotFound()

    @http.route()
    def list(self):
        raise NotFound()


class MgpJsonRpc(JSONRPC):
    @http.route()
    def jsonrpc(self, service, method, args):
        _check_service(service, method)
        return super().jsonrpc(service, method, args)


class MgpXmlRpc(XMLRPC):
    def _xmlrpc(self, service):
        if service == "db":
            # the method name is in the body; only the version check is open
            __, method = xmlrpc.client.loads(
                http.request.httprequest.get_data(), use_datetime=True
            )
            _check_service(service, method)
        return super()._xmlrpc(service)
