"""`shopdesk policy set KEY=VALUE` on a preset stores a custom policy, as the dialog does."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home")}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def test_policy_set_on_a_preset_names_it_custom(cli):
    code, out, err = cli("policy", "set", "caps.per_day=1")
    assert code == 0, err
    assert out.startswith("自定义 / Custom (custom)\n")
    policy = json.loads(cli("policy", "show", "--json")[1])["policy"]
    assert (policy["name"], policy["label_zh"], policy["label_en"]) == (
        "custom", "自定义", "Custom")
    assert policy["caps"]["per_day"] == 1


def test_policy_set_preset_keeps_the_presets_name(cli):
    cli("policy", "set", "caps.per_day=1")
    code, out, _ = cli("policy", "set", "--preset", "taobao_safe")
    assert code == 0 and "(taobao_safe)" in out.splitlines()[0]
    assert json.loads(cli("policy", "show", "--json")[1])["policy"]["name"] == "taobao_safe"
