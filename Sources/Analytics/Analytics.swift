// The Analytics engine. See the module's files.
