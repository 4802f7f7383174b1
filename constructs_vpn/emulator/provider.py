"""The provider as the ``tf`` framework sees it: one resource class per family, a provider block, and a
servicer whose planning follows the SDK's rules (computed values unknown, ForceNew replaces, nested
blocks of every nesting mode)."""

from __future__ import annotations

import contextvars
import hashlib
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from . import _tf
from .errors import ApiError
from .families import DATA_SOURCES, RESOURCES, UNSERVED, Call, DataFamily, Family
from .faults import Fault, parse_faults
from .schema import TypeSpec, data_source_spec, provider_spec, resource_spec
from .store import StateError, Store
from .values import check_config, complete, merge_result, plan_create, plan_update, read_state, to_object

__all__ = ["DEFAULT_ACCOUNT", "DEFAULT_REGION", "AlicloudEmulator", "Emulator", "EmulatorServicer"]

log = logging.getLogger("constructs_vpn.emulator")
T = TypeVar("T")

#: The account of a provider block that names none (no ``account_id``, ``access_key`` or role).
DEFAULT_ACCOUNT = "1234567890123456"
#: The provider's own fallback region.
DEFAULT_REGION = "cn-beijing"
#: The configuration of the resource ApplyResourceChange is applying (tf's resource methods get the plan only).
_APPLY_CONFIG: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("apply_config", default=None)


def account_of(config: dict[str, Any]) -> str:
    """The account a provider block acts in: that of an assumed role, ``account_id`` (or the provider's
    ``ALICLOUD_ACCOUNT_ID``), one derived from ``access_key``, or :data:`DEFAULT_ACCOUNT`."""
    for role in config.get("assume_role") or []:
        parts = str(role.get("role_arn") or "").split(":")
        if len(parts) >= 4 and parts[3].isdigit():
            return parts[3]
    account_id = config.get("account_id") or os.environ.get("ALICLOUD_ACCOUNT_ID")
    if account_id:
        return str(account_id)
    access_key = config.get("access_key") or os.environ.get("ALICLOUD_ACCESS_KEY")
    if access_key:
        return str(10**15 + int(hashlib.sha256(str(access_key).encode()).hexdigest(), 16) % 10**15)
    return DEFAULT_ACCOUNT


class Emulator:
    """One provider process: where state lives, the faults to inject, and the caller's account and region."""

    def __init__(self, faults: tuple[Fault, ...] = (), problem: str | None = None) -> None:
        self.faults = faults
        #: Why this process cannot serve (a malformed fault specification), shown as a provider error.
        self.problem = problem
        self.account = DEFAULT_ACCOUNT
        self.region = os.environ.get("ALICLOUD_REGION") or os.environ.get("ALIBABA_CLOUD_REGION") or DEFAULT_REGION
        self.stopping = threading.Event()
        self._store: Store | None = None

    @staticmethod
    def from_env() -> Emulator:
        """The emulator the environment describes; a configuration problem is kept for the provider to
        report to Terraform, since exiting before the handshake would hide it behind "Failed to read any
        lines from plugin's stdout"."""
        try:
            return Emulator(parse_faults())
        except ValueError as error:
            return Emulator(problem=str(error))

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.from_env()
        return self._store

    def configure(self, config: dict[str, Any]) -> None:
        self.region = config.get("region") or self.region
        self.account = account_of(config)

    def _inject(self, action: str) -> None:
        faults = [f for f in self.faults if f.matches(action)]
        if not faults:
            return
        with self.store.transaction() as cloud:
            number = cloud.count_call(action)
        for fault in faults:
            if fault.nth is not None and fault.nth != number:
                continue
            if fault.effect == "slow":
                log.info("%s: injected delay of %ss", action, fault.seconds)
                if self.stopping.wait(fault.seconds):
                    raise ApiError("OperationAborted", f"{action} was cancelled: Terraform asked the provider to stop.")
            elif fault.effect == "crash":
                log.error("%s: injected crash (call %d)", action, number)
                os._exit(70)
            else:
                code = fault.argument or "Throttling.User"
                raise ApiError(code, f"Injected failure of call {number} of {action}: Request was denied.", 503)

    def invoke(
        self,
        diagnostics: Any,
        action: str,
        operation: Callable[[Call], T],
        *,
        writes: bool = True,
        config: dict[str, Any] | None = None,
    ) -> tuple[bool, T | None]:
        """Run one API call in a state transaction (a shared-lock snapshot for calls that only read); API
        errors become error diagnostics."""
        started = time.monotonic()
        try:
            self._inject(action)
            if writes:
                with self.store.transaction() as cloud:
                    result = operation(Call(cloud, self.account, self.region, config))
            else:
                with self.store.snapshot() as cloud:
                    result = operation(Call(cloud, self.account, self.region, config))
        except ApiError as error:
            log.info("%s failed: %s (%.0f ms)", action, error.code, 1000 * (time.monotonic() - started))
            diagnostics.add_error(error.summary(action), error.detail())
            return False, None
        except StateError as error:
            diagnostics.add_error("Emulator state unavailable", str(error))
            return False, None
        log.info("%s ok (%.0f ms)", action, 1000 * (time.monotonic() - started))
        return True, result


def _add_problems(diagnostics: Any, spec: TypeSpec, config: dict[str, Any] | None) -> None:
    for path, summary, detail in check_config(spec.block, config):
        diagnostics.add_error(summary, detail, path=path)


class _Served:
    """What resource and data source types share: their name and schema come from their family."""

    family: ClassVar[Family | DataFamily]

    def __init__(self, provider: AlicloudEmulator) -> None:
        self.emulator = provider.emulator

    @classmethod
    def get_name(cls) -> str:
        return cls.family.type_name.removeprefix("alicloud_")

    @classmethod
    def get_schema(cls) -> Any:
        return cls.family.spec.to_tf()

    def validate(self, diags: Any, type_name: str, config: dict[str, Any]) -> None:
        super().validate(diags, type_name, config)  # type: ignore[misc]
        _add_problems(diags, self.family.spec, config)


class EmulatedResource(_Served, _tf.ResourceBase):  # type: ignore[misc]
    """A resource type served from a :class:`Family`."""

    family: ClassVar[Family]

    def create(self, ctx: Any, planned: dict[str, Any]) -> dict[str, Any] | None:
        family = self.family
        ok, cloud = self.emulator.invoke(
            ctx.diagnostics,
            family.actions[0],
            lambda c: family.create(c, to_object(planned)),
            config=_APPLY_CONFIG.get(),
        )
        return merge_result(family.spec.block, planned, cloud) if ok and cloud is not None else None

    def read(self, ctx: Any, current: dict[str, Any]) -> dict[str, Any] | None:
        family = self.family
        ok, cloud = self.emulator.invoke(
            ctx.diagnostics, family.actions[1], lambda c: family.read(c, current["id"]), writes=False
        )
        if not ok:
            return current
        return None if cloud is None else read_state(family.spec.block, cloud, current)

    def update(self, ctx: Any, current: dict[str, Any], planned: dict[str, Any]) -> dict[str, Any] | None:
        family = self.family
        ok, cloud = self.emulator.invoke(
            ctx.diagnostics,
            family.actions[2],
            lambda c: family.update(c, current["id"], to_object(planned)),
            config=_APPLY_CONFIG.get(),
        )
        return merge_result(family.spec.block, planned, cloud) if ok and cloud is not None else current

    def delete(self, ctx: Any, current: dict[str, Any]) -> dict[str, Any] | None:
        family = self.family
        ok, _ = self.emulator.invoke(ctx.diagnostics, family.actions[3], lambda c: family.delete(c, current["id"]))
        return None if ok else current

    def import_(self, ctx: Any, id: str) -> dict[str, Any] | None:
        family = self.family
        ok, cloud = self.emulator.invoke(ctx.diagnostics, family.actions[1], lambda c: family.read(c, id), writes=False)
        if ok and cloud is None:
            ctx.diagnostics.add_error(
                "Cannot import non-existent remote object", f"{family.type_name} {id} does not exist in the emulator."
            )
        return read_state(family.spec.block, cloud, None) if cloud is not None else None


class EmulatedDataSource(_Served, _tf.DataSourceBase):  # type: ignore[misc]
    """A data source type served from a :class:`DataFamily`."""

    family: ClassVar[DataFamily]

    def read(self, ctx: Any, config: dict[str, Any]) -> dict[str, Any] | None:
        family = self.family
        ok, state = self.emulator.invoke(
            ctx.diagnostics, family.action, lambda c: family.read(c, dict(config)), writes=False
        )
        return complete(family.spec.block, state) if ok and state is not None else None


class _Unserved:
    """A pinned type the emulator declares (its schema is the pinned one, so ``get`` against the emulator writes
    the same bindings as against the real provider) but does not emulate: validating a configuration that uses
    it fails with a message that blames the emulator, not the provider."""

    type_name: ClassVar[str]
    kind: ClassVar[str]

    def __init__(self, provider: AlicloudEmulator) -> None:
        self.emulator = provider.emulator

    @classmethod
    def get_name(cls) -> str:
        return cls.type_name.removeprefix("alicloud_")

    @classmethod
    def get_schema(cls) -> Any:
        spec = resource_spec if cls.kind == "resource" else data_source_spec
        return spec(cls.type_name).to_tf()

    def validate(self, diags: Any, type_name: str, config: dict[str, Any]) -> None:
        self.refuse(diags)

    def refuse(self, diags: Any) -> None:
        noun = "resource" if self.kind == "resource" else "data source"
        diags.add_error(
            f"The constructs-vpn emulator does not serve the {noun} {self.type_name}",
            f"`constructs-vpn emulator` declares every type the package pins but does not emulate {self.type_name} "
            "yet; the real aliyun/alicloud provider does support it. Plan this stack against the real provider "
            "(a shell without the exports of `constructs-vpn emulator setup`), or leave the type out to try the "
            "rest against the emulator.",
        )


class UnservedResource(_Unserved, _tf.ResourceBase):  # type: ignore[misc]
    """Terraform validates before any other call; the operations refuse too, for a client that does not."""

    kind = "resource"

    def create(self, ctx: Any, planned: dict[str, Any]) -> None:
        self.refuse(ctx.diagnostics)

    def read(self, ctx: Any, current: dict[str, Any]) -> dict[str, Any]:
        self.refuse(ctx.diagnostics)
        return current

    def update(self, ctx: Any, current: dict[str, Any], planned: dict[str, Any]) -> dict[str, Any]:
        self.refuse(ctx.diagnostics)
        return current

    def delete(self, ctx: Any, current: dict[str, Any]) -> dict[str, Any]:
        self.refuse(ctx.diagnostics)
        return current


class UnservedDataSource(_Unserved, _tf.DataSourceBase):  # type: ignore[misc]
    kind = "data_source"

    def read(self, ctx: Any, config: dict[str, Any]) -> None:
        self.refuse(ctx.diagnostics)


def unserved_classes(kind: str, type_names: tuple[str, ...]) -> list[type[_Unserved]]:
    """Declared-but-refusing classes for pinned types without a family (none while every type is served; a
    type pinned later is declared, and names the emulator, until it gets one)."""
    base = UnservedResource if kind == "resource" else UnservedDataSource
    return [type(_class_name(t), (base,), {"type_name": t}) for t in type_names]


def _class_name(type_name: str) -> str:
    return "".join(part.title() for part in type_name.split("_"))


class AlicloudEmulator(_tf.ProviderBase):  # type: ignore[misc]
    """``registry.terraform.io/aliyun/alicloud``, emulated."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self._resources = [
            type(_class_name(t), (EmulatedResource,), {"family": f}) for t, f in sorted(RESOURCES.items())
        ] + unserved_classes("resource", UNSERVED["resource"])
        self._data_sources = [
            type(_class_name(t), (EmulatedDataSource,), {"family": f}) for t, f in sorted(DATA_SOURCES.items())
        ] + unserved_classes("data_source", UNSERVED["data_source"])

    def get_model_prefix(self) -> str:
        return "alicloud_"

    def full_name(self) -> str:
        return "registry.terraform.io/aliyun/alicloud"

    def get_provider_schema(self, diags: Any) -> Any:
        return provider_spec().to_tf()

    def validate_config(self, diags: Any, config: dict[str, Any]) -> None:
        if self.emulator.problem:
            diags.add_error("The alicloud emulator cannot start", self.emulator.problem)
        _add_problems(diags, provider_spec(), config)

    def configure_provider(self, diags: Any, config: dict[str, Any]) -> None:
        if self.emulator.problem:
            diags.add_error("The alicloud emulator cannot start", self.emulator.problem)
        self.emulator.configure(config)

    def get_resources(self) -> list[type]:
        return list(self._resources)

    def get_data_sources(self) -> list[type]:
        return list(self._data_sources)


class EmulatorServicer(_tf.ProviderServicer):  # type: ignore[misc]
    """tf's servicer, with SDK-faithful planning and a stop request that cancels waits instead of the server."""

    def __init__(self, app: AlicloudEmulator) -> None:
        super().__init__(app)
        self.emulator = app.emulator

    def PlanResourceChange(self, request: Any, context: Any) -> Any:
        try:
            return self._plan(request)
        except Exception:
            traceback.print_exc()
            raise

    def _plan(self, request: Any) -> Any:
        response = _tf.pb.PlanResourceChange.Response
        family = RESOURCES.get(request.type_name)
        diagnostics = _tf.Diagnostics()
        if family is None:
            diagnostics.add_error(f"Unknown resource type {request.type_name}")
            return response(diagnostics=diagnostics.to_pb())
        prior = _tf.read_dynamic_value(request.prior_state)
        proposed = _tf.read_dynamic_value(request.proposed_new_state)
        block = family.spec.block
        if proposed is None:  # destroy
            return response(planned_state=_tf.to_dynamic_value(None), legacy_type_system=True)
        if prior is None:
            return response(planned_state=_tf.to_dynamic_value(plan_create(block, proposed)), legacy_type_system=True)
        planned, replace = plan_update(block, prior, proposed)
        return response(
            planned_state=_tf.to_dynamic_value(planned),
            requires_replace=[_tf.attribute_path([name]) for name in replace],
            legacy_type_system=True,
        )

    def ApplyResourceChange(self, request: Any, context: Any) -> Any:
        # Like the real provider (SDK v1), the emulator speaks the legacy type system: Terraform then accepts
        # an Optional+Computed block that the plan leaves empty and the API fills in (ike_config and the
        # tunnel_*_config blocks), logging the difference instead of failing the apply.
        token = _APPLY_CONFIG.set(_tf.read_dynamic_value(request.config))
        try:
            response = super().ApplyResourceChange(request, context)
        finally:
            _APPLY_CONFIG.reset(token)
        response.legacy_type_system = True
        return response

    def StopProvider(self, request: Any, context: Any) -> Any:
        log.info("StopProvider: cancelling waits")
        self.emulator.stopping.set()
        return _tf.pb.StopProvider.Response()
