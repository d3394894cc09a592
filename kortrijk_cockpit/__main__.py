"""Command line: the GUI by default; later issues add headless sub-commands.

Every expected failure ends as one Dutch line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from kortrijk_cockpit import APP_ID, __version__
from kortrijk_cockpit.errors import ConfigError, UserFacingError

EXIT_USAGE = 2
EXIT_FAILURE = 3

_ARGPARSE_DUTCH = [
    ("unrecognized arguments: ", "onbekende argumenten: "),
    ("expected one argument", "verwacht een waarde"),
    ("the following arguments are required: ", "deze argumenten ontbreken: "),
    ("not allowed with argument", "kan niet samen met"),
    ("invalid choice: ", "ongeldige keuze: "),
    ("(choose from ", "(kies uit "),
    ("invalid int value: ", "geen geheel getal: "),
    ("argument OPDRACHT: ", ""),
    ("argument ", "optie "),
    ("ambiguous option: ", "dubbelzinnige optie: "),
]


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse in Dutch: usage, section titles, help and errors (sub-commands inherit it)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="deze hulp tonen en stoppen")

    def error(self, message: str) -> NoReturn:
        for english, dutch in _ARGPARSE_DUTCH:
            message = message.replace(english, dutch)
        self.exit(EXIT_USAGE, f"{self.prog}: fout: {message} (zie {self.prog} --help)\n")


def count(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"moet 0 of meer zijn, niet {value}")
    return value


def port(text: str) -> int:
    """An argparse type: a TCP port, or 0 for any free one."""
    value = count(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"een poort ligt tussen 0 en 65535, niet {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog=APP_ID,
        description="Kortrijk Cockpit: mail, agenda en overleg van het kabinet van de algemeen directeur.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}",
                        help="het versienummer tonen en stoppen")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--basedir", metavar="MAP", help="alle gegevens, instellingen en logs in deze map")
    where.add_argument("--temp-basedir", action="store_true", help="een tijdelijke, lege map gebruiken")
    parser.add_argument("--database", metavar="URL",
                        help="SQLAlchemy-adres, bv. postgresql+psycopg://gebruiker@server/cockpit")
    parser.add_argument("--debug", action="store_true", help="uitgebreide logging")
    parser.add_argument("--demo", action="store_true", help="starten met demogegevens in een tijdelijke map")
    parser.add_argument("--graph", action="store_true",
                        help="met --demo: de demomailbox via Microsoft Graph synchroniseren "
                             "in plaats van EWS")
    parser.add_argument("--briefings", action="store_true",
                        help="alleen de briefings van de directeur: externe afspraken en hun fiches")
    parser.add_argument("--smoke-test", action="store_true",
                        help="het venster openen, kort laten lopen en afsluiten (voor tests)")
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sync = commands.add_parser("sync", help="de mailbox synchroniseren zonder venster")
    sync.add_argument("--once", action="store_true", required=True,
                      help="één keer synchroniseren en stoppen")
    sync.add_argument("--server", metavar="URL", help="EWS-adres, bv. https://mail.kortrijk.be/EWS/Exchange.asmx")
    sync.add_argument("--mailbox", metavar="ADRES", help="mailadres van de algemeen directeur")
    sync.add_argument("--user", metavar="NAAM", help="uw eigen gebruikersnaam")
    sync.add_argument("--auth", choices=["ntlm", "basic"],
                      help="aanmeldmethode (standaard die van het bewaarde profiel, anders ntlm)")
    sync.add_argument("--password-stdin", action="store_true",
                      help="het wachtwoord van de standaardinvoer lezen")
    sync.add_argument("--graph", action="store_true",
                      help="via Microsoft Graph: --server is dan het Graph-adres, bv. dat van "
                           "'sandbox --graph'")
    sync.add_argument("--token-stdin", action="store_true",
                      help="met --graph: het toegangstoken van de standaardinvoer lezen")
    sandbox = commands.add_parser("sandbox", help="een oefenserver (EWS) met demomailbox starten")
    sandbox.add_argument("--graph", action="store_true",
                         help="het Microsoft Graph-adres en een toegangstoken tonen in plaats "
                              "van EWS (dezelfde server en mailbox)")
    sandbox.add_argument("--port", type=port, default=0, metavar="N", help="poort (standaard: een vrije)")
    sandbox.add_argument("--mails", type=count, default=300, metavar="N", help="aantal mails")
    sandbox.add_argument("--events", type=count, default=60, metavar="N", help="aantal afspraken")
    importing = commands.add_parser(
        "import", help="mails (.eml, .msg) en agenda's (.ics) uit bestanden importeren")
    importing.add_argument("files", nargs="+", metavar="BESTAND",
                           help="een .eml-, .msg- of .ics-bestand (meerdere mogen)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.graph and args.command is None and not args.demo:
        parser.error("--graph werkt alleen samen met --demo (of als: sandbox --graph)")
    # Imported here so that `--version` and bad arguments stay instant.
    from kortrijk_cockpit import temp_basedir
    from kortrijk_cockpit.app import Options, run_gui

    options = Options.from_args(args)
    try:
        if args.command == "sandbox":
            from kortrijk_cockpit.headless import run_sandbox

            code = run_sandbox(args)
        elif args.command == "sync":
            from kortrijk_cockpit.headless import run_sync

            code = run_sync(args, options)
        elif args.command == "import":
            from kortrijk_cockpit.headless import run_import

            code = run_import(args, options)
        else:
            code = run_gui(options)
    except UserFacingError as exc:
        if logging.getLogger().handlers:  # only once the log file is set up
            logging.getLogger(__name__).error("start-up failed: %s (%s)",
                                              exc.user_message, exc.detail)
        print(f"{APP_ID}: {exc.user_message}", file=sys.stderr)
        code = EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_FAILURE
    # Reached on a clean exit only: after a crash the folder (and its crash report) stays
    # until the next start removes it.
    temp_basedir.remove_own()
    return code


if __name__ == "__main__":
    sys.exit(main())
