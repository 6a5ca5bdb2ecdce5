"""`shopdesk demo` and `shopdesk backup`: commands on the register as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..domain.clock import local
from ..domain.errors import ShopDeskError
from ..domain.text import pick
from ..services.register import Register
from .common import CliError, actor_name, cli_lang, emit_json

EXIT_OK = 0


def add_register_parsers(sub: argparse._SubParsersAction) -> None:
    """Add `demo` and `backup` to the CLI's subparsers."""
    demo = sub.add_parser("demo", help="fill the register with realistic demo cases")
    demo.add_argument("--cases", type=int, default=200)
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--remove", action="store_true",
                      help="remove every demo case (DEMO-…) and the demo staff; "
                           "your own cases are not touched")
    demo.add_argument("--json", action="store_true", help="with --remove: JSON output")

    backup = sub.add_parser("backup", help="back up now, list backups, or restore one")
    backup.add_argument("--list", action="store_true")
    bsub = backup.add_subparsers(dest="backup_command")
    restore = bsub.add_parser(
        "restore", help="replace the register with a backup (the current file is kept)")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", metavar="FILE", help="a backup file")
    which.add_argument("--latest", action="store_true", help="the newest backup")


def cmd_demo(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    from ..services.demo import generate_demo

    if args.remove:
        return _remove_demo(register, args, out)
    lang = cli_lang(register, args)
    if args.cases < 1 or args.cases > 1_000_000:
        raise CliError(pick(lang, "--cases 必须在 1 到 1000000 之间",
                            "--cases must be between 1 and 1000000"))
    made = generate_demo(register, args.cases, seed=args.seed)
    out.write(pick(lang, f"已向 {register.paths.database} 添加 {made} 个演示案件\n",
                   f"added {made} demo cases to {register.paths.database}\n"))
    return EXIT_OK


def _remove_demo(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    """What File → 清除演示数据 does."""
    from ..services.demo_removal import remove_demo

    done = remove_demo(register, actor_name(register, args.actor))
    if args.json:
        emit_json(out, {"schema": 1, "removed_cases": done.cases,
                        "deactivated_staff": list(done.staff),
                        "removed_blacklist_entries": done.blacklist})
    else:
        out.write(pick(cli_lang(register, args), f"已清除 {done.cases} 个演示案件\n",
                       f"removed {done.cases} demo cases\n"))
    return EXIT_OK


def _backup_to_restore(register: Register, args: argparse.Namespace, lang: str) -> Path:
    if args.latest:
        backups = register.list_backups()  # newest first
        if not backups:
            raise CliError(pick(lang, "--latest: 还没有备份（shopdesk backup 可以做一份）",
                                "--latest: there are no backups yet (shopdesk backup makes one)"))
        return backups[0].path
    path = Path(args.file).expanduser()
    if path.is_dir():
        raise CliError(pick(lang, f"FILE: {args.file} 是文件夹，不是备份文件",
                            f"FILE: {args.file} is a folder, not a backup file"))
    if not path.is_file():
        raise CliError(pick(lang, f"FILE: 没有这个备份文件：{args.file}",
                            f"FILE: no such backup file: {args.file}"))
    if path.resolve() == register.paths.database.resolve():
        raise CliError(pick(lang, f"FILE: {args.file} 是登记簿本身，不是备份",
                            f"FILE: {args.file} is the register itself, not a backup"))
    return path


def cmd_restore(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    """What File → Restore from backup… does: Register.restore checks the backup before
    anything changes, takes a pre-restore backup and keeps the replaced file beside it."""
    lang = cli_lang(register, args)  # read now: a failed restore may leave it closed
    backup = _backup_to_restore(register, args, lang)
    before = {b.path for b in register.list_backups()}
    option = "--latest" if args.latest else "FILE"
    try:
        restored, kept = register.restore(backup)
    except ShopDeskError as exc:  # mostly: the backup failed its check, nothing changed
        raise CliError(f"{option}: {exc.message(lang)}") from None
    except OSError as exc:  # the previous file was put back (storage.backup.restore_file)
        raise CliError(pick(lang, f"{option}: 恢复失败，登记簿没有任何改动：{exc}",
                            f"{option}: the restore failed, the register is as it was: {exc}")
                       ) from None
    try:
        safety = [b.path for b in restored.list_backups()
                  if b.reason.startswith("pre-restore") and b.path not in before]
    finally:
        restored.close()
    out.write(pick(lang, f"已从 {backup} 恢复登记簿\n", f"restored the register from {backup}\n"))
    out.write(pick(lang, f"被替换的登记簿文件已保留：{kept}\n",
                   f"the replaced register file was kept: {kept}\n"))
    if safety:
        out.write(pick(lang, f"替换前已先做了一份备份：{safety[0]}\n",
                       f"a backup of it was taken first: {safety[0]}\n"))
    return EXIT_OK


def cmd_backup(register: Register, args: argparse.Namespace, out: TextIO) -> int:
    if args.backup_command == "restore":
        if args.list:
            raise CliError(pick(cli_lang(register, args), "--list: 不能和 restore 一起用",
                                "--list: not with restore"))
        return cmd_restore(register, args, out)
    if args.list:
        for b in register.list_backups():
            # Shop time, as the file names and the window's restore list show it.
            taken = local(b.taken_at, register.shop_tz)
            out.write(f"{taken:%Y-%m-%d %H:%M:%S}  {b.reason:<28} {b.path}\n")
        if register.is_team:  # no daily backup is taken: say whose job it is
            out.write(pick(cli_lang(register, args),
                           "团队登记簿不做每日自动备份：服务器由店铺自己备份"
                           "（见 README“团队模式”）；上面是这台电脑“立即备份”的文件。\n",
                           "A team register takes no daily backup: the shop backs up its server "
                           "(README, \"Team mode\"); above are this PC's \"Back up now\" "
                           "files.\n"))
        return EXIT_OK
    out.write(f"{register.back_up_now()}\n")
    return EXIT_OK


REGISTER_HANDLERS = {"demo": cmd_demo, "backup": cmd_backup}
