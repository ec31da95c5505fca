"""pytest configuration of the suite's cross-addon tests (this folder).

scripts/test.sh installs every addon of addons/ with its demo data in a fresh
database, then runs ``pytest --odoo-database=... --odoo-config=... --odoo-http``
(pytest-odoo) over ``addons/*/tests`` and this folder. Tests here are ordinary
Odoo test cases (``odoo.tests.TransactionCase``, ``HttpCase``) that exercise
several addons together.
"""

# Hand-run benchmarks (python3 tests/bench/run.py), never collected.
collect_ignore = ["bench"]
