"""Run by ``cdktf synth`` / ``constructs-vpn synth`` through cdktf.json."""

from . import build_app

build_app().run()
