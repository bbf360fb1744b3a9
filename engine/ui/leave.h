/* leave.h: leaving by a signal is leaving. SIGINT (Ctrl-C), SIGHUP (the terminal closed),
 * SIGTERM (and, for the terminal and JSON front ends, SIGPIPE: the output closed) end a game
 * the way `quit` does: the handler only records the signal; the front end's input loop stops,
 * and the caller writes the game's results or debrief in normal context, then exits with
 * leave_status(). A second signal while finishing ends the process at once, by that signal.
 * A signal that was ignored when Ladder started (nohup; a background job of a shell without
 * job control ignores SIGINT) stays ignored. */
#ifndef LADDER_LEAVE_H
#define LADDER_LEAVE_H

/* For front ends that read lines (terminal, JSON, the terminal room): handlers installed with
 * sigaction and no SA_RESTART, so a blocked read returns EINTR. input_fd (or -1) is the
 * descriptor the front end reads: the handler puts /dev/null in its place (dup2, which is
 * async-signal-safe), so a read that starts just after the signal sees the end of input
 * instead of blocking. Call once, before the game's loop. */
void leave_install(int input_fd);

/* For the window, after SDL is initialised: SDL turns SIGINT and SIGTERM into a quit event;
 * this records them first (then lets SDL's handlers run) and makes SIGHUP do the same as
 * SIGTERM, so the window closes as if its close button were pressed. */
void leave_install_window(void);

/* The signal that asked the game to end, or 0. Async-signal-safe to read at any time. */
int leave_signal(void);

/* The exit status of a game that would otherwise end with rc: 128 + the signal's number when
 * a signal asked it to end (130 for SIGINT, 129 SIGHUP, 143 SIGTERM, 141 SIGPIPE, as shells
 * report a command a signal ended), else rc. */
int leave_status(int rc);

/* "SIGINT (Ctrl-C)", "SIGHUP (the terminal closed)", ... for messages; "" for 0. */
const char *leave_signal_name(int sig);

#endif
