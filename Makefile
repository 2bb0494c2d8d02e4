# e2e — the two commands a newcomer needs:
#   make demo   install dependencies, build, run the main job on embedded defaults
#   make test   install dependencies, build, run every test
# Everything else (deps, build, bench, sanitize) is a step of those.

BUILD_DIR ?= build
SAN_DIR   ?= build-sanitize
JOBS      ?= $(shell nproc)
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DEBIAN_FRONTEND := noninteractive

# Debian 12 packages (see docs/architecture.md, "Dependencies").
APT_PACKAGES := build-essential cmake ninja-build pkg-config git \
  libdnnl-dev libonnx-dev libprotobuf-dev protobuf-compiler libhepmc3-dev libfastjet-dev libfastjettools-dev \
  libhdf5-dev hdf5-tools hdf5-filter-plugin libtbb-dev libtomlplusplus-dev libcli11-dev libpng-dev \
  libgtest-dev libgmock-dev libbenchmark-dev libonnx-testdata \
  python3 python3-torch python3-h5py python3-onnx python3-sklearn python3-matplotlib python3-numpy python3-opencv \
  nodejs

.PHONY: all deps build test test-unit test-sanitize demo bench clean

all: build

# Idempotent: apt-get update runs only when something is missing, and at most once.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "deps: all Debian packages present"; fi
	@if [ -f bench/peers/package.json ] && [ ! -d bench/peers/node_modules ]; then \
	  (cd bench/peers && npm install --no-audit --no-fund --loglevel=error); fi

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 900
	@sh tests/print_reports.sh $(BUILD_DIR)

# ASan + UBSan build of the foundation's unit tests (CI runs it after `make test`).
SAN_TESTS := unit_core unit_geometry unit_io unit_framework
test-sanitize: deps
	cmake -S . -B $(SAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DE2E_SANITIZE=ON -DE2E_BUILD_BENCH=OFF
	cmake --build $(SAN_DIR) -j $(JOBS) --target $(SAN_TESTS)
	cd $(SAN_DIR) && ctest --output-on-failure -L '$(shell echo $(SAN_TESTS) | tr ' ' '|')'

demo: build
	./$(BUILD_DIR)/bin/e2e demo

bench: build
	./$(BUILD_DIR)/bin/e2e bench engine --help

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR)
