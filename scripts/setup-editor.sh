#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need: Debian packages for Chromium and for
# building code-server's native modules, the repo's npm dev dependencies, and code-server
# (a real VS Code 1.100.3) cached in .cache/code-server/. Safe to run again: each step is
# skipped when already done.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${FAULTLINE_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
# The marker records the Node ABI too: native modules built for one Node do not load in another.
NODE_ABI="$(node -p 'process.versions.modules')"
MARKER_CONTENT="code-server@$CODE_SERVER_VERSION node-abi=$NODE_ABI"
MARKER="$CACHE/.installed"

START=$SECONDS
step() { printf '\n==> [%3ss] %s\n' "$((SECONDS - START))" "$*"; }
info() { printf '    %s\n' "$*"; }

# ---------------------------------------------------------------- Debian packages
step "Debian packages"
PKGS=(libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium)
# node-gyp needs a compiler, make and python3 for the native modules.
command -v g++ >/dev/null || PKGS+=(g++)
command -v make >/dev/null || PKGS+=(make)
command -v python3 >/dev/null || PKGS+=(python3)
MISSING=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    MISSING+=("$p")
  fi
done
if ((${#MISSING[@]})); then
  info "installing: ${MISSING[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has empty package lists; an install without an update would find nothing.
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${MISSING[@]}"
else
  info "all present (${PKGS[*]})"
fi
command -v rg >/dev/null || { echo "ripgrep (rg) missing after install" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium missing after install" >&2; exit 1; }

# ---------------------------------------------------------------- repo dev dependencies
step "npm dev dependencies of the repo (playwright-core, tsx, @vscode/vsce)"
if [ -f "$ROOT/node_modules/playwright-core/package.json" ] \
  && [ -x "$ROOT/node_modules/.bin/tsx" ] && [ -x "$ROOT/node_modules/.bin/vsce" ]; then
  info "already installed"
else
  info "running npm ci"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

# ---------------------------------------------------------------- code-server
step "code-server $CODE_SERVER_VERSION in ${CACHE#$ROOT/}"
ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] && [ -f "$ENTRY" ]; then
  info "cached ($(cat "$MARKER")), skipping"
else
  [ -f "$MARKER" ] && info "cache is for '$(cat "$MARKER")', rebuilding"
  [ -d "$CACHE" ] && info "removing incomplete or stale cache" && rm -rf "$CACHE"
  mkdir -p "$CACHE"
  # npm_config_yes lets node-pty's own install script run `npx node-gyp` without a prompt.
  export npm_config_yes=true npm_config_fund=false npm_config_audit=false
  # Scripts are skipped here because code-server's postinstall downloads ripgrep; the native
  # parts are rebuilt below and ripgrep comes from Debian.
  step "npm install code-server (no scripts)"
  npm install --prefix "$CACHE" --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION"
  VSC="$CACHE/node_modules/code-server/lib/vscode"
  step "VS Code runtime dependencies"
  (cd "$VSC" && npm install --omit=dev --ignore-scripts)
  step "building native modules (takes a couple of minutes)"
  (cd "$VSC" && npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid)
  mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VSC/node_modules.asar"
  step "built-in extensions' dependencies (TypeScript for JS/TS support)"
  (cd "$VSC/extensions" && npm install --omit=dev)
  step "argon2 from source (no prebuilt binary is reachable)"
  (cd "$CACHE" && npm_config_build_from_source=true npm rebuild argon2)
  step "checking the install"
  # Its own config dir, so the check does not write ~/.config/code-server/config.yaml.
  CHECK_HOME="$(mktemp -d)"
  XDG_CONFIG_HOME="$CHECK_HOME" XDG_DATA_HOME="$CHECK_HOME" node "$ENTRY" --version
  rm -rf "$CHECK_HOME"
  (cd "$VSC" && node -e 'for (const m of ["node-pty","@vscode/spdlog","@parcel/watcher","kerberos"]) require(m)')
  printf '%s' "$MARKER_CONTENT" >"$MARKER"
fi

step "done: code-server at ${CACHE#$ROOT/}, chromium at $(command -v chromium)"
