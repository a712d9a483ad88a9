#!/usr/bin/env sh
# The PostgreSQL suite and the multi-instance test run Debian's postgresql and nginx
# (throwaway clusters and configs of their own; no system service is used or started).
# Installs them on a fresh Debian machine.
have() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1; }
PATH="$PATH:/usr/sbin:/sbin"
have && exit 0
echo "postgresql or nginx not found: installing them" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
# The packages would start their system services; nothing here needs them.
NOSTART=/usr/sbin/policy-rc.d
ADDED=""
if [ ! -e "$NOSTART" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$NOSTART" >/dev/null && $SUDO chmod 755 "$NOSTART" && ADDED=1
fi
# The package lists first: a fresh machine has none, or old ones naming versions gone from the mirror.
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql nginx >/dev/null 2>&1 || true
[ -n "$ADDED" ] && $SUDO rm -f "$NOSTART"
have || { echo "could not install postgresql and nginx; install them (apt-get install postgresql nginx) and run the tests again" >&2; exit 1; }
