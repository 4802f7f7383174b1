"""The acceptance-test extractor's reading of Go test steps, on a small Go test written for this test (the
provider's source is not part of the checkout)."""

from __future__ import annotations

from pathlib import Path

from tools.acceptance.extract import Function, GoSource, extract_test, go_format, hcl_body

BODY = """
	rand := acctest.RandIntRange(10000, 99999)
	name := fmt.Sprintf("tf-testacc%sgw%d", defaultRegionToTest, rand)
	testAccConfig := resourceTestAccConfigFunc(resourceId, name, exampleDependence)
	resource.Test(t, resource.TestCase{
		PreCheck: func() { testAccPreCheck(t) },
		CheckDestroy: rac.checkResourceDestroy(),
		Steps: []resource.TestStep{
			{
				Config: testAccConfig(map[string]interface{}{
					"name": name,
					"tags": map[string]string{"Created": "TF"},
					"ike_config": []map[string]interface{}{{"ike_version": "ikev2"}},
				}),
				Check: resource.ComposeTestCheckFunc(testAccCheck(map[string]string{"name": name})),
			},
			{
				ResourceName:            resourceId,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"psk", "dry_run"},
			},
			{
				Config: testAccConfig(map[string]interface{}{"name": name + "_new", "tags": REMOVEKEY}),
			},
			{
				Config:      testAccConfig(map[string]interface{}{"name": "bad"}),
				ExpectError: regexp.MustCompile("InvalidName"),
			},
			{
				Config: testAccConfig(map[string]interface{}{"description": "after"}),
			},
			{
				Config: testAccConfig(map[string]interface{}{"access_key": creds.testAK}),
			},
		},
	})
"""


def _source(tmp_path: Path) -> GoSource:
    source = GoSource(tmp_path, "HEAD")
    source.functions["exampleDependence"] = Function(
        ["name"], 'return fmt.Sprintf(`variable "name" { default = "%s" }`, name)'
    )
    source.variables["resourceId"] = '"alicloud_vpn_customer_gateway.default"\n'
    return source


def test_steps_are_merged_rendered_and_skipped_with_reasons(tmp_path: Path) -> None:
    result = extract_test(_source(tmp_path), BODY, {"alicloud_vpn_customer_gateway"})
    assert "skipped" not in result
    first, imported, renamed, failing, after, unknown = result["steps"]
    assert first["hcl"] == (
        'variable "name" { default = "tf-testacccn-hangzhougw10000" }\n\n'
        'resource "alicloud_vpn_customer_gateway" "default" {\n'
        "  ike_config {\n"
        '    ike_version = "ikev2"\n'
        "  }\n"
        '  name = "tf-testacccn-hangzhougw10000"\n'
        "  tags = {\n"
        '    Created = "TF"\n'
        "  }\n"
        "}\n"
    )
    assert imported == {
        "step": 2,
        "import": "alicloud_vpn_customer_gateway.default",
        "verify": True,
        "ignore": ["dry_run", "psk"],
    }
    assert 'name = "tf-testacccn-hangzhougw10000_new"' in renamed["hcl"] and "tags" not in renamed["hcl"]
    assert failing["expect_error"] == "InvalidName" and 'name = "bad"' in failing["hcl"]
    assert 'description = "after"' in after["hcl"] and 'name = "bad"' in after["hcl"]
    assert unknown == {"step": 6, "skipped": "unknown identifier creds.testAK"}
    assert result["steps"][-1:] == [unknown]


def test_a_type_the_emulator_does_not_serve_skips_the_scenario(tmp_path: Path) -> None:
    result = extract_test(_source(tmp_path), BODY, set())
    assert result["skipped"] == "needs types the emulator does not serve: alicloud_vpn_customer_gateway"


def test_sprintf_verbs() -> None:
    assert go_format("%s-%d %q %[1]s %%", ["a", 7, "b"]) == 'a-7 "b" a %'
    assert hcl_body({"enabled": True, "count": 2, "cidrs": ["10.0.0.0/8"]}, 0) == (
        '{\n  cidrs = [\n    "10.0.0.0/8"\n  ]\n  count = 2\n  enabled = true\n}'
    )


CROSS_ACCOUNT = """
	creds := sharedCENCrossAccountCreds
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`provider "alicloud" { access_key = %q }
resource "alicloud_vpn_customer_gateway" "default" {}`, creds.testAK),
			},
			{
				Config: fmt.Sprintf(`%s`, creds.region),
			},
		},
	})
"""


def test_the_cross_account_keys_are_stand_ins_the_emulator_maps_to_accounts(tmp_path: Path) -> None:
    result = extract_test(_source(tmp_path), CROSS_ACCOUNT, {"alicloud_vpn_customer_gateway"})
    first, unknown = result["steps"]
    assert 'access_key = "emulated-TerraformTest-access-key"' in first["hcl"]
    assert unknown == {"step": 2, "skipped": "unknown identifier creds.region"}
