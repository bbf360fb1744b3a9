/* watchdog.c: the wall-clock limit of a load or callback, the last line of defence behind the
 * instruction budget.
 *
 * The budget counts VM instructions and prices the library functions that loop in C, but a
 * path that was missed (or a single VM instruction that is slow, such as comparing two 30 MB
 * strings) could still keep a script running for a long time. A helper thread watches the one
 * call in flight: when it has run for limits.wall_ms, it raises a flag that the count hook
 * turns into an error at its next tick ("ran for more than N ms"); if the call is still running
 * after a second wall_ms (stuck in C, where no hook fires), the thread prints where the script
 * was last seen and ends the process with status 1. The game itself is safe on disk: it is
 * autosaved after every decision.
 *
 * The thread starts with the first call and ends after IDLE_EXIT_MS without one, so an idle
 * Ladder has no thread waking up. Starting and ending a call costs two atomic operations and a
 * clock read. Scripts run on one thread at a time, as the rest of the engine does. */
#include "lua/internal.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define IDLE_EXIT_MS 1000
#define POLL_MS 50

static atomic_ulong epoch;      /* odd while a call runs; every begin and end adds one */
static atomic_llong started_ms; /* when the running call began */
static atomic_long wall_ms;     /* its limit */
static Script *_Atomic current; /* its script (valid while epoch is odd and firing is held) */
static atomic_bool firing;      /* the thread is touching current */
static atomic_bool alive;       /* a watch thread exists */
static int depth;               /* nesting of begin/end on the calling thread */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* CLOCK_MONOTONIC_COARSE: a few milliseconds of resolution are plenty for a limit of
 * seconds, and it is read without a system call, on every callback. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long long ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Stuck in C past twice the limit: say where, and end the process (write and _exit are
 * async-signal-safe and take no locks the stuck thread could hold). */
static void give_up(Script *sc, long limit)
{
    char where[96] = "", msg[512];
    if (sc->last_line > 0)
        snprintf(where, sizeof where, "%s:%d: ", sc->last_src, sc->last_line);
    int n = snprintf(msg, sizeof msg,
                     "ladder: %sthe story's script has been running for more than %ld ms inside "
                     "the Lua library and does not stop; Ladder ends here (a game being played "
                     "is autosaved up to its last decision)\n",
                     where, 2 * limit);
    if (n > 0 && write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1) < 0)
        n = 0;
    _exit(1);
}

static void *watch(void *arg)
{
    (void)arg;
    long long idle_since = now_ms();
    for (;;) {
        unsigned long e = atomic_load(&epoch);
        long long now = now_ms();
        if (!(e & 1)) {
            if (now - idle_since < IDLE_EXIT_MS) {
                sleep_ms(POLL_MS);
                continue;
            }
            atomic_store(&alive, false);
            /* a call that began meanwhile may have seen alive still true and started no
             * thread: take it on, unless another thread already did */
            bool no = false;
            if ((atomic_load(&epoch) & 1) && atomic_compare_exchange_strong(&alive, &no, true))
                continue;
            return NULL;
        }
        idle_since = now;
        long limit = atomic_load(&wall_ms);
        long long late = now - atomic_load(&started_ms) - limit;
        if (late < 0) {
            sleep_ms(-late < POLL_MS ? -late + 1 : POLL_MS);
            continue;
        }
        atomic_store(&firing, true);
        if (atomic_load(&epoch) == e) {
            Script *sc = atomic_load(&current);
            atomic_store(&sc->timed_out, true);
            if (late >= limit)
                give_up(sc, limit);
        }
        atomic_store(&firing, false);
        sleep_ms(POLL_MS);
    }
}

/* After fork the child has no watch thread: let its first call start one. */
static void after_fork(void)
{
    atomic_store(&alive, false);
    atomic_store(&epoch, 0);
    atomic_store(&firing, false);
    depth = 0;
}

static void register_fork(void)
{
    pthread_atfork(NULL, NULL, after_fork);
}

void watchdog_begin(Script *sc)
{
    atomic_store_explicit(&sc->timed_out, false, memory_order_relaxed);
    if (sc->limits.wall_ms <= 0 || depth++ > 0)
        return;
    /* published before the epoch turns odd, which the thread reads first */
    atomic_store_explicit(&current, sc, memory_order_relaxed);
    atomic_store_explicit(&wall_ms, sc->limits.wall_ms, memory_order_relaxed);
    atomic_store_explicit(&started_ms, now_ms(), memory_order_relaxed);
    atomic_fetch_add(&epoch, 1);
    bool no = false;
    if (!atomic_load(&alive) && atomic_compare_exchange_strong(&alive, &no, true)) {
        pthread_once(&once, register_fork);
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &attr, watch, NULL) != 0)
            atomic_store(&alive, false); /* no thread: the instruction budget still holds */
        pthread_attr_destroy(&attr);
    }
}

void watchdog_end(Script *sc)
{
    if (sc->limits.wall_ms <= 0 || --depth > 0)
        return;
    atomic_fetch_add(&epoch, 1);
    while (atomic_load(&firing)) /* the thread is looking at sc: wait until it is done */
        sched_yield();
}

bool watchdog_expired(Script *sc)
{
    return atomic_load_explicit(&sc->timed_out, memory_order_relaxed);
}
