/* leave.c: signals that end a game, recorded in a flag; the work of leaving (results, debrief)
 * is done by the caller in normal context. See leave.h. */
#include "ui/leave.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t g_signal;
static int g_input = -1, g_devnull = -1;
static pthread_t g_main; /* the thread that reads input and runs the game */
/* the window: SDL's handlers, to pass the signal on to */
static struct sigaction g_sdl_int, g_sdl_term;
static const int leave_signals[] = {SIGINT, SIGHUP, SIGTERM};

/* A second signal while finishing: end at once, by that signal. */
static void second(int sig)
{
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_signal(int sig)
{
    int saved = errno;
    if (!pthread_equal(pthread_self(), g_main)) {
        /* another thread (a story's watchdog) took it: pass it on to the game's thread, whose
         * blocked read it must interrupt */
        pthread_kill(g_main, sig);
        errno = saved;
        return;
    }
    if (g_signal && sig == SIGPIPE) {
        /* a closed output while finishing must not stop the results being written */
    } else if (g_signal) {
        second(sig);
    } else {
        g_signal = sig;
        if (g_input >= 0 && g_devnull >= 0)
            dup2(g_devnull, g_input); /* no read can block from now on */
    }
    errno = saved;
}

static void call(const struct sigaction *old, int sig, siginfo_t *info, void *ctx)
{
    if (old->sa_flags & SA_SIGINFO) {
        if (old->sa_sigaction)
            old->sa_sigaction(sig, info, ctx);
    } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        old->sa_handler(sig);
    }
}

/* Install fn for sig, unless sig was ignored when Ladder started (nohup, a background job of
 * a shell without job control): an ignored signal stays ignored, as for any program. */
static void install(int sig, void (*fn)(int, siginfo_t *, void *), struct sigaction *old)
{
    struct sigaction now;
    if (sigaction(sig, NULL, &now) == 0 && !(now.sa_flags & SA_SIGINFO) &&
        now.sa_handler == SIG_IGN) {
        if (old)
            *old = now;
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO; /* and not SA_RESTART: a blocked read returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, old);
}

static void on_window_signal(int sig, siginfo_t *info, void *ctx)
{
    int saved = errno;
    if (!pthread_equal(pthread_self(), g_main)) { /* see on_signal */
        pthread_kill(g_main, sig);
        errno = saved;
        return;
    }
    if (g_signal && sig == SIGPIPE) {
        errno = saved;
        return;
    }
    if (g_signal) {
        second(sig);
        errno = saved;
        return;
    }
    g_signal = sig;
    /* SDL's handler queues a quit event (and puts itself back in place of ours) */
    if (sig == SIGINT)
        call(&g_sdl_int, SIGINT, info, ctx);
    else
        call(&g_sdl_term, SIGTERM, info, ctx);
    install(sig == SIGINT ? SIGINT : SIGTERM, on_window_signal, NULL);
    errno = saved;
}

static void on_line_signal(int sig, siginfo_t *info, void *ctx)
{
    (void)info;
    (void)ctx;
    on_signal(sig);
}

void leave_install(int input_fd)
{
    g_main = pthread_self();
    g_input = input_fd;
    if (g_devnull < 0)
        g_devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    for (size_t i = 0; i < sizeof leave_signals / sizeof *leave_signals; i++)
        install(leave_signals[i], on_line_signal, NULL);
    install(SIGPIPE, on_line_signal, NULL);
}

void leave_install_window(void)
{
    g_main = pthread_self();
    install(SIGINT, on_window_signal, &g_sdl_int);
    install(SIGTERM, on_window_signal, &g_sdl_term);
    install(SIGHUP, on_window_signal, NULL);
}

int leave_signal(void)
{
    return (int)g_signal;
}

int leave_status(int rc)
{
    return g_signal ? 128 + (int)g_signal : rc;
}

const char *leave_signal_name(int sig)
{
    switch (sig) {
    case SIGINT: return "SIGINT (Ctrl-C)";
    case SIGHUP: return "SIGHUP (the terminal closed)";
    case SIGTERM: return "SIGTERM";
    case SIGPIPE: return "SIGPIPE (the output closed)";
    default: return sig ? "a signal" : "";
    }
}
