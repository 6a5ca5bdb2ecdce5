"""`shopdesk staff ...`: the staff list (add, list, deactivate) and staff PINs, as in the
window's Settings → Staff. Registered by shopdesk.cli (add_staff_parsers + STAFF_HANDLERS);
no Qt imported.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.text import list_sep, parens, pick
from ..services.register import Register
from ..services.serialize import SCHEMA_VERSION
from .common import actor_name, cli_lang, emit_json, guarded

_OPTION_OF = {"name": "NAME", "pin": "--set", "old_pin": "--old-pin", "staff": "--staff",
              "actor": "--as", "reason": "--reason"}


def add_staff_parsers(sub: argparse._SubParsersAction) -> None:
    """The `staff` subcommand and its actions."""
    staff = sub.add_parser("staff", help="the staff list and staff PINs")
    tsub = staff.add_subparsers(dest="staff_command", required=True)
    add = tsub.add_parser("add", help="add a staff member (or bring back a deactivated one)")
    add.add_argument("name", metavar="NAME")
    ls = tsub.add_parser("list", help="the staff who can be chosen as operator")
    ls.add_argument("--all", action="store_true", help="deactivated staff too")
    ls.add_argument("--json", action="store_true")
    off = tsub.add_parser("deactivate",
                          help="take NAME off the operator list (their history keeps the name)")
    off.add_argument("name", metavar="NAME")

    pin = tsub.add_parser("pin", help="set or clear a staff member's 4-digit PIN")
    pin.add_argument("--staff", required=True)
    which = pin.add_mutually_exclusive_group(required=True)
    which.add_argument("--set", dest="new_pin", metavar="PIN")
    which.add_argument("--clear", action="store_true")
    which.add_argument("--reset", action="store_true",
                       help="remove a forgotten PIN without it (needs --reason; audited)")
    pin.add_argument("--old-pin", help="the current PIN (needed to change or clear one)")
    pin.add_argument("--reason", help="why a forgotten PIN is reset (kept in the audit trail)")


def _cmd_pin(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    actor, name = actor_name(register, args.actor), args.staff
    lang = cli_lang(register, args)
    if args.reset:
        register.staff.reset_pin(name, actor, args.reason or "")
        why = " ".join(args.reason.split())
        out.write(pick(lang, f"已重置 {name} 的 PIN 码：未用旧 PIN 码直接移除，已记入审计记录"
                             f"（操作人 {actor}，原因：{why}）。"
                             f"{name} 可以用 --set 设置新的 PIN 码。\n",
                       f"PIN reset for {name}: removed without the old PIN; recorded in "
                       f"the audit trail (by {actor}, reason: {why}). "
                       f"{name} can set a new one with --set.\n"))
        return 0
    if args.clear:
        register.staff.clear_pin(name, actor, old_pin=args.old_pin)
        out.write(pick(lang, f"已清除 {name} 的 PIN 码\n", f"PIN cleared for {name}\n"))
    else:
        register.staff.set_pin(name, args.new_pin, actor, old_pin=args.old_pin)
        out.write(pick(lang, f"已设置 {name} 的 PIN 码\n", f"PIN set for {name}\n"))
    return 0


def _cmd_list(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    members = register.staff.list(include_inactive=args.all)
    with_pin = register.staff.staff_with_pins()
    operator = register.staff.current_operator()
    if args.json:
        emit_json(out, {"schema": SCHEMA_VERSION, "count": len(members), "staff": [
            {"name": m.name, "active": m.active, "pin": m.name in with_pin,
             "operator": m.name == operator} for m in members]})
        return 0
    lang = cli_lang(register, args)
    for m in members:
        marks = [pick(lang, *mark) for mark, on in ((("PIN", "PIN"), m.name in with_pin),
                                                    (("操作人", "operator"), m.name == operator),
                                                    (("已停用", "inactive"), not m.active)) if on]
        said = parens(list_sep(lang).join(marks), lang) if marks else ""
        shown = pick(lang, said, f"  {said}") if marks else ""
        out.write(m.name + shown + "\n")
    out.write(pick(lang, f"共 {len(members)} 名员工\n", f"{len(members)} staff member(s)\n"))
    return 0


def cmd_staff(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    command = args.staff_command
    if command == "pin":
        return _cmd_pin(register, args, out)
    if command == "list":
        return _cmd_list(register, args, out)
    # As in Settings → Staff: the first person on a fresh register adds themselves.
    actor = (args.actor or register.staff.current_operator() or args.name).strip()
    lang = cli_lang(register, args)
    if command == "add":
        member = register.staff.add(args.name, actor)
        out.write(pick(lang, f"已添加员工：{member.name}\n",
                       f"staff member added: {member.name}\n"))
    else:
        member = register.staff.deactivate_named(args.name, actor)
        out.write(pick(lang, f"已停用员工：{member.name}（以前的修改记录仍保留其姓名）\n",
                       f"staff member deactivated: {member.name} (their past changes keep "
                       "the name)\n"))
    return 0


STAFF_HANDLERS = {"staff": guarded(cmd_staff, option_of=_OPTION_OF, not_found=True)}
