#!/usr/bin/env bash
# Cargo's runner for the Windows build (CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER):
# runs a Windows .exe (a test binary, or sigap.exe) under Wine, headless and without
# prompts. It makes what Wine needs the first time and reuses it after:
#   - a Wine prefix of its own under target/ (WINEPREFIX, unless one is set);
#   - target/wine-shim/bcryptprimitives.dll, built from tools/wine-shim/ with the mingw
#     compiler (see the C file for why), found by every .exe through WINEPATH.
#
#   CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$PWD/tools/wine-runner.sh \
#       cargo test --target x86_64-pc-windows-gnu
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac

shim_src=$root/tools/wine-shim/bcryptprimitives.c
shim_dir=$target/wine-shim
shim=$shim_dir/bcryptprimitives.dll
if [ ! -f "$shim" ] || [ "$shim_src" -nt "$shim" ]; then
    mkdir -p "$shim_dir"
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$shim.tmp" "$shim_src" -ladvapi32
    mv "$shim.tmp" "$shim"
fi

# Debian's `wine` wrapper looks for a 32-bit Wine first and says so; wine64 is what
# runs a 64-bit .exe.
wine=wine
for w in wine64 /usr/lib/wine/wine64; do
    if command -v "$w" >/dev/null 2>&1; then
        wine=$w
        break
    fi
done

export WINEPREFIX=${WINEPREFIX:-$target/wine-prefix}
export WINEDEBUG=${WINEDEBUG:--all}
# No Mono or Gecko: nothing asks to download them, no dialog waits for a click.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEARCH=win64
# Wine's Z: drive is the Unix root, so the shim's folder is Z:\ and the same path.
win_shim_dir="Z:${shim_dir//\//\\}"
export WINEPATH="$win_shim_dir${WINEPATH:+;$WINEPATH}"

if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    "$wine" wineboot --init >/dev/null 2>&1 || true
    wineserver -w 2>/dev/null || true
fi
# One Wine server for the whole run, kept 60 s after its last program, instead of one
# started and stopped for each test binary (fewer starts, and no start racing a stop).
# An error here only means a server is already running.
wineserver -p60 >/dev/null 2>&1 || true

exec "$wine" "$@"
