"""The emulator's parts without Terraform: schema translation, planning, the state file, rules, faults,
families and the ``constructs-vpn emulator`` commands."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.emulator.harness import cloud_objects, require_emulator

require_emulator()

from constructs_vpn.cli.main import main  # noqa: E402
from constructs_vpn.emulator import STATE_ENV, Store, install  # noqa: E402
from constructs_vpn.emulator._tf import UNKNOWN  # noqa: E402
from constructs_vpn.emulator.errors import ApiError  # noqa: E402
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, Call  # noqa: E402
from constructs_vpn.emulator.faults import parse_faults  # noqa: E402
from constructs_vpn.emulator.rules import check_bgp, check_psk, check_subnets, generate_psk  # noqa: E402
from constructs_vpn.emulator.schema import data_source_spec, resource_spec  # noqa: E402
from constructs_vpn.emulator.store import Cloud, StateError  # noqa: E402
from constructs_vpn.emulator.values import check_config, complete, plan_create, plan_update  # noqa: E402

VPN = "alicloud_vpn_gateway_vpn_attachment"


# --- schema -----------------------------------------------------------------------------------------


def test_every_family_has_a_vendored_schema_that_serializes() -> None:
    for resource in RESOURCES.values():
        assert resource.spec.to_tf().to_pb().block.attributes, resource.type_name
    for data_source in DATA_SOURCES.values():
        assert data_source.spec.to_tf().to_pb().block.attributes, data_source.type_name


def test_schema_marks_psk_sensitive_and_keeps_provider_facts() -> None:
    block = resource_spec(VPN).block
    assert block.blocks["ike_config"].block.attributes["psk"].sensitive
    tunnel = block.blocks["tunnel_options_specification"]
    assert tunnel.block.blocks["tunnel_ike_config"].block.attributes["psk"].sensitive
    assert block.attributes["network_type"].force_new and not block.attributes["local_subnet"].force_new
    assert block.blocks["ike_config"].computed and block.blocks["ike_config"].nesting == "list"
    assert tunnel.nesting == "set"
    assert resource_spec("alicloud_cen_transit_router_vpn_attachment").block.blocks["zone"].force_new


def test_provider_validation_is_ported() -> None:
    block = resource_spec(VPN).block
    problems = check_config(block, {"ike_config": [{"ike_version": "ikev3", "ike_lifetime": 90000}]})
    assert [(path, detail) for path, _, detail in problems] == [
        (["ike_config", (0,), "ike_lifetime"], "expected ike_lifetime to be in the range (0 - 86400), got 90000"),
        (["ike_config", (0,), "ike_version"], "expected ike_version to be one of [ikev1 ikev2], got ikev3"),
    ]
    assert check_config(block, {"ike_config": [{"ike_version": UNKNOWN}]}) == []


def test_string_match_is_ported_with_the_sdk_message() -> None:
    block = data_source_spec("alicloud_zones").block
    problems = check_config(block, {"available_instance_type": "g6.large"})
    assert [detail for _, _, detail in problems] == [
        "invalid value for available_instance_type (prefix must be 'ecs.')"
    ]
    assert check_config(block, {"available_instance_type": "ecs.g6.large"}) == []


# --- planning ---------------------------------------------------------------------------------------


def test_create_plan_marks_computed_values_unknown_at_every_depth() -> None:
    block = resource_spec(VPN).block
    planned = plan_create(block, {"local_subnet": "0.0.0.0/0", "ike_config": [{"ike_version": "ikev2"}]})
    assert planned["id"] is UNKNOWN and planned["network_type"] is UNKNOWN
    assert planned["ike_config"][0]["psk"] is UNKNOWN and planned["ike_config"][0]["ike_version"] == "ikev2"
    assert planned["vpn_attachment_name"] is None  # optional, not computed
    assert planned["bgp_config"] == []


def test_plans_fill_the_providers_default_where_the_configuration_leaves_it_out() -> None:
    """resource_type of the VBR attachment has the provider's Default "VBR" (the SDK plans it, create and update)."""
    block = resource_spec("alicloud_cen_transit_router_vbr_attachment").block
    assert block.attributes["resource_type"].default == "VBR"
    assert plan_create(block, complete(block, {"vbr_id": "vbr-1"}))["resource_type"] == "VBR"
    prior = complete(block, {"id": "cen-1:tr-attach-1", "vbr_id": "vbr-1", "resource_type": "VBR"})
    assert plan_update(block, prior, {**prior, "resource_type": None}) == (prior, [])


def test_update_plan_keeps_prior_when_nothing_changes_and_flags_force_new() -> None:
    block = resource_spec("alicloud_cen_transit_router_vpn_attachment").block
    prior = complete(block, {"id": "tr-attach-1", "vpn_id": "vco-1", "zone": [{"zone_id": "a"}], "status": "Attached"})
    assert plan_update(block, prior, dict(prior)) == (prior, [])
    planned, replace = plan_update(block, prior, {**prior, "zone": [{"zone_id": "b"}]})
    assert replace == ["zone"] and planned["status"] == "Attached"
    assert plan_update(block, prior, {**prior, "vpn_id": UNKNOWN})[1] == ["vpn_id"]
    assert plan_update(block, prior, {**prior, "transit_router_vpn_attachment_name": "x"})[1] == []
    vpn = resource_spec(VPN).block
    before = complete(vpn, {"id": "vco-1", "ike_config": [{"ike_version": "ikev2", "psk": "k"}]})
    planned, _ = plan_update(vpn, before, {**before, "bgp_config": [{"enable": True}]})
    assert planned["bgp_config"][0]["status"] is UNKNOWN and planned["ike_config"][0]["psk"] == "k"
    assert planned["network_type"] is None  # a computed value the prior state holds stays as it is


# --- state file -------------------------------------------------------------------------------------


def test_transactions_are_serialized_across_threads(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")

    def work() -> None:
        for _ in range(20):
            with store.transaction() as cloud:
                cloud.count_call("Work")

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.snapshot() as cloud:
        assert cloud.calls() == {"Work": 120}
    # the last connection closed: SQLite's journal files are gone, and no temporary file is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.db"]


def _create_and_count(path: Path) -> None:
    store = Store(path)
    for _ in range(25):
        with store.transaction() as cloud:
            id = cloud.new_id("cen-", 4)
            cloud.put("alicloud_cen_instance", id, "1", "cn-hangzhou", {"id": id, "n": cloud.count_call("CreateCen")})


def test_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    """Four processes (as Terraform starts one provider per run) creating objects in one cloud at once."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_create_and_count, args=(tmp_path / "state.db",)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    with Store(tmp_path / "state.db").snapshot() as cloud:
        numbers = sorted(record["attributes"]["n"] for _, record in cloud.records("alicloud_cen_instance"))
        assert numbers == list(range(1, 101)) and cloud.calls() == {"CreateCen": 100}


def test_a_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    with store.snapshot() as cloud:
        assert cloud.count() == 0
    assert not store.path.exists()  # reading an unknown cloud makes no file
    with store.transaction() as cloud:
        cloud.put("t", "kept", "1", "r", {"n": 1})
    with pytest.raises(ApiError), store.transaction() as cloud:
        cloud.put("t", "x", "1", "r", {})
        cloud.get("t", "kept")["attributes"]["n"] = 2  # type: ignore[index]
        raise ApiError("Code", "refused")
    with store.snapshot() as cloud:
        assert cloud.records("t") == [("kept", {"account": "1", "region": "r", "attributes": {"n": 1}})]


def test_a_record_changed_in_place_is_written_back_and_found_by_where(tmp_path: Path) -> None:
    """Families change the dicts they looked up, as if the cloud were in memory; ``where`` must see them
    before they are written."""
    store = Store(tmp_path / "state.db")
    with store.transaction() as cloud:
        for id in ("a", "b", "c"):
            cloud.put("t", id, "1", "r", {"vpc_id": "vpc-1", "name": id})
    with store.transaction() as cloud:
        record = cloud.get("t", "b")
        assert record is not None
        record["attributes"]["vpc_id"] = "vpc-2"
        assert [id for id, _ in cloud.records("t", vpc_id="vpc-1")] == ["a", "c"]
        assert [id for id, _ in cloud.records("t", vpc_id="vpc-2", name="b")] == ["b"]
        cloud.changed = True
    with store.snapshot() as cloud:
        assert [id for id, _ in cloud.records("t", vpc_id="vpc-2")] == ["b"]
        assert cloud.types() == ["t"] and cloud.count() == 3


def test_a_hand_edit_with_the_sqlite3_shell_is_found_by_where(tmp_path: Path) -> None:
    """The index of attribute values follows edits made outside the emulator (drift, as the docs show)."""
    store = Store(tmp_path / "state.db")
    with store.transaction() as cloud:
        cloud.put("t", "a", "1", "r", {"vpc_id": "vpc-1", "n": 1})
    with contextlib.closing(sqlite3.connect(store.path)) as edited:
        edited.execute("UPDATE objects SET attributes = json_set(attributes, '$.vpc_id', 'vpc-9') WHERE id = 'a'")
        edited.commit()
    with store.snapshot() as cloud:
        assert cloud.records("t", vpc_id="vpc-1") == []
        assert [id for id, _ in cloud.records("t", vpc_id="vpc-9", n=1)] == ["a"]
    with store.transaction() as cloud:
        cloud.rename("a", "b")
        cloud.remove("t", "x")
    with store.snapshot() as cloud:
        assert [id for id, _ in cloud.records("t", vpc_id="vpc-9")] == ["b"]


def test_a_new_id_is_in_no_other_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    letters = iter("aab")
    monkeypatch.setattr("secrets.choice", lambda _: next(letters))
    with Store(tmp_path / "state.db").transaction() as cloud:
        cloud.put("t", "cen-x:tr-a", "1", "r", {})
        assert cloud.new_id("tr-", 1) == "tr-b"  # tr-a is part of cen-x:tr-a


@pytest.mark.parametrize(
    ("content", "problem", "ours"),
    [
        (b"", "is empty", False),
        (b'{"format": "constructs-vpn-emulator/1", "objects": {}}', "the JSON state of an earlier version", True),
        (b"not a database at all", "not an SQLite database", False),
        (b"SQLite format 3\0" + bytes(range(256)) * 8, "is damaged", False),
    ],
)
def test_a_damaged_file_is_reported_with_the_fix_and_left_alone(
    tmp_path: Path, content: bytes, problem: str, ours: bool
) -> None:
    """Only a file the emulator recognises as its state (here the JSON state of an earlier version) is replaced
    by ``reset``; the others are refused, the fix saying so."""
    store = Store(tmp_path / "state.db")
    store.path.write_bytes(content)
    for use in (store.transaction, store.snapshot):
        with pytest.raises(StateError, match=problem) as raised, use():
            pass
        assert str(store.path) in str(raised.value) and "emulator reset" in str(raised.value)
        assert ("replaces only a file it recognises" in str(raised.value)) is not ours
    assert store.path.read_bytes() == content
    if not ours:
        with pytest.raises(StateError, match=problem):
            store.reset()
        assert store.path.read_bytes() == content
        return
    assert store.reset() == 0
    with store.snapshot() as cloud:
        assert cloud.count() == 0


def test_a_foreign_database_or_record_is_not_read_as_a_cloud(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with contextlib.closing(sqlite3.connect(path)) as foreign:
        foreign.execute("CREATE TABLE notes (text TEXT)")
        foreign.commit()
    with pytest.raises(StateError, match="is not an emulator state file"), Store(path).snapshot():
        pass
    path.unlink()
    store = Store(path)
    with store.transaction() as cloud:
        cloud.put("t", "x", "1", "r", {})
    with contextlib.closing(sqlite3.connect(path)) as edited:  # a hand edit that broke the record
        with pytest.raises(sqlite3.OperationalError, match="malformed JSON"):  # the index cannot read it
            edited.execute("UPDATE objects SET attributes = '[1'")
        edited.execute("UPDATE objects SET attributes = '[1]'")
        edited.commit()
    with pytest.raises(StateError, match='"t" "x" needs'), store.snapshot() as cloud:
        cloud.get("t", "x")


# --- rules and faults -------------------------------------------------------------------------------


def test_psk_rules_and_generated_key() -> None:
    check_psk("Abc-123_~`!@#$%^&*()+={}[]\\|;:',.<>/?")
    for bad in ("", "k" * 101, "two words", "naïve"):
        with pytest.raises(ApiError, match=r"IllegalParam\.Psk") as caught:
            check_psk(bad)
        assert bad not in caught.value.message or not bad
    key = generate_psk()
    assert len(key) == 16 and key.isalnum()
    check_psk(key)


@pytest.mark.parametrize(
    ("bgp", "code"),
    [
        ({"enable": True, "tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.1"}, None),
        ({"enable": True}, "MissingParam.TunnelCidr"),
        ({"enable": True, "tunnel_cidr": "169.254.20.0/29"}, "IllegalParam.TunnelCidr"),
        ({"enable": True, "tunnel_cidr": "169.254.169.252/30"}, "IllegalParam.TunnelCidr"),
        ({"enable": True, "tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.0"}, "IllegalParam.LocalBgpIp"),
        ({"enable": False}, None),
    ],
)
def test_bgp_rules(bgp: dict[str, Any], code: str | None) -> None:
    if code is None:
        check_bgp(bgp, "BgpConfig", {})
    else:
        with pytest.raises(ApiError) as caught:
            check_bgp(bgp, "BgpConfig", {})
        assert caught.value.code == code


def test_several_cidrs_need_ikev2() -> None:
    check_subnets("10.0.0.0/24,10.0.1.0/24", "0.0.0.0/0", ["ikev2", "ikev2"])
    with pytest.raises(ApiError, match="MultiSubnetNeedIkev2"):
        check_subnets("10.0.0.0/24,10.0.1.0/24", "0.0.0.0/0", ["ikev2", "ikev1"])
    with pytest.raises(ApiError, match=r"IllegalParam\.RemoteSubnet"):
        check_subnets("10.0.0.0/24", "10.0.0.1/24", ["ikev2"])


def test_fault_rules() -> None:
    faults = parse_faults("Create*:fail@2; DeleteCen:slow=1.5;CreateVpnAttachment:fail=InternalError;X:crash")
    assert [(f.pattern, f.effect, f.argument, f.nth) for f in faults] == [
        ("Create*", "fail", None, 2),
        ("DeleteCen", "slow", "1.5", None),
        ("CreateVpnAttachment", "fail", "InternalError", None),
        ("X", "crash", None, None),
    ]
    assert faults[0].matches("CreateCen") and not faults[0].matches("DeleteCen")
    for bad in ("CreateCen", "CreateCen:explode", "CreateCen:slow=soon"):
        with pytest.raises(ValueError, match="CONSTRUCTS_VPN_EMULATOR_FAULTS"):
            parse_faults(bad)


# --- families ---------------------------------------------------------------------------------------


def test_ids_defaults_and_generated_psk() -> None:
    call = Call(Cloud.empty(), "1234567890123456", "cn-hangzhou")
    cen = RESOURCES["alicloud_cen_instance"].create(call, {"cen_instance_name": "c"})
    tr = RESOURCES["alicloud_cen_transit_router"].create(call, {"cen_id": cen["id"]})
    cgw = RESOURCES["alicloud_vpn_customer_gateway"].create(call, {"ip_address": "203.0.113.1"})
    vpn = RESOURCES[VPN].create(
        call, {"customer_gateway_id": cgw["id"], "local_subnet": "0.0.0.0/0", "remote_subnet": "0.0.0.0/0"}
    )
    assert re.fullmatch(r"cen-[a-z0-9]{18}", cen["id"])
    assert (
        re.fullmatch(r"tr-bp1[a-z0-9]{17}", tr["transit_router_id"])
        and tr["id"] == f"{cen['id']}:{tr['transit_router_id']}"
    )
    assert re.fullmatch(r"cgw-bp1[a-z0-9]{18}", cgw["id"]) and re.fullmatch(r"vco-bp1[a-z0-9]{18}", vpn["id"])
    ike = vpn["ike_config"][0]
    assert len(ike["psk"]) == 16 and ike["ike_version"] == "ikev1" and ike["remote_id"] == "203.0.113.1"
    assert vpn["network_type"] == "public" and vpn["ipsec_config"][0]["ipsec_lifetime"] == 86400
    tables = DATA_SOURCES["alicloud_cen_transit_router_route_tables"].read(
        call, {"transit_router_id": tr["transit_router_id"], "transit_router_route_table_type": "System"}
    )
    assert [t["transit_router_route_table_type"] for t in tables["tables"]] == ["System"]
    assert re.fullmatch(r"vtb-bp1[a-z0-9]{18}", tables["tables"][0]["id"])
    with pytest.raises(ApiError, match="HasTransitRouter"):
        RESOURCES["alicloud_cen_instance"].delete(call, cen["id"])


# --- command line -----------------------------------------------------------------------------------


def test_setup_show_and_reset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["emulator", "setup", str(tmp_path / "emu")]) == 0
    exports = capsys.readouterr().out.splitlines()
    installation = install(tmp_path / "emu")
    assert exports == installation.export_lines()
    assert exports[:3] == [
        f"export TF_CLI_CONFIG_FILE={tmp_path}/emu/terraform.rc",
        f"export {STATE_ENV}={tmp_path}/emu/state.db",
        "export CHECKPOINT_DISABLE=1",
    ]
    launcher = installation.launcher
    assert launcher.parent.parent.name == "1.289.0" and os.access(launcher, os.X_OK)
    assert launcher.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    assert f'path    = "{tmp_path}/emu/mirror"' in installation.cli_config.read_text(encoding="utf-8")

    store = Store(installation.state)
    with store.transaction() as cloud:
        cloud.put("alicloud_cen_instance", "cen-1", "1", "cn-hangzhou", {"id": "cen-1"})
    monkeypatch.setenv(STATE_ENV, str(installation.state))
    assert main(["emulator", "show"]) == 0
    assert "alicloud_cen_instance  cen-1" in capsys.readouterr().out
    assert main(["emulator", "reset"]) == 0
    assert "Cleared 1 object(s)" in capsys.readouterr().out
    assert cloud_objects(installation.state) == {}


def test_setup_without_the_emulator_extra_fails_with_the_pip_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tf" else real(name, *a))
    assert main(["emulator", "setup", str(tmp_path / "emu")]) == 1
    error = capsys.readouterr().err
    assert "-m pip install 'constructs-vpn[emulator]'" in error and "Traceback" not in error
    assert not (tmp_path / "emu").exists()


def test_setup_given_a_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    assert main(["emulator", "setup", str(file)]) == 1
    assert capsys.readouterr().err == (
        f"error: emulator setup: {file} is a file; give a folder to install the emulator in (new or existing), "
        "e.g. ~/.alicloud-emulator\n"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "is empty"),
        ("[]", "is not an emulator state file, not an SQLite database"),
        ('{"format": "constructs-vpn-emulator/1", "objects": {}}', "the JSON state of an earlier version"),
    ],
)
def test_show_on_a_damaged_state_names_the_file_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    state = tmp_path / "state.db"
    state.write_text(content, encoding="utf-8")
    assert main(["emulator", "show", "--state", str(state)]) == 1
    error = capsys.readouterr().err
    assert str(state) in error and problem in error and "`constructs-vpn emulator reset`" in error
    assert state.read_text(encoding="utf-8") == content


def _adopting_stack(directory: Path) -> Path:
    from constructs_vpn.core import App
    from stacks.adopt_existing import AdoptExistingStack

    app = App(outdir=directory)
    AdoptExistingStack(app, "adopt-existing")
    app.synth()
    return directory / "stacks" / "adopt-existing"


def test_seed_creates_the_imported_objects_with_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = _adopting_stack(tmp_path / "out")
    state = tmp_path / "state.db"
    monkeypatch.delenv("TF_VAR_psk", raising=False)
    assert main(["emulator", "seed", str(stack), "--state", str(state)]) == 1
    assert "needs variable psk: set TF_VAR_psk" in capsys.readouterr().err
    monkeypatch.setenv("TF_VAR_psk", "Example-Key-1")
    assert main(["emulator", "seed", str(stack), "--state", str(state)]) == 0
    assert capsys.readouterr().out.endswith(f"Seeded 7 object(s) into {state}\n")
    document = json.loads((stack / "cdk.tf.json").read_text(encoding="utf-8"))
    objects = cloud_objects(state)
    for entry in document["import"]:
        type_name = entry["to"].split(".")[0]
        wanted = entry["id"].split(":")[0]
        assert any(id.startswith(wanted) for id in objects[type_name]), entry
    assert objects[VPN]["vco-bp15oes1py4i66rmd58zp"]["attributes"]["ike_config"][0]["psk"] == "Example-Key-1"
    assert main(["emulator", "seed", str(stack), "--state", str(state)]) == 1
    assert "is in the emulated cloud already" in capsys.readouterr().err
    assert main(["emulator", "seed", str(tmp_path), "--state", str(state)]) == 1
    assert "holds no cdk.tf.json" in capsys.readouterr().err
