import DossierCLI

DossierCommand.runAndExit()
