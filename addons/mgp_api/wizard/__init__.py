from . import mgp_person_merge
