# Reference models (python/e2e_train) through e2e infer and ONNX Runtime, compared with PyTorch (issue 6 item 8).
# Needs /usr/bin/python3 with torch; the ORT leg is skipped with a printed reason when bench/peers/node_modules
# is missing.
add_test(NAME model_parity
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/model_parity.py --e2e ${PROJECT_BINARY_DIR}/bin/e2e)
set_tests_properties(model_parity PROPERTIES
                     ENVIRONMENT "PYTHONPATH=${PROJECT_SOURCE_DIR}/python"
                     LABELS integration TIMEOUT 900)
