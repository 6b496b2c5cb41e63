#!/usr/bin/env bash
# Adds a migration with the same name for both providers, so they stay in step with the model.
# Usage: eng/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: eng/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project CoffeeShop.Data --startup-project CoffeeShop.Data \
    --context "${provider}CoffeeShopDbContext" \
    --output-dir "Migrations/$provider"
done
