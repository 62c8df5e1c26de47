#!/usr/bin/env bash
# The main job on the worked example, from a fresh clone with only the .NET SDK installed:
# capture the emigrate system from its Heroku manifests, generate its AWS and Kubernetes
# landings for the prod stack, and policy-check both. Output goes to out/emigrate/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build stacks/HerokuToCloud.Cli -c Release --nologo -v quiet
h2c() { dotnet stacks/HerokuToCloud.Cli/bin/Release/net10.0/heroku2cloud.dll "$@"; }

# 1. What the repositories' manifests say (app.json + Procfile per app) ...
h2c capture --dir stacks/emigrate/apps/emigrate-frontend --dir stacks/emigrate/apps/emigrate-backend \
  --dir stacks/emigrate/apps/emigrate-emailer --system emigrate -o out/emigrate/captured.yaml
# ... and the inventory the team completed from it (stacks/emigrate/README.md says what was added by hand).
h2c inventory show stacks/emigrate/inventory.yaml
# 2. The landings, each policy-checked.
h2c generate stacks/emigrate/inventory.yaml --target aws --stack prod -o out/emigrate/aws
h2c check out/emigrate/aws
h2c generate stacks/emigrate/inventory.yaml --target kubernetes --stack prod -o out/emigrate/kubernetes
h2c check out/emigrate/kubernetes
echo
echo "Done: out/emigrate/captured.yaml is the captured inventory; out/emigrate/aws and out/emigrate/kubernetes hold the Pulumi programs (pulumi preview --cwd out/emigrate/aws --stack prod)."
