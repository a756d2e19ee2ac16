import DossierCLI

await DossierCommand.runAndExit()
