#!/usr/bin/env bash
# Regenerates the Initial migration of both providers from the model.
# Only while nothing is deployed: once a real database exists, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/Kinerja.Data/Migrations
dotnet build src/Kinerja.Data -v q >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add Initial --no-build --project src/Kinerja.Data --context ${ctx}KinerjaDb --output-dir Migrations/$ctx >/dev/null
done
echo "migrations regenerated"
