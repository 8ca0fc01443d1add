// The Questionnaire engine. See the module's files.
