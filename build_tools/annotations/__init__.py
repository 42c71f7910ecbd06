"""What editors contribute: the schema, its YAML files, glossary entries, text metadata."""
