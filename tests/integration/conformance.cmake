# ONNX backend node tests (Debian's libonnx-testdata) through the engine: prints passed / failed / unsupported
# counts and fails when a test of a supported operator fails. Skipped (exit 77) when the data is not installed.
file(GLOB e2e_conformance_srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/../conformance/*.cpp)
add_executable(onnx_conformance ${e2e_conformance_srcs})
target_compile_options(onnx_conformance PRIVATE ${E2E_WARNINGS})
target_link_libraries(onnx_conformance PRIVATE e2e_runtime e2e::onnx)
add_test(NAME onnx_conformance COMMAND onnx_conformance --data /usr/share/libonnx-testdata/data/node)
set_tests_properties(onnx_conformance PROPERTIES LABELS conformance SKIP_RETURN_CODE 77 TIMEOUT 300)
