#!/usr/bin/env bash
# Runs the browser suite in WebKitGTK: a virtual display and WebKitWebDriver, started in Paris time like the other
# engines, then stopped whatever the outcome.
set -u
display=${WEBKIT_DISPLAY:-:99}
port=${WEBKIT_DRIVER_PORT:-4444}
started=()
if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
  started+=($!)
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
fi
DISPLAY=$display TZ=Europe/Paris WebKitWebDriver --port="$port" --host=127.0.0.1 >/dev/null 2>&1 &
started+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
trap 'kill "${started[@]}" 2>/dev/null' EXIT
DISPLAY=$display BROWSERS=webkit WEBKIT_DRIVER_PORT=$port npx web-test-runner "$@"
