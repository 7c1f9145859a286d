#!/bin/sh
# Runs every reproduce command of docs/toy-shower.md, docs/guide.md and docs/hadronization-gradients.md,
# from the repository root.
# Build first:  mvn -q -B package -DskipTests
# DocumentedCommandsTest (stochad-examples) checks that each documented command is listed here.
set -eu
stochad() { java -jar stochad-examples/target/stochad.jar "$@"; }

# docs/toy-shower.md: the figures and tables (seed 20230831)
stochad shower scan --config both --seed 20230831 --out target/toy-shower
stochad shower compare --config both --seed 20230831 --out target/toy-shower --events 10000
stochad shower cost --config both --out target/toy-shower
stochad shower optimize --config both --seed 20230831 --out target/toy-shower
stochad shower display --config both --seed 20230831 --out target/toy-shower --theta 1.5
stochad shower design-cost --out target/toy-shower
stochad shower design --segments 16 --seed 20230831 --out target/toy-shower
stochad shower design --segments 16 --seed 20230831 --estimators fd --steps 600 --events 8 --runs 3 --start 0.5,1.5,3.0 --out target/toy-shower/reference

# docs/guide.md
stochad example
stochad example random-walk
stochad example biased --samples 100000
stochad shower scan --points 11 --events 400
stochad hadron generate -n 2000 --set Lund:pionsOnly=on
stochad hadron fit --quick --method rsa --start 0.72,0.88 --pseudo-events 20000

# docs/hadronization-gradients.md: figures and tables (minutes to hours; see its Commands section)
stochad hadron compare --out gradients --figures docs/figures
stochad hadron fit --method all --repeats 3 --out fits --figures docs/figures
stochad hadron fit --method resim --estimator sad --repeats 3 --start 0.40,1.50 --out fits-sad --figures fits-sad
stochad hadron fit --stepper adam --method resim --repeats 3 --steps 600 --start 0.40,1.50 --out fits-far --figures fits-far
stochad hadron compare --format csv --samples 24000 --fd-samples 120000 --study-samples 2000 --z-samples 5000 --threads 2 --seed 20261122 --out pathwise-compare
