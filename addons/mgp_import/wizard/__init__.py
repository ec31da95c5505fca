from . import mgp_register_export
