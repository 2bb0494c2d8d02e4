# The PyTorch training package (python/e2e_train): models, data readers, training, export and metrics.
# Needs Debian's /usr/bin/python3 (torch 1.13, onnx, h5py, sklearn, matplotlib); the engine parity leg runs
# only once bin/e2e has an `infer` subcommand and is reported as skipped until then.
add_test(NAME python_e2e_train
         COMMAND /usr/bin/python3 -m unittest discover -s ${PROJECT_SOURCE_DIR}/python/tests -v)
set_tests_properties(python_e2e_train PROPERTIES
                     ENVIRONMENT "PYTHONPATH=${PROJECT_SOURCE_DIR}/python;E2E_BIN=${PROJECT_BINARY_DIR}/bin/e2e"
                     LABELS python TIMEOUT 600)
