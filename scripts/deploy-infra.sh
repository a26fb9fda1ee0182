#!/usr/bin/env bash
# Creates or updates ReflectBot's Azure resources, then makes sure every random secret the app reads exists.
# Safe to run again at any time: it converges, never replaces a secret, and never changes the running code.
#
#   scripts/deploy-infra.sh --resource-group reflectbot-rg --location westeurope --parameters-file FILE
#
# FILE is your copy of deploymentTemplates/azure/main.parameters.small.json or .scaled.json, with your clinicians,
# alert addresses and so on. Keep it (it holds no secret): every later run must use the same file, since it is the
# whole configuration, including journal key versions kept for reading during a key rotation. (--profile small or
# --profile scaled uses the shipped file unchanged, for a trial.)
#
# Needs: Azure CLI 2.60 or later signed in (az login) with Owner on the resource group (or on the subscription the
# first time, to create it and register resource providers), and openssl. See README, "Deploy to Azure and Teams".
set -euo pipefail

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
templates="$root/deploymentTemplates/azure"
deployment=reflectbot

group="" location="" params=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resource-group) group="$2"; shift 2 ;;
    --location) location="$2"; shift 2 ;;
    --parameters-file) params="$2"; shift 2 ;;
    --profile) params="$templates/main.parameters.$2.json"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ -n "$group" && -n "$location" && -n "$params" ]] || usage
[[ -f "$params" ]] || { echo "No parameters file at $params." >&2; exit 2; }
command -v az >/dev/null || { echo "The Azure CLI (az) is not installed." >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is not installed (it makes the random keys)." >&2; exit 1; }
az account show --output none 2>/dev/null || { echo "Not signed in: run az login (and az account set --subscription ...)." >&2; exit 1; }

say() { printf '\n== %s\n' "$*"; }

say "Resource providers (once per subscription)"
for provider in Microsoft.Web Microsoft.Storage Microsoft.KeyVault Microsoft.BotService Microsoft.Insights \
  Microsoft.OperationalInsights Microsoft.ManagedIdentity Microsoft.Network Microsoft.ContainerRegistry; do
  state="$(az provider show --namespace "$provider" --query registrationState --output tsv 2>/dev/null || true)"
  if [[ "$state" != "Registered" ]]; then
    echo "registering $provider"
    az provider register --namespace "$provider" --wait --output none
  fi
done

say "Resource group $group in $location"
az group create --name "$group" --location "$location" --output none

# Whoever runs this gets Key Vault Secrets Officer on the vault (the template assigns it), to create the secrets below.
user_type="$(az account show --query user.type --output tsv)"
if [[ "$user_type" == "user" ]]; then
  me="$(az ad signed-in-user show --query id --output tsv)"
else
  me="$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv)"
fi

output() { az deployment group show --resource-group "$group" --name "$deployment" --query "properties.outputs.$1.value" --output tsv 2>/dev/null || true; }

# The container path: keep the image that runs now, so this run changes infrastructure only.
keep_image=()
site="$(output webAppName)"
if [[ -n "$site" ]]; then
  current="$(az webapp config show --resource-group "$group" --name "$site" --query linuxFxVersion --output tsv 2>/dev/null || true)"
  if [[ "$current" == DOCKER\|*:* ]]; then
    keep_image=(containerImageTag="${current##*:}")
  fi
fi

say "Deploying $templates/main.bicep with $params"
az deployment group create --resource-group "$group" --name "$deployment" \
  --template-file "$templates/main.bicep" \
  --parameters "@$params" \
  --parameters deployerPrincipalId="$me" "${keep_image[@]}" \
  --output none

vault="$(output keyVaultName)"
site="$(output webAppName)"
slot="$(output stagingSlotName)"
mapfile -t wanted < <(az deployment group show --resource-group "$group" --name "$deployment" --query 'properties.outputs.randomSecretNames.value[]' --output tsv)

say "Secrets in $vault"
# The role the template just granted can take a few minutes to reach Key Vault: wait for it, and tell a refusal
# from a missing secret, so a slow grant never becomes a new journal key.
existing=""
for attempt in $(seq 1 40); do
  if existing="$(az keyvault secret list --vault-name "$vault" --query '[].name' --output tsv 2>/dev/null)"; then
    break
  fi
  [[ $attempt -eq 40 ]] && { echo "Still cannot list secrets in $vault after 10 minutes: does $me have Key Vault Secrets Officer there?" >&2; exit 1; }
  sleep 15
done
# If this listing is refused, a soft-deleted name still makes the secret set below fail with a conflict: the
# script stops, and no new key replaces a recoverable one.
deleted="$(az keyvault secret list-deleted --vault-name "$vault" --query '[].name' --output tsv 2>/dev/null || true)"

created=0
for name in "${wanted[@]}"; do
  if grep -qx "$name" <<<"$existing"; then
    echo "$name: present, kept"
  elif grep -qx "$name" <<<"$deleted"; then
    # Never make a new journal key while the old one can come back: records sealed with it would be lost.
    echo "$name: soft-deleted; recovering it instead of creating a new one"
    az keyvault secret recover --vault-name "$vault" --name "$name" --output none
    created=1
  else
    echo "$name: missing; creating 32 random bytes (base64)"
    secret_file="$(umask 077; mktemp)"
    openssl rand -base64 32 | tr -d '\n' >"$secret_file"
    az keyvault secret set --vault-name "$vault" --name "$name" --file "$secret_file" --encoding utf-8 --output none
    rm -f "$secret_file"
    created=1
  fi
done

if [[ "$(output singleTenantApp)" == "true" ]] && ! grep -qx bot-app-password <<<"$existing"; then
  echo "appType is SingleTenant: put the app registration's client secret in the vault, then run this again:" >&2
  echo "  az keyvault secret set --vault-name $vault --name bot-app-password --file <file holding the secret>" >&2
  exit 1
fi

if [[ $created -eq 1 ]]; then
  # App Service reads Key Vault references when the app starts: restart so it sees the secrets just created.
  say "Restarting $site so it reads the new secrets"
  az webapp restart --resource-group "$group" --name "$site" --output none
  [[ -n "$slot" ]] && az webapp restart --resource-group "$group" --name "$site" --slot "$slot" --output none
fi

say "Done"
cat <<EOF
web app:            $site  (https://$(output webAppHostName))
messaging endpoint: $(output messagingEndpoint)
bot app id:         $(output botAppId)
key vault:          $vault
deleted data stays recoverable for at most $(output deletedDataRecoverableDays) days (what "delete my data" tells people)
next: scripts/deploy-app.sh --resource-group $group$( [[ "$(output runtime)" == container ]] && echo ' --container')
EOF
