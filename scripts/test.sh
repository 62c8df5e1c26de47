#!/usr/bin/env bash
# Runs every test that needs nothing outside this repository (the bare-clone suite):
# unit tests, golden files, conformance (tsc against pinned typings) and the data tests
# against PostgreSQL servers the tests start themselves. Sets up prerequisites first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build HerokuToCloud.sln -c Release --nologo -v quiet
status=0
for project in tests/*/*.Tests.csproj; do
  case "$project" in *Corpus.Tests*) continue ;; esac
  dotnet test "$project" -c Release --no-build --nologo -v minimal "$@" || status=1
done
exit $status
