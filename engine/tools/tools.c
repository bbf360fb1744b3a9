/* tools.c: the table of subcommands, `ladder help`, and the helpers the commands share. */
#include "tools/tools.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/registry.h"

/* The one list of commands: `ladder help` prints it in this order. */
const Command tools_commands[] = {
    {"play", "STORY", "play a story (a bundled id, or a scenario file or folder)",
     tool_play_usage, tool_play},
    {"list", "", "list the bundled stories", tool_list_usage, tool_list},
    {"check", "", "check stories for problems (file:line reports)", tool_check_usage,
     tool_check},
    {"explore", "", "play a story many times: coverage, endings, stats, errors",
     tool_explore_usage, tool_explore},
    {"replay", "", "print a save, or a seed and choices, as a transcript", tool_replay_usage,
     tool_replay},
    {"workshop", "", "room mode: play a story with a room voting, then a debrief",
     tool_workshop_usage, tool_workshop},
    {"report", "", "merge workshop results into an HTML page and a CSV", tool_report_usage,
     tool_report},
    {"serve", "[STORY...]", "serve stories to web browsers: players, participants, facilitator",
     tool_serve_usage, tool_serve},
    {"help", "[CMD]", "show help for a command", tool_help_usage, tool_help},
};
const size_t tools_n_commands = sizeof tools_commands / sizeof tools_commands[0];

const Command *tools_find(const char *name)
{
    for (size_t i = 0; i < tools_n_commands; i++)
        if (strcmp(tools_commands[i].name, name) == 0)
            return &tools_commands[i];
    return NULL;
}

/* The capability a {ui-...} mark asks for, and the mark's length; 0 length when p is none. */
static size_t ui_mark(const char *p, unsigned *caps)
{
    static const struct {
        const char *mark;
        unsigned caps;
    } marks[] = {{"{ui-play}", 0}, {"{ui-menu}", UI_CAP_MENU}, {"{ui-room}", UI_CAP_ROOM}};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(p, marks[i].mark, strlen(marks[i].mark)) == 0) {
            *caps = marks[i].caps;
            return strlen(marks[i].mark);
        }
    return 0;
}

void tools_print_usage(const char *usage)
{
    Buf b = {0};
    for (const char *p = usage; *p;) {
        unsigned caps;
        size_t n = *p == '{' ? ui_mark(p, &caps) : 0;
        if (n) {
            ui_names(&b, caps);
            p += n;
        } else {
            buf_putc(&b, *p++);
        }
    }
    fputs(buf_str(&b), stdout);
    buf_free(&b);
}

const char tool_help_usage[] = "Usage: ladder help [COMMAND]\n\nShow help for a command.\n";

static const char *const usage_head =
    "Usage: ladder [OPTION]...\n"
    "       ladder COMMAND [ARGS]\n"
    "\n"
    "Ladder is a text-adventure career simulation: four stories about IT leaders.\n"
    "Without a command it opens the title menu.\n"
    "\n"
    "Commands:\n";

static const char *const usage_tail =
    "\n"
    "Options:\n"
    "      --ui NAME        the title menu's front end: {ui-menu}; by default the\n"
    "                       window when a display is available and the terminal otherwise\n"
    "      --frames N       (window) draw N frames and exit, for start-up measurements\n"
    "      --screenshot F   (window) write the first frame to F (.png or .bmp) and exit\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n"
    "\n"
    "Saves go to $XDG_DATA_HOME/ladder (default ~/.local/share/ladder).\n"
    "Exit status: 0 ok, 1 a scenario script failed (or a participant's results could not be\n"
    "written), 2 usage error, 128+N the game was left on signal N (130 Ctrl-C, 129 the\n"
    "terminal closed, 143 SIGTERM) after saving what it had to, as if you typed quit.\n";

void tools_print_main_usage(void)
{
    fputs(usage_head, stdout);
    for (size_t i = 0; i < tools_n_commands; i++) {
        const Command *c = &tools_commands[i];
        char head[64];
        snprintf(head, sizeof head, "%s%s%s", c->name, *c->args ? " " : "", c->args);
        printf("  %-12s %s\n", head, c->summary);
    }
    fputs("\nFront ends (--ui NAME):\n", stdout);
    for (size_t i = 0; i < ui_count(); i++)
        printf("  %-12s %s\n", ui_at(i)->name, ui_at(i)->summary);
    tools_print_usage(usage_tail);
}

int tool_help(int argc, char **argv)
{
    if (argc < 2) {
        tools_print_main_usage();
        return TOOLS_EXIT_OK;
    }
    if (argc > 2)
        return tools_usage_error("help", "unexpected argument '%s'", argv[2]);
    const Command *c = tools_find(argv[1]);
    if (!c)
        return tools_usage_error(NULL, "unknown command '%s'", argv[1]);
    tools_print_usage(c->usage);
    return TOOLS_EXIT_OK;
}

int tools_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ladder: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'ladder %s%s--help' for more information.\n", cmd ? cmd : "",
            cmd ? " " : "");
    return TOOLS_EXIT_USAGE;
}

bool tools_parse_count(const char *s, long lo, long hi, long *out)
{
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

int tools_unknown_ui(const char *cmd, const char *name, unsigned caps, const char *purpose)
{
    Buf names = {0};
    ui_names(&names, caps);
    int rc = tools_usage_error(cmd, "unknown front end '%s'%s%s (use %s)", name,
                               purpose ? " for " : "", purpose ? purpose : "", buf_str(&names));
    buf_free(&names);
    return rc;
}
