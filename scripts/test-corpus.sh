#!/usr/bin/env bash
# Runs the corpus suite: every real Heroku manifest in ../shared/corpus is captured, generated for
# both targets, policy-checked and type-checked. The corpus lives outside this repository; without
# it this suite says so plainly and passes, because there is nothing to test.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${HEROKU2CLOUD_CORPUS:-$(cd .. && pwd)/shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "corpus suite: no corpus at $corpus (set HEROKU2CLOUD_CORPUS to run it); nothing to test."
  exit 0
fi
scripts/setup.sh
export HEROKU2CLOUD_CORPUS="$corpus"
dotnet test tests/HerokuToCloud.Corpus.Tests -c Release --nologo -v minimal "$@"
