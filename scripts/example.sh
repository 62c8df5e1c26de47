#!/usr/bin/env bash
# The main job on the worked example, from a fresh clone with only the .NET SDK installed:
# capture the emigrate system from its Heroku manifests, generate its AWS and Kubernetes
# landings for the prod stack, and policy-check both. Output goes to out/emigrate/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build stacks/HerokuToCloud.Cli -c Release --nologo -v quiet
h2c() { dotnet stacks/HerokuToCloud.Cli/bin/Release/net10.0/heroku2cloud.dll "$@"; }

h2c inventory show stacks/emigrate/inventory.yaml
h2c generate stacks/emigrate/inventory.yaml --target aws --stack prod -o out/emigrate/aws
h2c check out/emigrate/aws
h2c generate stacks/emigrate/inventory.yaml --target kubernetes --stack prod -o out/emigrate/kubernetes
h2c check out/emigrate/kubernetes
echo
echo "Done: out/emigrate/aws and out/emigrate/kubernetes hold the Pulumi programs (pulumi preview -C out/emigrate/aws --stack prod)."
