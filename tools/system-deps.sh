#!/usr/bin/env bash
# Installs the Debian packages the tests drive: Chromium (browser tests), gpg (CSAF
# signatures), Node.js + npm (the CSAF validator, axe-core), a Java runtime (the Nu Html Checker)
# and CJK fonts (ja screenshots).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v gpg >/dev/null 2>&1 || need+=(gnupg)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
