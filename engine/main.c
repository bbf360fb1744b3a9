/* main.c: the ladder command line: argument parsing and dispatch, nothing else. */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/session.h"
#include "ui/ui.h"

enum { EXIT_SCRIPT = 1, EXIT_USAGE = 2 };

static const char *const usage_main =
    "Usage: ladder [OPTION]\n"
    "       ladder COMMAND [ARGS]\n"
    "\n"
    "Ladder is a text-adventure career simulation: four stories about IT leaders.\n"
    "Without a command it opens the title menu.\n"
    "\n"
    "Commands:\n"
    "  play STORY   play a story (a bundled id, or a scenario file or folder)\n"
    "  list         list the bundled stories\n"
    "  help [CMD]   show help for a command\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  show the version and exit\n"
    "\n"
    "Saves go to $XDG_DATA_HOME/ladder (default ~/.local/share/ladder).\n"
    "Exit status: 0 ok, 1 a scenario script failed, 2 usage error.\n";

static const char *const usage_play =
    "Usage: ladder play STORY [OPTION]...\n"
    "\n"
    "Play STORY: a bundled story id (see 'ladder list') or a path to a scenario file or folder.\n"
    "A new game starts unless --continue or --load is given; the previous autosave is kept.\n"
    "\n"
    "Options:\n"
    "      --ui NAME      front end: term (the terminal) or json (one JSON object per line)\n"
    "      --seed N       seed for the story's random events (default: from the clock)\n"
    "      --player NAME  the player's name, as the story uses it\n"
    "      --load SAVE    resume a save (a slot name or a file path)\n"
    "      --continue     resume the autosave of this story\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "In the terminal, type a choice's number; 'help' lists stats, history, undo, save, load\n"
    "and quit.\n";

static const char *const usage_list =
    "Usage: ladder list [--where]\n"
    "\n"
    "List the bundled stories: id, title and summary.\n"
    "\n"
    "Options:\n"
    "      --where  also show where stories are read from and saves are kept\n"
    "  -h, --help   show this help and exit\n";

static int usage_error(const char *cmd, const char *fmt, ...) LADDER_PRINTF(2, 3);
static int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ladder: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'ladder %s--help' for more information.\n", cmd);
    return EXIT_USAGE;
}

static void report_story_error(const char *msg)
{
    fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", msg);
}

static int run_session(Story *story, const SessionOptions *so, const Frontend *fe)
{
    Err err;
    Session *s = session_open(story, so, &err);
    if (!s) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return EXIT_SCRIPT;
    }
    UiConfig cfg = ui_config_default();
    int rc = fe->play(s, &cfg);
    session_free(s);
    return rc;
}

static int cmd_play(int argc, char **argv)
{
    static const struct option opts[] = {
        {"ui", required_argument, NULL, 'u'},     {"seed", required_argument, NULL, 's'},
        {"player", required_argument, NULL, 'p'}, {"load", required_argument, NULL, 'l'},
        {"continue", no_argument, NULL, 'c'},     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    SessionOptions so = {0};
    const Frontend *fe = &ui_term;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'u':
            if (strcmp(optarg, "term") == 0)
                fe = &ui_term;
            else if (strcmp(optarg, "json") == 0)
                fe = &ui_json;
            else
                return usage_error("play ", "unknown front end '%s' (use term or json)", optarg);
            break;
        case 's': {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || !*optarg || optarg[0] == '-')
                return usage_error("play ", "--seed takes a non-negative integer, not '%s'",
                                   optarg);
            so.seed = v;
            so.seed_given = true;
            break;
        }
        case 'p': so.player = optarg; break;
        case 'l': so.load = optarg; break;
        case 'c': so.resume = true; break;
        case 'h': fputs(usage_play, stdout); return 0;
        default: return usage_error("play ", "%s", "invalid option");
        }
    }
    if (optind >= argc)
        return usage_error("play ", "%s", "play needs a STORY (see 'ladder list')");
    if (optind + 1 < argc)
        return usage_error("play ", "unexpected argument '%s'", argv[optind + 1]);
    if (so.resume && so.load)
        return usage_error("play ", "%s", "use --continue or --load, not both");
    Err err;
    Story *story = catalog_open(argv[optind], &err);
    if (!story) {
        report_story_error(err.msg);
        return EXIT_SCRIPT;
    }
    return run_session(story, &so, fe);
}

static int cmd_list(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'}, {"where", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};
    int c;
    bool where = false;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(usage_list, stdout);
            return 0;
        }
        if (c == 'w') {
            where = true;
            continue;
        }
        return usage_error("list ", "%s", "invalid option");
    }
    if (optind < argc)
        return usage_error("list ", "unexpected argument '%s'", argv[optind]);
    char *dir = paths_scenarios_dir();
    Catalog *cat = catalog_scan(dir);
    free(dir);
    size_t w = 0;
    for (size_t i = 0; i < cat->n; i++)
        if (strlen(cat->v[i].id) > w)
            w = strlen(cat->v[i].id);
    for (size_t i = 0; i < cat->n; i++)
        printf("%-*s  %s: %s\n", (int)w, cat->v[i].id, cat->v[i].title, cat->v[i].summary);
    if (where) {
        Err err;
        char *data = paths_data_dir(&err);
        printf("\nstories: %s\nsaves:   %s/saves\n", cat->dir, data ? data : err.msg);
        free(data);
    }
    int rc = 0;
    if (cat->problems) {
        fprintf(stderr, "ladder: some bundled stories failed to load:\n%s\n", cat->problems);
        rc = EXIT_SCRIPT;
    } else if (cat->n == 0) {
        fprintf(stderr, "ladder: no stories found in %s\n", cat->dir);
        rc = EXIT_SCRIPT;
    }
    catalog_free(cat);
    return rc;
}

static int cmd_menu(void)
{
    char *dir = paths_scenarios_dir();
    Catalog *cat = catalog_scan(dir);
    free(dir);
    if (cat->problems)
        fprintf(stderr, "ladder: some bundled stories failed to load:\n%s\n", cat->problems);
    UiConfig cfg = ui_config_default();
    MenuPick pick = {0};
    int rc = ui_term.menu(cat, &cfg, &pick);
    catalog_free(cat);
    if (rc != 0)
        return 0;
    Err err;
    Story *story = catalog_open(pick.story_path, &err);
    free(pick.story_path);
    if (!story) {
        report_story_error(err.msg);
        return EXIT_SCRIPT;
    }
    SessionOptions so = {.resume = pick.resume};
    return run_session(story, &so, &ui_term);
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stdout);
        return 0;
    }
    if (strcmp(argv[1], "play") == 0)
        fputs(usage_play, stdout);
    else if (strcmp(argv[1], "list") == 0)
        fputs(usage_list, stdout);
    else if (strcmp(argv[1], "help") == 0)
        fputs("Usage: ladder help [COMMAND]\n\nShow help for a command.\n", stdout);
    else
        return usage_error("", "unknown command '%s'", argv[1]);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
                                         {"version", no_argument, NULL, 'V'},
                                         {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(usage_main, stdout); return 0;
        case 'V': printf("ladder %s\n", LADDER_VERSION); return 0;
        default: return usage_error("", "%s", "invalid option");
        }
    }
    if (optind >= argc)
        return cmd_menu();
    const char *cmd = argv[optind];
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    optind = 0; /* 0: GNU getopt starts afresh (the first pass stopped at the command) */
    if (strcmp(cmd, "play") == 0)
        return cmd_play(sub_argc, sub_argv);
    if (strcmp(cmd, "list") == 0)
        return cmd_list(sub_argc, sub_argv);
    if (strcmp(cmd, "help") == 0)
        return cmd_help(sub_argc, sub_argv);
    return usage_error("", "unknown command '%s'", cmd);
}
