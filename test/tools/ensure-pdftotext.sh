#!/usr/bin/env sh
# Tests read PDFs back with pdftotext (poppler-utils). Install it on a fresh Debian machine.
command -v pdftotext >/dev/null 2>&1 && exit 0
echo "pdftotext not found: installing poppler-utils" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
($SUDO apt-get install -y -qq poppler-utils >/dev/null 2>&1 || ($SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq poppler-utils >/dev/null 2>&1)) || true
command -v pdftotext >/dev/null 2>&1 || { echo "could not install poppler-utils; install it (apt-get install poppler-utils) and run the tests again" >&2; exit 1; }
