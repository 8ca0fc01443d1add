// The Rules engine. See the module's files.
