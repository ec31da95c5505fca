# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import BASE, MgpApiCommon

METHODS = {"get", "post", "put", "patch", "delete"}


@tagged("post_install", "-at_install")
class TestOpenApi(MgpApiCommon):
    def test_document(self):
        """The OpenAPI document is served without a key and is a valid
        OpenAPI 3 structure: every operation has its responses, every
        reference to a security scheme exists, every path parameter is
        declared."""
        response = self.url_open(f"{BASE}/openapi.json")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        doc = response.json()
        self.assertRegex(doc["openapi"], r"^3\.\d+\.\d+$")
        self.assertTrue(doc["info"]["title"] and doc["info"]["version"])
        self.assertTrue(doc["servers"][0]["url"].endswith(BASE))
        schemes = doc["components"]["securitySchemes"]
        self.assertEqual(schemes["apiKey"]["scheme"], "bearer")
        self.assertEqual(
            set(doc["paths"]),
            {
                "/plan-agreements",
                "/interagency-answers",
                "/cases",
                "/cases/{number}",
                "/plans",
            },
        )
        operation_ids = set()
        for path, item in doc["paths"].items():
            for method, operation in item.items():
                self.assertIn(method, METHODS)
                self.assertTrue(operation["responses"], f"{method} {path}")
                for code, response_doc in operation["responses"].items():
                    self.assertRegex(code, r"^[1-5]\d\d$")
                    self.assertTrue(response_doc["description"])
                    schema = response_doc["content"]["application/json"]["schema"]
                    self.assertIn(schema["type"], ("object", "array"))
                for requirement in operation["security"]:
                    self.assertLessEqual(set(requirement), set(schemes))
                self.assertNotIn(operation["operationId"], operation_ids)
                operation_ids.add(operation["operationId"])
                declared = {
                    p["name"]
                    for p in operation.get("parameters", ())
                    if p["in"] == "path"
                }
                self.assertEqual(declared, set(_placeholders(path)))
        body = doc["paths"]["/plan-agreements"]["post"]["requestBody"]
        schema = body["content"]["application/json"]["schema"]
        self.assertEqual(schema["required"], ["external_id", "person", "plan"])
        person = schema["properties"]["person"]
        self.assertEqual(
            person["properties"]["disability_group"]["enum"], ["1", "2", "3", "child"]
        )
        self.assertEqual(person["required"], ["snils", "name"])
        self.assertEqual(
            schema["properties"]["plan"]["properties"]["date"]["format"], "date"
        )
        self.assertIn("201", doc["paths"]["/plan-agreements"]["post"]["responses"])
        self.assertIn("409", doc["paths"]["/plan-agreements"]["post"]["responses"])

    def test_docs_page(self):
        """The readable page is served without a key, in Russian by default,
        from the same description."""
        response = self.url_open(f"{BASE}/docs")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn('<html lang="ru"', html)
        self.assertIn("/plan-agreements", html)
        self.assertIn("person.snils", html)
        self.assertIn('<main id="content">', html)
        english = self.url_open(f"{BASE}/docs", headers={"Accept-Language": "en"})
        self.assertIn('<html lang="en"', english.text)
        self.assertIn("Authentication", english.text)


def _placeholders(path):
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]
