/* tools.h: the ladder subcommands: one table (tools.c) that main dispatches from and `ladder
 * help` prints, and the helpers every command shares (usage errors, counts, help text).
 *
 * Adding a command: write tools/NAME.c with `int tool_NAME(int argc, char **argv)` (getopt_long
 * over argv, argv[0] being the command's name; return the exit status) and its help text
 * `const char tool_NAME_usage[]`; declare both below; add one row to the table in tools.c; add
 * the file to CMakeLists.txt. */
#ifndef LADDER_TOOLS_H
#define LADDER_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* The process exit statuses every command uses. 128+N (left on signal N) comes from
 * leave_status (ui/leave.h). */
enum { TOOLS_EXIT_OK = 0, TOOLS_EXIT_FAILED = 1, TOOLS_EXIT_USAGE = 2 };

typedef struct Command {
    const char *name;    /* "play" */
    const char *args;    /* "STORY", for the command list; "" when none */
    const char *summary; /* one line for `ladder help` */
    const char *usage;   /* the full help text (tools_print_usage expands its {ui-...} marks) */
    int (*run)(int argc, char **argv); /* argv[0] is the command's name; returns the status */
} Command;

/* The commands, in the order `ladder help` lists them. Static; valid for the program's life. */
extern const Command tools_commands[];
extern const size_t tools_n_commands;

/* The command called name, or NULL. */
const Command *tools_find(const char *name);

/* Print a help text to stdout, with each mark {ui-play}, {ui-menu} or {ui-room} replaced by the
 * names of the front ends that can play, show the title menu or run a room ("sdl, term or
 * json", from the registry in ui/registry.c). */
void tools_print_usage(const char *usage);

/* `ladder help`: the main help, with the command list from the table. */
void tools_print_main_usage(void);

/* Print "ladder: MESSAGE" and "Try 'ladder CMD --help' for more information." (cmd NULL: 'ladder
 * --help') on stderr. Returns TOOLS_EXIT_USAGE, for `return tools_usage_error(...)`. */
int tools_usage_error(const char *cmd, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* The usage error for a --ui NAME that no front end with caps answers to: "unknown front end
 * 'NAME'[ for PURPOSE] (use a, b)", naming those that do. purpose may be NULL. Returns
 * TOOLS_EXIT_USAGE. */
int tools_unknown_ui(const char *cmd, const char *name, unsigned caps, const char *purpose);

/* Parse a decimal count from lo to hi (no sign, nothing after). Returns false when s is not
 * one. */
bool tools_parse_count(const char *s, long lo, long hi, long *out);

/* The commands (each in tools/NAME.c), as the table runs them: argv[0] is the command's name;
 * they parse their options with getopt_long and return TOOLS_EXIT_OK, TOOLS_EXIT_FAILED,
 * TOOLS_EXIT_USAGE (through tools_usage_error) or a leave_status. Their help texts are static,
 * with {ui-...} marks for tools_print_usage. */
int tool_play(int argc, char **argv);
int tool_list(int argc, char **argv);
int tool_check(int argc, char **argv);
int tool_explore(int argc, char **argv);
int tool_replay(int argc, char **argv);
int tool_workshop(int argc, char **argv);
int tool_report(int argc, char **argv);
int tool_serve(int argc, char **argv);
int tool_help(int argc, char **argv);
extern const char tool_play_usage[], tool_list_usage[], tool_check_usage[], tool_explore_usage[],
    tool_replay_usage[], tool_workshop_usage[], tool_report_usage[], tool_serve_usage[], tool_help_usage[];

/* No command: the title menu, with the global options main parsed (ui: a front end's name, or
 * NULL for the default; frames and screenshot for the window, 0 and NULL when not given).
 * Returns the exit status. */
int tool_title(const char *ui, int frames, const char *screenshot);

#endif
