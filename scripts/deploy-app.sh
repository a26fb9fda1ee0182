#!/usr/bin/env bash
# Ships the code to the web app scripts/deploy-infra.sh made, and waits until it is ready.
#
#   scripts/deploy-app.sh --resource-group reflectbot-rg              (code: dotnet publish, then a zip deploy)
#   scripts/deploy-app.sh --resource-group reflectbot-rg --container  (image: az acr build from the Dockerfile)
#
# With a staging slot (the scaled profile) it deploys there, waits for /health/ready on the slot, swaps, and checks
# production: the instances serving people are never the ones restarting. Without one it deploys in place.
# Needs: Azure CLI signed in with Website Contributor (or Contributor) on the web app, and for the code path the
# .NET 10 SDK, Node.js (npm, for the Web Chat bundle) and zip; for --container, AcrPush on the registry.
set -euo pipefail

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
deployment=reflectbot

group="" container=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resource-group) group="$2"; shift 2 ;;
    --container) container=1; shift ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ -n "$group" ]] || usage
az account show --output none 2>/dev/null || { echo "Not signed in: run az login." >&2; exit 1; }

output() { az deployment group show --resource-group "$group" --name "$deployment" --query "properties.outputs.$1.value" --output tsv; }
site="$(output webAppName)" || { echo "No '$deployment' deployment in $group: run scripts/deploy-infra.sh first." >&2; exit 1; }
slot="$(output stagingSlotName)"
runtime="$(output runtime)"
if [[ $container -eq 1 && "$runtime" != container ]] || [[ $container -eq 0 && "$runtime" == container ]]; then
  echo "The infrastructure runs runtime=$runtime: use $( [[ "$runtime" == container ]] && echo '--container' || echo 'no --container'), or deploy the infrastructure with runtime=${runtime/code/container}." >&2
  exit 1
fi

say() { printf '\n== %s\n' "$*"; }
slot_args=()
[[ -n "$slot" ]] && slot_args=(--slot "$slot")

wait_ready() {
  local host="$1"
  echo "waiting for https://$host/health/ready"
  for _ in $(seq 1 60); do
    if curl --fail --silent --max-time 10 "https://$host/health/ready" >/dev/null; then
      echo "ready"
      return 0
    fi
    sleep 10
  done
  echo "https://$host/health/ready did not answer 200 within 10 minutes. Look at the app's log:" >&2
  echo "  az webapp log tail --resource-group $group --name $site ${slot_args[*]}" >&2
  return 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $container -eq 0 ]]; then
  say "Publishing"
  command -v zip >/dev/null || { echo "zip is not installed." >&2; exit 1; }
  # For App Service's Linux x64 workers, compiled ahead of time (ReadyToRun, see ReflectBot.csproj).
  dotnet publish "$root/src/ReflectBot/ReflectBot.csproj" -c Release -r linux-x64 --self-contained false -o "$work/publish"
  # The build only warns when npm is missing; shipping a page without its Web Chat bundle is worse than stopping.
  [[ -s "$work/publish/wwwroot/lib/webchat.js" ]] || { echo "The Web Chat bundle is missing from the build: install Node.js and run npm ci at the repository root." >&2; exit 1; }
  (cd "$work/publish" && zip -qr "$work/app.zip" .)
  say "Deploying to $site${slot:+ (slot $slot)}"
  az webapp deploy --resource-group "$group" --name "$site" "${slot_args[@]}" --src-path "$work/app.zip" --type zip --async false --output none
else
  registry="$(output containerRegistryServer)"
  tag="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)"
  say "Building reflectbot:$tag in $registry"
  az acr build --registry "${registry%%.*}" --image "reflectbot:$tag" --file "$root/Dockerfile" "$root" --output none
  say "Running reflectbot:$tag on $site${slot:+ (slot $slot)}"
  az webapp config container set --resource-group "$group" --name "$site" "${slot_args[@]}" \
    --container-image-name "$registry/reflectbot:$tag" --output none
  az webapp restart --resource-group "$group" --name "$site" "${slot_args[@]}" --output none
fi

if [[ -n "$slot" ]]; then
  wait_ready "$(az webapp show --resource-group "$group" --name "$site" --slot "$slot" --query defaultHostName --output tsv)"
  say "Swapping $slot into production"
  az webapp deployment slot swap --resource-group "$group" --name "$site" --slot "$slot" --target-slot production --output none
fi
wait_ready "$(az webapp show --resource-group "$group" --name "$site" --query defaultHostName --output tsv)"

say "Done"
echo "If this release is the first over data an earlier build wrote, run upgrade-data once (README, Upgrading)."
