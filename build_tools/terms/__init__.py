"""Finding glossary terms in texts: the matcher and the occurrences built from it."""
