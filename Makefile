# Two commands for a fresh Debian 12 machine:
#   make run    install what is missing, build, and start Zopa
#   make test   install what is missing, build, and run the whole suite headless
#   make fuzz   run every fuzz harness for FUZZ_SECONDS each (tests/fuzz/run-fuzzers.sh)
# Everything else is plain meson; see README.md.

BUILDDIR ?= _build
ASAN_BUILDDIR ?= _build-asan
MESON_TEST_ARGS ?=
FUZZ_SECONDS ?= 1800

# Configure once; later builds reconfigure themselves when meson.build changes.
SETUP = if [ ! -f $(BUILDDIR)/build.ninja ]; then \
	  if [ -f $(BUILDDIR)/meson-private/coredata.dat ]; then \
	    meson setup --reconfigure $(BUILDDIR); \
	  else \
	    meson setup $(BUILDDIR); \
	  fi; \
	fi

# A private X server and session bus, so the UI tests never touch the desktop.
HEADLESS = xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session --

.PHONY: all build run test check bench fuzz clean

all: build

build:
	@sh build-aux/install-deps.sh build
	@$(SETUP)
	meson compile -C $(BUILDDIR)

run:
	@sh build-aux/install-deps.sh build
	@$(SETUP)
	meson compile -C $(BUILDDIR)
	@if [ ! -x $(BUILDDIR)/src/ui/zopa ]; then \
	  echo "make run: $(BUILDDIR)/src/ui/zopa was not built" >&2; exit 1; \
	fi
	GSETTINGS_SCHEMA_DIR="$(abspath $(BUILDDIR))/data" \
	XDG_DATA_DIRS="$(CURDIR)/data:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
	  $(BUILDDIR)/src/ui/zopa

test:
	@sh build-aux/install-deps.sh test
	@$(SETUP)
	meson compile -C $(BUILDDIR)
	$(HEADLESS) meson test -C $(BUILDDIR) --print-errorlogs $(MESON_TEST_ARGS)

check: test

bench:
	@sh build-aux/install-deps.sh test
	@$(SETUP)
	meson compile -C $(BUILDDIR)
	$(HEADLESS) meson test -C $(BUILDDIR) --benchmark --logbase benchmarklog --print-errorlogs $(MESON_TEST_ARGS)

# Long runs, one harness after the other; the corpus grows in _build-fuzz/fuzz-corpus.
fuzz:
	@sh build-aux/install-deps.sh fuzz
	nice -n 19 tests/fuzz/run-fuzzers.sh --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILDDIR) $(ASAN_BUILDDIR) _build-fuzz
