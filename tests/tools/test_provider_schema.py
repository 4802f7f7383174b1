"""The schema rebuild tool's reading of Go schema literals and its SDK core-schema rules, on a small Go
source written for this test (the real provider source is not part of the checkout)."""

from __future__ import annotations

from typing import Any

from tools.provider_schema import build
from tools.provider_schema.goliteral import Call, Composite, find_function_return

GO = r"""
func resourceExample() *schema.Resource {
	return &schema.Resource{
		Importer: &schema.ResourceImporter{State: schema.ImportStatePassthrough},
		Timeouts: &schema.ResourceTimeout{
			Create: schema.DefaultTimeout(17 * time.Minute),
			Delete: schema.DefaultTimeout(8 * time.Minute),
		},
		Schema: map[string]*schema.Schema{
			"name": {
				Type:          schema.TypeString,
				Optional:      true,
				Computed:      true,
				ConflictsWith: []string{"old_name"},
				DiffSuppressFunc: func(k, old, new string, d *schema.ResourceData) bool {
					return old == new // braces { } inside are skipped
				},
			},
			"kind": {
				Type:         schema.TypeString,
				Required:     true,
				ForceNew:     true,
				ValidateFunc: StringInSlice([]string{"VPN", string(KindVpc)}, false),
			},
			"instance_type": {
				Type:         schema.TypeString,
				Optional:     true,
				ValidateFunc: validation.StringMatch(regexp.MustCompile(`^ecs\..*`), "prefix must be 'ecs.'"),
			},
			"zone": {
				Type:     schema.TypeSet,
				Optional: true,
				Elem: &schema.Resource{Schema: map[string]*schema.Schema{
					"zone_id": {Type: schema.TypeString, Required: true},
				}},
			},
			"tunnels": {
				Type:     schema.TypeList,
				Computed: true,
				Elem: &schema.Resource{Schema: map[string]*schema.Schema{
					"lifetime": {Type: schema.TypeInt, Computed: true},
				}},
			},
		},
	}
}
"""


def _resource() -> Composite:
    resource = find_function_return(GO, "resourceExample")
    assert isinstance(resource, Composite)
    return resource


def test_literals_calls_and_function_literals_are_read() -> None:
    schema = _resource().fields["Schema"]
    assert sorted(schema.fields) == ["instance_type", "kind", "name", "tunnels", "zone"]
    validate = schema.fields["kind"].fields["ValidateFunc"]
    assert isinstance(validate, Call) and validate.name == "StringInSlice"
    assert schema.fields["name"].fields["DiffSuppressFunc"].text.startswith("func(k, old, new string")


def test_core_schema_rules() -> None:
    build.CONSTANTS["KindVpc"] = "VPC"
    block: dict[str, Any] = build._block(_resource().fields["Schema"], {"name": "The name."}, "")
    attributes = block["attributes"]
    assert attributes["name"] == {
        "computed": True,
        "description": "The name.",
        "description_kind": "plain",
        "optional": True,
        "type": "string",
    }
    assert attributes["kind"]["required"] is True
    # A computed-only list of resources is an attribute of objects; an optional one is a block.
    assert attributes["tunnels"]["type"] == ["list", ["object", {"lifetime": "number"}]]
    assert block["block_types"]["zone"]["nesting_mode"] == "set"
    facts: dict[str, Any] = {}
    build._facts(_resource().fields["Schema"], "", facts)
    assert facts["kind"]["ValidateFunc"] == {"func": "StringInSlice", "ignore_case": False, "values": ["VPN", "VPC"]}
    assert facts["kind"]["ForceNew"] is True and facts["zone.zone_id"]["Required"] is True
    assert facts["name"]["ConflictsWith"] == ["old_name"]
    # The pattern of an inline regexp.MustCompile is kept (the raw string as written), so it can be checked.
    assert facts["instance_type"]["ValidateFunc"] == {
        "func": "validation.StringMatch",
        "message": "prefix must be 'ecs.'",
        "pattern": "^ecs\\..*",
    }
    timeouts, defaults = build._timeouts(_resource())
    assert timeouts is not None and sorted(timeouts["block"]["attributes"]) == ["create", "delete"]
    assert defaults == {"create": "17m", "delete": "8m"}
