// The Audit engine. See the module's files.
