/* Preloaded under valgrind by bench/instructions.sh only; never linked into dossier.
 *
 * valgrind 3.19 (Debian bookworm) writes into the signal mask that sigsuspend is given, to take its own signals out
 * of it. libdispatch, which runs the main thread of a Swift program with an async main, passes a mask that lies in
 * read-only memory, so valgrind dies of SIGSEGV (intermittently, when a worker thread starts at that moment). This
 * sigsuspend hands the kernel a copy on the stack, which valgrind may change. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
