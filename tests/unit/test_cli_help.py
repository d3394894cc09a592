"""`--help` is Dutch throughout, for the main command and each sub-command."""

from __future__ import annotations

import pytest

from kortrijk_cockpit.__main__ import main

ARGPARSE_ENGLISH = ["usage:", "options:", "optional arguments", "positional arguments",
                    "show this help message", "show program's version", "error:", "PORT",
                    "MAILS", "EVENTS"]


@pytest.mark.parametrize("command", [[], ["sync"], ["sandbox"], ["import"]])
def test_help_has_no_english_argparse_words(command: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("gebruik: kortrijk-cockpit")
    assert "deze hulp tonen en stoppen" in text
    for english in ARGPARSE_ENGLISH:
        assert english not in text, english


def test_a_sub_command_error_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sandbox", "--port"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "fout: optie --port: verwacht een waarde" in err
    assert "error" not in err and "argument" not in err
