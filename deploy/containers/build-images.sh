#!/usr/bin/env bash
# Builds the four service images from the packaged services, tagged as the Helm chart expects:
# <registry>/<repository>/<service>:<appVersion of deploy/helm/partnerb2b/Chart.yaml>.
# Usage: deploy/containers/build-images.sh [registry/repository]   (default ghcr.io/partnerb2b)
# Needs podman or docker, and ./mvnw -DskipTests package run before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PREFIX="${1:-ghcr.io/partnerb2b}"
VERSION="$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' deploy/helm/partnerb2b/Chart.yaml)"
ENGINE="$(command -v podman || command -v docker || { echo "podman or docker is needed" >&2; exit 1; })"
for service in auth-service profile-service analysis-service webhook-service; do
  if [ ! -f "$service/target/quarkus-app/quarkus-run.jar" ]; then
    echo "$service is not packaged: run ./mvnw -DskipTests package first" >&2
    exit 1
  fi
  "$ENGINE" build -f deploy/containers/Containerfile.jvm --build-arg SERVICE="$service" -t "$PREFIX/$service:$VERSION" .
done
