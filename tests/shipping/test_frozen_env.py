"""Programs the Linux bundle starts get the user's LD_LIBRARY_PATH, not the bundle's."""

from __future__ import annotations

from shopdesk.frozen_env import restore_library_path


def test_the_users_path_comes_back_in_a_frozen_linux_bundle():
    env = {"LD_LIBRARY_PATH": "/opt/shopdesk/_internal:/usr/local/lib",
           "LD_LIBRARY_PATH_ORIG": "/usr/local/lib", "HOME": "/home/x"}
    restore_library_path(env, frozen=True, platform="linux")
    assert env == {"LD_LIBRARY_PATH": "/usr/local/lib", "HOME": "/home/x"}


def test_a_user_without_one_gets_none():
    env = {"LD_LIBRARY_PATH": "/opt/shopdesk/_internal"}
    restore_library_path(env, frozen=True, platform="linux")
    assert env == {}


def test_a_dev_install_and_other_systems_are_left_alone():
    env = {"LD_LIBRARY_PATH": "/x", "LD_LIBRARY_PATH_ORIG": "/y"}
    for frozen, platform in ((False, "linux"), (True, "win32"), (True, "darwin")):
        restore_library_path(env, frozen=frozen, platform=platform)
        assert env == {"LD_LIBRARY_PATH": "/x", "LD_LIBRARY_PATH_ORIG": "/y"}
