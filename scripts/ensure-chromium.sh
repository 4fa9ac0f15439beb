#!/bin/sh
# Makes sure a Chromium or Chrome is there to print the PDF (run by `npm start` as prestart).
# Same search order as src/publish/browser.ts: PUPPETEER_EXECUTABLE_PATH, the usual paths,
# Puppeteer's browser cache. On Debian/Ubuntu as root it installs Debian's chromium; otherwise
# it prints the exact command and fails, so the build never starts without a browser.
# With --with-pdftotext (run by `npm test`) it also makes sure poppler-utils is there: the PDF
# tests read pages with pdftotext, pdfinfo and pdffonts.
set -u

if [ "${1:-}" = "--with-pdftotext" ] && ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No pdftotext found: installing Debian's poppler-utils package..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null ||
      { echo "error: installing poppler-utils failed. Run: apt-get update && apt-get install -y poppler-utils" >&2; exit 1; }
  else
    echo "error: the PDF tests need pdftotext. Install it with: sudo apt-get install -y poppler-utils" >&2
    exit 1
  fi
fi

# The no-network test (test/publish/no-network.test.ts) traces a PDF build with strace; without it
# that test is skipped with a message, so a failed install here is not fatal.
if [ "${1:-}" = "--with-pdftotext" ] && ! command -v strace >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No strace found: installing Debian's strace package for the no-network test..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace >/dev/null 2>&1 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace >/dev/null 2>&1; } ||
      echo "warning: installing strace failed; the no-network test will be skipped" >&2
  else
    echo "note: no strace; the no-network test will be skipped (install it with: sudo apt-get install -y strace)" >&2
  fi
fi

if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
  if [ -x "$PUPPETEER_EXECUTABLE_PATH" ]; then exit 0; fi
  echo "error: PUPPETEER_EXECUTABLE_PATH is \"$PUPPETEER_EXECUTABLE_PATH\", but no executable file is there" >&2
  exit 1
fi

for browser in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome \
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
  if [ -x "$browser" ]; then exit 0; fi
done
for browser in "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}"/chrome/*/chrome-linux64/chrome; do
  if [ -x "$browser" ]; then exit 0; fi
done

if [ "$(uname -s)" = Darwin ]; then
  echo "error: no Chrome or Chromium found to print the PDF. Install one with: brew install --cask chromium" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found: installing Debian's chromium package (apt-get install -y chromium)..." >&2
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    [ -x /usr/bin/chromium ] && exit 0
  fi
  echo "error: installing chromium failed. Run: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "error: no Chromium found to print the PDF. Install it with: sudo apt-get install -y chromium" >&2
else
  echo "error: no Chromium found to print the PDF. Install Chromium or Chrome with your package manager," >&2
  echo "       or set PUPPETEER_EXECUTABLE_PATH to its binary." >&2
fi
exit 1
