#!/usr/bin/env bash
# Adds a migration for one module on both providers: eng/migrations.sh <Module> <MigrationName>
# Each provider has its own migrations (SQLite and PostgreSQL types and SQL differ); both must be added together.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module, e.g. Inventory}
name=${2:?migration name, e.g. Initial}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Modules/$module/Omni.$module.csproj" \
    --startup-project "src/Modules/$module/Omni.$module.csproj" \
    --context "${module}${provider}DbContext" \
    --output-dir "Data/Migrations/$provider"
done
