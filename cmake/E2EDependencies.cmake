# Every dependency is a Debian package (see Makefile `deps`).
find_package(Threads REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C)
find_package(dnnl REQUIRED)
find_package(ONNX REQUIRED)
find_package(Protobuf REQUIRED)
find_package(HepMC3 REQUIRED)
find_package(TBB REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(CLI11 REQUIRED)
find_package(PNG REQUIRED)
find_package(OpenMP REQUIRED)
find_package(GTest)
find_package(benchmark)

# FastJet ships fastjet-config rather than a CMake package.
find_library(FASTJET_LIBRARY fastjet REQUIRED)
find_path(FASTJET_INCLUDE_DIR fastjet/ClusterSequence.hh REQUIRED)
add_library(e2e::fastjet INTERFACE IMPORTED)
target_link_libraries(e2e::fastjet INTERFACE ${FASTJET_LIBRARY})
target_include_directories(e2e::fastjet INTERFACE ${FASTJET_INCLUDE_DIR})

add_library(e2e::hdf5 INTERFACE IMPORTED)
target_link_libraries(e2e::hdf5 INTERFACE ${HDF5_C_LIBRARIES})
target_include_directories(e2e::hdf5 INTERFACE ${HDF5_C_INCLUDE_DIRS})
target_compile_definitions(e2e::hdf5 INTERFACE ${HDF5_C_DEFINITIONS})

# libonnx is built with these definitions; its headers need them too.
add_library(e2e::onnx INTERFACE IMPORTED)
target_link_libraries(e2e::onnx INTERFACE onnx onnx_proto protobuf::libprotobuf)
target_compile_definitions(e2e::onnx INTERFACE ONNX_ML=1 ONNX_NAMESPACE=onnx)

add_library(e2e::hepmc3 INTERFACE IMPORTED)
target_link_libraries(e2e::hepmc3 INTERFACE ${HEPMC3_LIBRARIES})
target_include_directories(e2e::hepmc3 INTERFACE ${HEPMC3_INCLUDE_DIR})
