// The Report engine. See the module's files.
