# Pipeline behaviour through the real CLI: clear errors, Ctrl-C, corrupt input, determinism, the demo.
set(e2e_pipeline_dir ${CMAKE_CURRENT_LIST_DIR}/pipeline)
set(e2e_pipeline_work ${CMAKE_CURRENT_BINARY_DIR}/pipeline)
foreach(check unknown_key missing_model interrupt corrupt_input determinism demo docs external_input)
  add_test(NAME pipeline_${check}
           COMMAND sh ${e2e_pipeline_dir}/${check}.sh ${PROJECT_BINARY_DIR}/bin/e2e ${e2e_pipeline_work}/${check} ${e2e_pipeline_dir})
  set_tests_properties(pipeline_${check} PROPERTIES LABELS "integration;pipeline" TIMEOUT 600)
endforeach()
