# Zeef — build, test, demo, bench, install.
#
#   make            build every program into bin/
#   make deps       install the missing Debian packages to build and run the demo
#                   (apt-get; sudo when not root)
#   make demo       deps + build + a short summary of each sample article, and demo.html
#   make test       deps + test-deps + build + the fast suite (check), a few minutes
#   make test-full  make test, then the heavy suites (fault sweep, fuzz smoke,
#                   hostile input), the scanning paths this CPU does not take
#                   (check-simd) and the whole suite again under ASan+UBSan;
#                   what CI runs (.ci/run)
#   make bench      throughput and peak memory, beside the peers when installed
#   make ner-model  retrain the built-in tag-entities model (NER_DATA=DIR of CoNLL-2002)
#   make train-quotes  retrain extract-quotes' built-in speaker model (ZEEF_DEV_DATA=DIR)
#   make install    PREFIX=/usr/local: binaries, man pages, pipelines
#
# Filters are discovered: every filters/NAME/main.c becomes bin/NAME, every other
# .c file in filters/*/, pipelines/zeef/ and common/ goes into build/libzeef.a,
# which the programs and the unit tests (tests/unit/test_*.c) link. Each
# program's man page is beside its source: filters/NAME/NAME.1, pipelines/zeef/zeef.1.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
CC        ?= cc
PKGS      := yaml-0.1 libutf8proc json-c
# Debian packages: DEBS to build and run the demo, TEST_DEBS for the tests
# only (Check, GNU parallel and time, a browser, clang/llvm for fuzzing,
# valgrind, man-db and mandoc for the man pages, a one-node Slurm cluster
# for tests/cli/zeef-slurm.sh).
DEBS      := libyaml-dev libutf8proc-dev libjson-c-dev pkg-config jq
TEST_DEBS := check parallel time chromium clang libclang-rt-dev llvm valgrind man-db mandoc \
             slurmctld slurmd slurm-client munge

ifeq ($(SANITIZE),1)
O         := build/san
BINDIR    := build/san/bin
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else
O         := build/out
BINDIR    := bin
OPT       := -O2 -g
endif

# The byte-scanning paths a default build compiles but this CPU may not take
# (check-simd, below): SIMD=sse2 builds without split-sentences' SSSE3 nibble
# tables, SIMD=none without SSE2 too; each into a folder of its own.
ifneq ($(SIMD),)
O         := build/simd-$(SIMD)
BINDIR    := build/simd-$(SIMD)/bin
SIMD_FLAGS := $(if $(filter sse2,$(SIMD)),-DSENTENCE_NO_NIBBLES,$(if $(filter none,$(SIMD)),-DSENTENCE_NO_NIBBLES -U__SSE2__,$(error SIMD is sse2 or none)))
endif

# Quiet by default; `make V=1` shows every command.
ifeq ($(V),1)
Q :=
say = @:
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

# pkg-config is asked lazily, so that `make deps` can run before it answers.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

ZCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
          -DZEEF_VERSION='"$(VERSION)"' -Wall -Wextra -Werror -Icommon -I$(O) \
          $(OPT) $(SIMD_FLAGS) $(PKG_CFLAGS) $(CFLAGS)
ZLDFLAGS = $(OPT) $(LDFLAGS)
ZLIBS    = $(PKG_LIBS) -lm

FILTERS    := $(sort $(patsubst filters/%/main.c,%,$(wildcard filters/*/main.c)))
RUNNER     := $(if $(wildcard pipelines/zeef/main.c),zeef)
PROGRAMS   := $(FILTERS) $(RUNNER)
LIB_SRC    := $(sort $(wildcard common/*.c) \
                $(filter-out %/main.c,$(wildcard filters/*/*.c pipelines/zeef/*.c)))
LANG_FILES := $(sort $(shell find common/lang -type f ! -name '.*' 2>/dev/null))
LIB_OBJ    := $(LIB_SRC:%.c=$(O)/%.o) $(O)/lang_data.o
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)

.PHONY: all deps test-deps test test-full check check-full unit golden conformance demo bench install clean fuzz ner-model train-quotes
.DEFAULT_GOAL := all

all: $(PROGRAMS:%=$(BINDIR)/%)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ZCFLAGS) -MMD -MP -c $< -o $@

# Language data is compiled in: build/embed turns common/lang/** into one C table.
$(O)/embed: common/tools/embed.c
	@mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra -Werror $< -o $@

$(O)/lang_data.c: $(O)/embed $(LANG_FILES)
	$(call say,EMBED,common/lang)
	$(Q)$(O)/embed common/lang $(LANG_FILES) > $@.tmp && mv $@.tmp $@

$(O)/lang_data.o: $(O)/lang_data.c
	$(Q)$(CC) $(ZCFLAGS) -c $< -o $@

$(O)/libzeef.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(FILTERS:%=$(BINDIR)/%): $(BINDIR)/%: $(O)/filters/%/main.o $(O)/libzeef.a
	@mkdir -p $(@D)
	$(call say,LD,$@)
	$(Q)$(CC) $(ZLDFLAGS) $< $(O)/libzeef.a $(ZLIBS) -o $@

$(BINDIR)/zeef: $(O)/pipelines/zeef/main.o $(O)/libzeef.a
	@mkdir -p $(@D)
	$(call say,LD,$@)
	$(Q)$(CC) $(ZLDFLAGS) $< $(O)/libzeef.a $(ZLIBS) -o $@

# The bench's reference: records read and written with no change.
$(O)/passthrough: tests/bench/passthrough.c $(O)/libzeef.a
	$(Q)$(CC) $(ZCFLAGS) $< $(O)/libzeef.a $(ZLIBS) -o $@

# The property test's generator and checker (tests/cli/property.sh).
$(O)/records: tests/property/records.c $(O)/libzeef.a
	$(Q)$(CC) $(ZCFLAGS) $< $(O)/libzeef.a $(ZLIBS) -o $@

$(O)/tests/%: tests/unit/%.c $(O)/libzeef.a
	@mkdir -p $(@D)
	$(call say,TEST,$@)
	$(Q)$(CC) $(ZCFLAGS) -Itests/unit $< $(O)/libzeef.a $(ZLIBS) $(CHECK_LIBS) -o $@

deps:
	@sh tests/deps.sh $(DEBS)

# Rebuild the built-in tag-entities model (a developer's tool: needs the
# CoNLL-2002 Dutch files ned.train and ned.testa in NER_DATA).
NER_DATA ?= ../shared/data/ner
ner-model: all
	sh filters/tag-entities/make-model.sh $(NER_DATA)/ned.train $(NER_DATA)/ned.testa

# Retrain extract-quotes' built-in speaker model (common/lang/nl/
# speakers-model.txt) from the development data (ZEEF_DEV_DATA, default
# ../shared/data); then `make` again to embed it. Deterministic.
train-quotes: all
	@sh filters/extract-quotes/make-model.sh $${ZEEF_DEV_DATA:-../shared/data}

test-deps: deps
	@sh tests/deps.sh $(TEST_DEBS)

# `make test`: set-up, then the fast suite, plain build (tests/README.md says
# what runs where and how long it takes). `make test-full`: that, then the
# heavy tests (`# suite: full` in tests/cli) and everything again under
# ASan+UBSan (build/san/).
# The builds inside use every core (JOBS).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

test: test-deps
	@$(MAKE) --no-print-directory -j$(JOBS) test-build
	@$(MAKE) --no-print-directory check

test-full: test
	@$(MAKE) --no-print-directory check-full ONLY_FULL=1
	@$(MAKE) --no-print-directory check-simd
	@$(MAKE) --no-print-directory -j$(JOBS) SANITIZE=1 test-build
	@$(MAKE) --no-print-directory SANITIZE=1 check-full

# Everything the suite runs, so that one parallel make builds it.
.PHONY: test-build
test-build: all $(UNIT_BIN) $(O)/passthrough $(O)/records $(O)/fault.so

check: all $(UNIT_BIN) $(O)/passthrough $(O)/records
	@bash tests/run-all.sh $(BINDIR) $(O)/tests

# ONLY_FULL=1: only the heavy tests (after a `make check` of the same build).
check-full: all $(UNIT_BIN) $(O)/passthrough $(O)/records
	@bash tests/run-all.sh --full $(if $(ONLY_FULL),--only full) $(BINDIR) $(O)/tests

# The other scanning paths. Bytes are scanned sixteen at a time with SSE2
# (every x86-64), by SSSE3 nibble tables in split-sentences when the CPU has
# SSSE3 (asked at start: x86-64's baseline lacks it, so the SSE2 compares
# stay for CPUs without), and eight bytes at a time where SSE2 is missing
# (common/utf8.c, json_scan.h, zjson.c, spans.c, sentence*.c, summarize's
# words.h). This CPU takes one path; check-simd builds the other two (SIMD=
# sse2 and none, about 40 s of CPU each) and runs the unit tests of the
# code that has such paths and the golden tests of split-sentences and
# summarize on them. Part of test-full.
SIMD_UNITS  := test_sentence test_sentence_rules test_line_units test_spans test_utf8 \
               test_record test_summary test_summary_fields
SIMD_GOLDEN := split-sentences summarize
.PHONY: check-simd
check-simd:
	@for s in sse2 none; do \
	    $(MAKE) --no-print-directory -j$(JOBS) SIMD=$$s all \
	        $(SIMD_UNITS:%=build/simd-$$s/tests/%) >/dev/null || exit 1; \
	    p=0; f=0; \
	    for t in $(SIMD_UNITS); do \
	        if CK_TIMEOUT_MULTIPLIER=4 build/simd-$$s/tests/$$t >build/simd-$$s/unit.log 2>&1; \
	        then p=$$((p + 1)); else f=$$((f + 1)); echo "FAIL SIMD=$$s unit $$t"; \
	            tail -20 build/simd-$$s/unit.log; fi; \
	    done; \
	    echo "SIMD=$$s unit: $$p passed, $$f failed"; \
	    printf 'SIMD=%s ' $$s; \
	    bash tests/golden/run.sh build/simd-$$s/bin \
	        $(foreach g,$(SIMD_GOLDEN),tests/golden/$(g)/*/) || exit 1; \
	    test "$$f" = 0 || exit 1; \
	done

unit: all $(UNIT_BIN)
	@bash tests/run-all.sh --only unit $(BINDIR) $(O)/tests

golden: all
	@bash tests/run-all.sh --only golden $(BINDIR) $(O)/tests

conformance: all
	@bash tests/run-all.sh --only conformance $(BINDIR) $(O)/tests

demo: deps
	@$(MAKE) --no-print-directory all >/dev/null
	@sh tests/demo.sh $(BINDIR)

bench: deps
	@sh tests/deps.sh time
	$(MAKE) all $(O)/passthrough
	@bash tests/bench/run.sh $(BINDIR) $(O)/passthrough

MAN_PAGES := $(foreach f,$(FILTERS),filters/$(f)/$(f).1) $(if $(RUNNER),pipelines/zeef/zeef.1)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	           $(DESTDIR)$(PREFIX)/share/zeef/pipelines
	install -m 755 $(PROGRAMS:%=$(BINDIR)/%) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(PREFIX)/share/man/man1/
	$(if $(wildcard pipelines/*.yaml),install -m 644 $(wildcard pipelines/*.yaml) $(DESTDIR)$(PREFIX)/share/zeef/pipelines/)

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)

# --- reliability (issue 8): fault shim, fuzz harnesses --------------------
# tests/fault/fault.c: an LD_PRELOAD shim for tests/cli/fault-sweep.sh, built
# without sanitizers (it is preloaded into plain and ASan programs alike).
$(O)/fault.so: tests/fault/fault.c
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) -std=c11 -O2 -g -Wall -Wextra -Werror -fPIC -shared $< -o $@ -ldl

check check-full: $(O)/fault.so

# libFuzzer harnesses (tests/fuzz/): clang with ASan+UBSan, objects in
# build/fuzz. Targets: record (lines + record_parse + serialise), yaml (the
# pipeline loader), render (zeef render per document), and filter-NAME for
# every filter (its main.c compiled with main and filter_main renamed, so the
# harness drives the filter's own record callback).
# `make fuzz FUZZ_SECONDS=N` runs each for N seconds (default 60), or until
# FUZZ_RUNS executions if that comes first; `FUZZ_TARGETS=yaml` picks some;
# `FUZZ_ARGS='--indirect'` gives a filter target its own options.
# The whole libFuzzer log of each target is kept in build/fuzz/T.log
# (T+opts.log with FUZZ_ARGS).
FUZZ_CC      ?= clang
FUZZ_O       := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?= -1
FUZZ_ARGS    ?=
# Inputs grow up to FUZZ_MAX_LEN bytes: a long article. Sheer size is the
# business of tests/cli/hostile-input.sh; small inputs keep executions fast.
FUZZ_MAX_LEN ?= 16384
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                -DZEEF_VERSION='"$(VERSION)"' -Wall -Wextra -Werror -Icommon \
                -Ipipelines/zeef -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN) \
                -fsanitize=fuzzer-no-link $(PKG_CFLAGS)
FUZZ_TARGETS := record yaml render $(FILTERS:%=filter-%)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_O)/fuzz-%)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_O)/%.o) $(FUZZ_O)/lang_data.o

.PHONY: fuzz-build
fuzz-build: $(FUZZ_BINS)

$(FUZZ_O)/%.o: %.c
	@mkdir -p $(@D)
	$(call say,FUZZCC,$<)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_O)/lang_data.o: $(O)/lang_data.c
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_O)/libzeef.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(FUZZ_O)/filters/%/fuzz-main.o: filters/%/main.c
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Dmain=fuzz_filter_real_main \
	    -Dfilter_main=fuzz_capture_spec -MMD -MP -c $< -o $@

$(FUZZ_O)/fuzz-filter-%: $(FUZZ_O)/tests/fuzz/fuzz_filter.o $(FUZZ_O)/filters/%/fuzz-main.o $(FUZZ_O)/libzeef.a
	$(call say,LD,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $^ $(PKG_LIBS) -lm -o $@

$(FUZZ_O)/fuzz-%: $(FUZZ_O)/tests/fuzz/fuzz_%.o $(FUZZ_O)/libzeef.a
	$(call say,LD,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $^ $(PKG_LIBS) -lm -o $@

# New inputs go to build/fuzz/corpus/T; the seeds in tests/fuzz/corpus/T
# are only read. Findings (crash-*, leak-*, timeout-*) land in build/fuzz/.
# -close_fd_mask=2 keeps the filters' own warnings (one per input) out of
# the log; sanitizer reports still reach it (libFuzzer gives them its copy).
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_O)/corpus/$$t tests/fuzz/corpus/$$t; \
	    echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	    { ZEEF_FUZZ_ARGS='$(FUZZ_ARGS)' \
	      $(FUZZ_O)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
	        -max_len=$(FUZZ_MAX_LEN) -timeout=10 -close_fd_mask=2 \
	        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_O)/$$t- \
	        $(FUZZ_O)/corpus/$$t tests/fuzz/corpus/$$t 2>&1; echo "exit $$?" >$(FUZZ_O)/$$t.status; } | \
	        tee $(FUZZ_O)/$$t$(if $(FUZZ_ARGS),+opts).log | \
	        grep -E '^(#[0-9]+.*(DONE|INITED)|stat::(number_of_executed_units|peak_rss)|==[0-9]+==ERROR|SUMMARY)|bad ZEEF_FUZZ_ARGS' ; \
	    test -z "$$(ls $(FUZZ_O)/$$t-* 2>/dev/null)" || { echo "fuzz $$t: findings in $(FUZZ_O)/$$t-*"; exit 1; }; \
	    grep -qx 'exit 0' $(FUZZ_O)/$$t.status || { echo "fuzz $$t: the fuzzer ended with $$(cat $(FUZZ_O)/$$t.status)"; exit 1; }; \
	done
.PRECIOUS: $(FUZZ_O)/%.o $(FUZZ_O)/filters/%/fuzz-main.o

# Lines of Zeef's code each corpus reaches (source-based coverage build in
# build/fuzzcov; FUZZ_TARGETS picks targets). Run after `make fuzz`.
.PHONY: fuzz-coverage
fuzz-coverage:
	@FUZZ_TARGETS='$(FUZZ_TARGETS)' bash tests/fuzz/coverage.sh
