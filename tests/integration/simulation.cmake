# e2e simulate (and e2e generate --simulate) end to end: plausible hit and track counts per event (e2e info --json),
# identical collections for any thread count, the command-line error contract.
add_test(NAME simulation_cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/simulation_cli.sh ${PROJECT_BINARY_DIR}/bin/e2e)
set_tests_properties(simulation_cli PROPERTIES LABELS integration SKIP_RETURN_CODE 77 TIMEOUT 300)
