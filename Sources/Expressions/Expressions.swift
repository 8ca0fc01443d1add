// The Expressions engine. See the module's files.
