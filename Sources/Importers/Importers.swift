// The Importers engine. See the module's files.
