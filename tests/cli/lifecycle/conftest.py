"""The emulator installation of tests/emulator, shared by the lifecycle tests that run real terraform."""

from tests.emulator.conftest import emulator_env

__all__ = ["emulator_env"]
