# Command-line contract: help, version, exit codes, one-line errors.
add_test(NAME cli_basics COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/cli_basics.sh ${PROJECT_BINARY_DIR}/bin/e2e)
set_tests_properties(cli_basics PROPERTIES LABELS integration)
