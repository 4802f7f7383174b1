"""Re-extract the provider's acceptance-test configurations (``tests/emulator/acceptance``) from the Go tests
of ``aliyun/terraform-provider-alicloud`` (``alicloud/resource_<type>_test.go``) for every type the emulator
serves.

Dev-only (a maintainer runs it when the pinned provider moves; nothing imports it at run time)::

    python -m tools.acceptance.extract --source PROVIDER_GIT_DIR [--ref REF] [--check]

Each ``TestAcc*`` function becomes one scenario folder, ``<type>/<test>/``, holding a ``manifest.json`` (the
provider commit, the Go file and test, its steps) and one ``step-NN.tf`` per configuration step. Steps are
evaluated as the SDK's test helpers build them: ``fmt.Sprintf`` templates with the test's variables (random
numbers fixed to the bottom of their range), and ``resourceTestAccConfigFunc`` maps merged step by step and
rendered as ``valueConvert`` renders them (keys sorted here, where Go's order is random). Import steps keep
their ``ImportStateVerifyIgnore`` list; a step expecting an error keeps its pattern. What cannot be evaluated
mechanically (an expression this reader does not know, a type the emulator does not serve) is recorded as skipped
with the reason, never dropped; a step that fails makes every later one skipped too, since the SDK's config maps carry
over from step to step. Only configuration data is copied, never Go code.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.provider_schema.goliteral import Call, Composite, Expr, Ident, Parser, Sum

OUT_DIR = Path(__file__).resolve().parents[2] / "tests" / "emulator" / "acceptance"
REPOSITORY = "aliyun/terraform-provider-alicloud"
#: The region the replayed configurations run in (``defaultRegionToTest``, ``ALICLOUD_REGION``).
REGION = "cn-hangzhou"
#: The SDK test helpers' sentinels for a key removed from (or emptied in) the config map.
SENTINELS = {"REMOVEKEY": "#REMOVEKEY", "CLEARLIST": "#CLEARLIST", "CLEARMAP": "#CLEARMAP"}
#: The two accounts' access keys of the cross-account tests (cen_cross_account_common_test.go reads them from
#: the profiles TerraformUT, account A, and TerraformTest, account B, at run time): stand-ins, from which the
#: emulator derives one account per key.
CROSS_ACCOUNT_KEYS = {
    "utAK": "emulated-TerraformUT-access-key",
    "utSK": "emulated-TerraformUT-secret-key",
    "testAK": "emulated-TerraformTest-access-key",
    "testSK": "emulated-TerraformTest-secret-key",
}
_CONSTANTS: dict[str, Any] = {
    "defaultRegionToTest": REGION,
    "sharedCENCrossAccountCreds": CROSS_ACCOUNT_KEYS,
    **SENTINELS,
}
_TYPE = re.compile(r'^\s*(resource|data)\s+"(alicloud_[a-z0-9_]+)"', re.M)


class UnsupportedError(Exception):
    """A Go construct this reader does not evaluate; the reason recorded for a skipped step."""


@dataclass
class Function:
    params: list[str]
    body: str


@dataclass
class ConfigFunc:
    """``resourceTestAccConfigFunc(resourceId, name, dependence)``: the merged attribute map of the steps."""

    resource_id: str
    name: str
    dependence: Any
    attributes: dict[str, Any] = field(default_factory=dict)


def go_format(template: str, args: list[Any]) -> str:
    """``fmt.Sprintf`` for the verbs the tests use (``%s %d %v %q %%``, ``%[n]s``)."""
    position = 0

    def verb(match: re.Match[str]) -> str:
        nonlocal position
        if match.group() == "%%":
            return "%"
        if match.group("index"):
            position = int(match.group("index")) - 1
        if position >= len(args):
            raise UnsupportedError(f"fmt.Sprintf has too few arguments for {template[:60]!r}")
        value = args[position]
        position += 1
        if match.group("verb") == "q":
            return json.dumps(str(value))
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return re.sub(r"%%|%(?:\[(?P<index>\d+)\])?[-+# 0]*\d*(?P<verb>[sdvq])", verb, template)


def hcl_value(value: Any, indent: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        pad = " " * (indent + 2)
        return "[\n" + ",\n".join(pad + hcl_value(v, indent + 2) for v in value) + "\n" + " " * indent + "]"
    if isinstance(value, dict):
        return hcl_body(value, indent)
    raise UnsupportedError(f"cannot render {value!r} as HCL")


def hcl_body(attributes: dict[str, Any], indent: int) -> str:
    """A map as the SDK's ``mapValue`` writes it: a list of maps as repeated blocks, the rest as ``k = v``."""
    lines: list[str] = []
    for key in sorted(attributes):
        value = attributes[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.extend(" " * (indent + 2) + f"{key} " + hcl_body(item, indent + 2) for item in value)
        else:
            lines.append(" " * (indent + 2) + f"{key} = " + hcl_value(value, indent + 2))
    return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"


class GoSource:
    """The functions of the provider's test package, read on demand from ``git show``."""

    def __init__(self, git_dir: Path, ref: str) -> None:
        self.git_dir = git_dir
        self.ref = ref
        self.functions: dict[str, Function] = {}
        self.variables: dict[str, str] = {}

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], check=True, capture_output=True, text=True
        ).stdout

    def read(self, path: str) -> str:
        text = self.git("show", f"{self.ref}:{path}")
        for match in re.finditer(r"^func (\w+)\(([^)]*)\)[^{\n]*\{", text, re.M):
            body = _balanced(text, match.end() - 1)
            params = [p.strip().split()[0] for p in match.group(2).split(",") if p.strip()]
            self.functions.setdefault(match.group(1), Function(params, body))
        for match in re.finditer(r"^(?:var|const) (\w+)\s*=\s*", text, re.M):
            self.variables.setdefault(match.group(1), text[match.end() : match.end() + 20000])
        return text

    def function(self, name: str) -> Function:
        if name not in self.functions:
            found = self.git("grep", "-l", f"^func {name}(", self.ref, "--", "alicloud/").split()
            for hit in found[:1]:
                self.read(hit.split(":", 1)[1])
        if name not in self.functions:
            raise UnsupportedError(f"no function {name} in the provider's tests")
        return self.functions[name]


def _balanced(text: str, start: int) -> str:
    """The text inside the braces opening at ``start`` (strings and comments skipped)."""
    parser = Parser(text[start:])
    parser.skip_balanced("{", "}")
    return text[start + 1 : start + parser.peek(-1)[2]]


class Evaluator:
    """Evaluates the expressions of one Go function body (``name := expr`` bindings, looked up lazily)."""

    def __init__(self, source: GoSource, body: str, bound: dict[str, Any] | None = None) -> None:
        self.source = source
        self.body = body
        self.values: dict[str, Any] = dict(bound or {})

    def binding(self, name: str) -> Any:
        if name in self.values:
            return self.values[name]
        head, _, member = name.partition(".")
        if member:  # a field of a struct value (``creds.testAK``): of the stand-in structs only
            try:
                value = self.binding(head)
            except UnsupportedError:
                value = None
            if isinstance(value, dict) and member in value:
                return value[member]
        matches = list(re.finditer(rf"(?:^|\n)\s*(?:var\s+)?{name}\s*(?::=|=)\s*", self.body))
        if matches:
            expression = Parser(self.body[matches[0].end() :]).expression()
        elif name in _CONSTANTS:
            return _CONSTANTS[name]
        elif name in self.source.variables:
            expression = Parser(self.source.variables[name]).expression()
        else:
            raise UnsupportedError(f"unknown identifier {name}")
        self.values[name] = self.eval(expression)
        return self.values[name]

    def eval(self, node: Any) -> Any:
        if node is None or isinstance(node, str | int | bool):
            return node
        if isinstance(node, Ident):
            return self.binding(node.name)
        if isinstance(node, Sum):
            return "".join(str(self.eval(term)) for term in node.terms)
        if isinstance(node, Expr):
            raise UnsupportedError(f"expression {node.text[:80]!r}")
        if isinstance(node, Call):
            return self.call(node.name, node.args)
        if isinstance(node, Composite):
            if node.fields and node.type and not node.type.startswith("map"):
                return node  # a struct (a test step): its fields are read one by one
            if node.fields:
                return {key: self.eval(value) for key, value in node.fields.items()}
            if node.type.startswith("map"):
                return {}
            return [self.eval(item) for item in node.items]
        raise UnsupportedError(f"cannot evaluate {node!r}")

    def call(self, name: str, args: list[Any]) -> Any:
        simple: dict[str, Callable[[list[Any]], Any]] = {
            "fmt.Sprintf": lambda a: go_format(str(a[0]), a[1:]),
            "fmt.Sprint": lambda a: "".join(str(x) for x in a),
            "strconv.Itoa": lambda a: str(a[0]),
            "acctest.RandIntRange": lambda a: a[0],
            "getAccTestRandInt": lambda a: a[0],
            "acctest.RandInt": lambda a: 10000,
            "acctest.RandString": lambda a: ("tfacc" * 8)[: a[0]],
            "acctest.RandStringFromCharSet": lambda a: ("tfacc" * 8)[: a[0]],
            "strings.ToLower": lambda a: str(a[0]).lower(),
            "os.Getenv": self._getenv,
        }
        if name in simple:
            return simple[name]([self.eval(a) for a in args])
        if name == "resourceTestAccConfigFunc":
            resource_id, config_name = self.eval(args[0]), self.eval(args[1])
            if not isinstance(args[2], Ident):
                raise UnsupportedError("resourceTestAccConfigFunc with an inline dependence")
            return ConfigFunc(resource_id, config_name, args[2].name)
        if "." not in name and name in self.values and isinstance(self.values[name], ConfigFunc):
            return self.render(self.values[name], self.eval(args[0]) if args else {})
        if "." not in name:
            try:
                bound = self.binding(name)
            except UnsupportedError:
                bound = None
            if isinstance(bound, ConfigFunc):
                return self.render(bound, self.eval(args[0]) if args else {})
            function = self.source.function(name)
            values = dict(zip(function.params, (self.eval(a) for a in args), strict=False))
            return Evaluator(self.source, function.body, values).returned()
        raise UnsupportedError(f"call of {name}")

    @staticmethod
    def _getenv(args: list[Any]) -> str:
        if args[0] in ("ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"):
            return REGION
        raise UnsupportedError(f"os.Getenv({args[0]!r})")

    def returned(self) -> Any:
        match = re.search(r"(?:^|\n)\s*return\s", self.body)
        if match is None or re.search(r"(?:^|\n)\s*(?:if|for|switch)\s", self.body[: match.start()]):
            raise UnsupportedError("a function body other than bindings and one return")
        return self.eval(Parser(self.body[match.end() :]).expression())

    def render(self, config: ConfigFunc, changes: Any) -> str:
        """One step of ``configBuild``: the merged map after the dependence's configuration."""
        merged = dict(config.attributes)
        for key, value in changes.items():
            merged.pop(key, None)
            if value == SENTINELS["CLEARMAP"]:
                merged[key] = {}
            elif value == SENTINELS["CLEARLIST"]:
                merged[key] = []
            elif value != SENTINELS["REMOVEKEY"]:
                merged[key] = value
        config.attributes = merged
        if config.resource_id.startswith("data."):
            raise UnsupportedError("a data source's config map")
        type_name, name = config.resource_id.split(".")[:2]  # type.name, or type.name.N: an instance of count
        dependence = self.call(config.dependence, [config.name])
        return f'{dependence}\n\nresource "{type_name}" "{name}" {hcl_body(merged, 0)}\n'


def _field(step: Composite, name: str) -> Any:
    return step.fields.get(name)


def extract_test(source: GoSource, body: str, served: set[str]) -> dict[str, Any]:
    """The steps of one test: configurations (HCL text under ``"hcl"``), imports, and skipped steps."""
    evaluator = Evaluator(source, body)
    match = re.search(r"resource\.(?:Parallel)?Test\(\s*t\s*,\s*", body)
    if match is None:
        return {"skipped": "no resource.Test call", "steps": []}
    try:
        case = Parser(body[match.end() :]).expression()
    except ValueError as error:
        return {"skipped": f"the test case cannot be read: {error}", "steps": []}
    steps_literal = case.fields.get("Steps") if isinstance(case, Composite) else None
    if not isinstance(steps_literal, Composite):
        return {"skipped": "the test's Steps are not a literal", "steps": []}
    steps: list[dict[str, Any]] = []
    failed: str | None = None
    for number, step in enumerate(steps_literal.items, 1):
        if failed is not None:
            steps.append({"step": number, "skipped": f"follows step {failed}"})
            continue
        try:
            steps.append({"step": number, **_step(evaluator, step)})
        except UnsupportedError as error:
            steps.append({"step": number, "skipped": str(error)})
            failed = f"{number}, which was not extracted"
    configs = [s["hcl"] for s in steps if "hcl" in s]
    missing = sorted({t for hcl in configs for _, t in _TYPE.findall(hcl)} - served)
    result: dict[str, Any] = {"steps": steps}
    if not configs:
        result["skipped"] = "no configuration step could be extracted"
    elif missing:
        result["skipped"] = f"needs types the emulator does not serve: {', '.join(missing)}"
    return result


def _step(evaluator: Evaluator, step: Any) -> dict[str, Any]:
    if not isinstance(step, Composite):
        raise UnsupportedError("a step that is not a TestStep literal")
    expected = _field(step, "ExpectError")
    if expected is not None and not (isinstance(expected, Call) and expected.name == "regexp.MustCompile"):
        raise UnsupportedError("the step expects an error not given as regexp.MustCompile")
    for unsupported in ("PlanOnly", "SkipFunc", "ImportStateIdFunc", "ImportStateCheck", "Destroy"):
        if _field(step, unsupported) is not None:
            raise UnsupportedError(f"the step uses {unsupported}")
    if _field(step, "ImportState") is True:
        ignore = evaluator.eval(_field(step, "ImportStateVerifyIgnore")) or []
        return {
            "import": evaluator.eval(_field(step, "ResourceName")),
            "verify": _field(step, "ImportStateVerify") is True,
            "ignore": sorted(ignore),
        }
    config = _field(step, "Config")
    if config is None:
        raise UnsupportedError("a step with neither Config nor ImportState")
    hcl = evaluator.eval(config)
    if not isinstance(hcl, str):
        raise UnsupportedError("a Config that is not a string")
    if expected is not None:
        return {"hcl": hcl, "expect_error": str(evaluator.eval(expected.args[0]))}
    return {"hcl": hcl, "expect_non_empty_plan": _field(step, "ExpectNonEmptyPlan") is True}


def extract(git_dir: Path, ref: str, types: list[str]) -> dict[str, dict[str, Any]]:
    """Scenario folder name -> manifest (the configurations still inline under ``"hcl"``)."""
    source = GoSource(git_dir, ref)
    commit = source.git("rev-parse", ref).strip()
    describe = source.git("describe", "--tags", commit).strip()
    scenarios: dict[str, dict[str, Any]] = {}
    served = set(types) | set(_data_sources())
    for type_name in types:
        path = f"alicloud/resource_{type_name}_test.go"
        text = source.read(path)
        for match in re.finditer(r"^func (TestAcc\w+)\(t \*testing\.T\)\s*\{", text, re.M):
            body = _balanced(text, match.end() - 1)
            scenarios[f"{type_name}/{match.group(1)}"] = {
                "provider": {"repository": REPOSITORY, "commit": commit, "version": describe},
                "source": path,
                "test": match.group(1),
                "type": type_name,
                **extract_test(source, body, served),
            }
    return scenarios


def _data_sources() -> list[str]:
    from constructs_vpn.emulator.families import DATA_SOURCES

    return list(DATA_SOURCES)


def write(scenarios: dict[str, dict[str, Any]], out_dir: Path) -> None:
    """Replace ``out_dir`` with one folder per scenario (``manifest.json`` and its ``step-NN.tf`` files)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for folder, manifest in sorted(scenarios.items()):
        directory = out_dir / folder
        directory.mkdir(parents=True)
        for step in manifest["steps"]:
            if "hcl" in step:
                name = f"step-{step['step']:02d}.tf"
                (directory / name).write_text(step.pop("hcl").rstrip() + "\n", encoding="utf-8")
                step["config"] = name
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="a clone (bare or not) of the provider")
    parser.add_argument("--ref", default="HEAD")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    from constructs_vpn.emulator.families import RESOURCES

    git_dir = args.source / ".git" if (args.source / ".git").exists() else args.source
    scenarios = extract(git_dir, args.ref, sorted(RESOURCES))
    write(scenarios, args.out)
    runnable = sum("skipped" not in m for m in scenarios.values())
    print(f"{len(scenarios)} scenarios, {runnable} runnable, written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
