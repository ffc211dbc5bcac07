"""A command line click refuses is told in French, with where to read the command's help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main

CASES = [
    (["check", "--lnks"], "erreur : option inconnue « --lnks » (vouliez-vous dire « --links » ?) ; "
                          "voir `main check --help`"),
    (["chek"], "erreur : commande inconnue « chek » (vouliez-vous dire « check » ?) ; commandes de `main` : "
               "build, check, harvest, new, schemas, search, serve, usage"),
    (["search", "pus"], "erreur : commande inconnue « pus » (vouliez-vous dire « push » ?) ; commandes de "
                        "`main search` : push"),
    (["new"], "erreur : argument DIRECTORY manquant ; voir `main new --help`"),
    (["check", "--format", "xml"], "erreur : valeur refusée pour « --format » : il faut l'une des valeurs text, "
                                   "github ; voir `main check --help`"),
    (["serve", "--port", "abc"], "erreur : valeur refusée pour « --port » : il faut un nombre entier, par ex. 8000 ; "
                                 "voir `main serve --help`"),
    (["check", "a", "b"], "erreur : ligne de commande invalide (argument en trop ou mal placé) ; "
                          "voir `main check --help`"),
    (["harvest", "--source"], "erreur : l'option « --source » demande une valeur ; voir `bibnum --help`"),
]


@pytest.mark.parametrize(("args", "told"), CASES, ids=[" ".join(args) for args, _ in CASES])
def test_usage_errors_are_french(args, told):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output.strip() == told
    assert "Error" not in result.output and "Usage" not in result.output


def test_help_and_version_still_work():
    assert CliRunner().invoke(main, ["check", "--help"]).exit_code == 0
    assert CliRunner().invoke(main, ["--version"]).exit_code == 0
