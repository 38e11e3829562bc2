#!/bin/sh
# Debian's chromium, its driver and a CJK font for the browser tests; nothing is downloaded outside apt.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
fc-list 2>/dev/null | grep -qi "noto.*cjk" || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "browser tests need:$missing; install them with: apt-get install$missing" >&2; exit 1
  fi
fi
echo "installing$missing from Debian's packages" >&2
${SUDO:-} apt-get update -qq
DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq $missing >/dev/null
