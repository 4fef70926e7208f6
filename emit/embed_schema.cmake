# Writes the schema file as a C++ raw string literal (the schema has no ")~~~").
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "namespace missive {\nextern const char* const kSchemaText;\nconst char* const kSchemaText = R\"~~~(${content})~~~\";\n}  // namespace missive\n")
