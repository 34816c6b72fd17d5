/*
 * bcryptprimitives.dll for Wine 8, used only to run the Windows build's tests.
 *
 * Why it exists: Rust's standard library (and the getrandom crate) take their random
 * bytes on Windows from ProcessPrng in bcryptprimitives.dll. Every Windows that Rust
 * supports (10 and later) ships that DLL, so sigap.exe needs nothing beside it on an
 * office PC. Wine 8 (Debian 12's) lacks the DLL, so a Rust .exe dies at its first
 * HashMap or temp file. This shim gives Wine the one function, by calling
 * RtlGenRandom (SystemFunction036 in advapi32.dll), which Wine has.
 *
 * It is never shipped: tools/wine-runner.sh builds it into target/wine-shim/ with the
 * mingw compiler and puts that folder on Wine's PATH (WINEPATH) for the tests.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c
 */
#include <windows.h>

/* RtlGenRandom's exported name; declared here because the headers hide it. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
