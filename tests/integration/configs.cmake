# One ctest per run configuration in configs/: `e2e run` on a small input, in its own working directory, checking
# that every event went through, that the report was written and that the taggers scored objects. A config whose
# shipped model is not in models/ yet reports "Skipped" (exit 77), never "Passed".
file(GLOB e2e_configs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/configs/*.toml)
foreach(config ${e2e_configs})
  get_filename_component(name ${config} NAME_WE)
  add_test(NAME config_${name}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/pipeline/run_config.sh ${PROJECT_BINARY_DIR}/bin/e2e ${config}
                   ${CMAKE_CURRENT_BINARY_DIR}/configs/${name} 24)
  set_tests_properties(config_${name} PROPERTIES LABELS "integration;configs" SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
