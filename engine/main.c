/* main.c: the ladder command line: argument parsing and dispatch, nothing else. */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/session.h"
#include "core/utf8.h"
#include "lua/lua_host.h"
#include "tools/explore.h"
#include "ui/leave.h"
#include "ui/ui.h"

enum { EXIT_SCRIPT = 1, EXIT_USAGE = 2 };

static const char *const usage_main =
    "Usage: ladder [OPTION]...\n"
    "       ladder COMMAND [ARGS]\n"
    "\n"
    "Ladder is a text-adventure career simulation: four stories about IT leaders.\n"
    "Without a command it opens the title menu.\n"
    "\n"
    "Commands:\n"
    "  play STORY   play a story (a bundled id, or a scenario file or folder)\n"
    "  list         list the bundled stories\n"
    "  check        check stories for problems (file:line reports)\n"
    "  explore      play a story many times: coverage, endings, stats, errors\n"
    "  replay       print a save, or a seed and choices, as a transcript\n"
    "  workshop     room mode: play a story with a room voting, then a debrief\n"
    "  report       merge workshop results into an HTML page and a CSV\n"
    "  help [CMD]   show help for a command\n"
    "\n"
    "Options:\n"
    "      --ui NAME        sdl (a window) or term (the terminal); by default the window when\n"
    "                       a display is available and the terminal otherwise\n"
    "      --frames N       (window) draw N frames and exit, for start-up measurements\n"
    "      --screenshot F   (window) write the first frame to F (.png or .bmp) and exit\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n"
    "\n"
    "Saves go to $XDG_DATA_HOME/ladder (default ~/.local/share/ladder).\n"
    "Exit status: 0 ok, 1 a scenario script failed (or a participant's results could not be\n"
    "written), 2 usage error, 128+N the game was left on signal N (130 Ctrl-C, 129 the\n"
    "terminal closed, 143 SIGTERM) after saving what it had to, as if you typed quit.\n";

static const char *const usage_play =
    "Usage: ladder play STORY [OPTION]...\n"
    "\n"
    "Play STORY: a bundled story id (see 'ladder list') or a path to a scenario file or folder.\n"
    "A new game starts unless --continue or --load is given; the previous autosave is kept.\n"
    "\n"
    "Options:\n"
    "      --ui NAME      front end: sdl (a window), term (the terminal) or json (one JSON\n"
    "                     object per line); by default the window when a display is\n"
    "                     available and stdin is a terminal, else the terminal\n"
    "      --seed N       seed for the story's random events (default: from the clock)\n"
    "      --player NAME  the player's name, as the story uses it\n"
    "      --load SAVE    resume a save (a slot name or a file path)\n"
    "      --continue     resume the autosave of this story\n"
    "      --player NAME --session CODE --results DIR [--anonymous]\n"
    "                     workshop participant: everyone with the same CODE plays the same\n"
    "                     seed, and a results file is written in DIR when the story ends\n"
    "                     (or you quit); --anonymous leaves your name out\n"
    "      --watch        reload the story when its files change and replay to the same\n"
    "                     decision (a live preview while writing)\n"
    "      --frames N     (window) draw N frames and exit\n"
    "      --screenshot F (window) write the first frame to F (.png or .bmp) and exit\n"
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
    utf8_fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", msg);
}

/* Which front end: the one asked for, or the window when it can open and stdin is a
 * terminal, else the terminal. NULL (after a message) when the window was insisted on and
 * cannot open. */
static const Frontend *pick_frontend(const char *ui)
{
    Err err;
    if (ui && strcmp(ui, "term") == 0)
        return &ui_term;
    if (ui && strcmp(ui, "json") == 0)
        return &ui_json;
    if (ui && strcmp(ui, "sdl") == 0) {
        if (ui_sdl_available(&err))
            return &ui_sdl;
        fprintf(stderr, "ladder: %s\n", err.msg);
        return NULL;
    }
    if (!isatty(STDIN_FILENO))
        return &ui_term;
    if (ui_sdl_available(&err))
        return &ui_sdl;
    fprintf(stderr, "ladder: %s; playing in the terminal.\n", err.msg);
    return &ui_term;
}

static int run_session(Story *story, const SessionOptions *so, const Frontend *fe,
                       const UiConfig *cfg, const char *results, const char *code,
                       bool anonymous)
{
    Err err;
    Session *s = session_open(story, so, &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return EXIT_SCRIPT;
    }
    if (results)
        session_set_results(s, results, code, anonymous);
    int rc = fe->play(s, cfg);
    if (leave_signal())
        fprintf(stderr, "\nladder: leaving on %s, as if you typed quit.\n",
                leave_signal_name(leave_signal()));
    bool lost = false;
    if (results) { /* a participant who quit (or left by a signal) hands in what they did */
        lost = session_write_results(s, &err) != 0 || session_results_failed(s);
        char *n = session_take_notice(s);
        if (n)
            utf8_fprintf(stderr, "ladder: %s\n", n);
        free(n);
        if (lost)
            fprintf(stderr, "ladder: your results are in no file: exit status 1\n");
    }
    session_free(s);
    if (lost)
        return EXIT_SCRIPT;
    return rc == UI_BACK_TO_TITLE ? rc : leave_status(rc);
}

/* Signals end the game as `quit` does (ui/leave.h); the window lets SDL turn them into a quit
 * event. */
static void install_leave(const Frontend *fe, const UiConfig *cfg)
{
    if (fe == &ui_sdl)
        leave_install_window();
    else
        leave_install(fileno(cfg->in));
}

/* The title menu, then the story picked, then back to the menu when the player asks. */
static int title_loop(const Frontend *fe, UiConfig *cfg)
{
    char *notice = NULL;
    for (;;) {
        char *dir = paths_scenarios_dir();
        Catalog *cat = catalog_scan(dir);
        free(dir);
        if (cat->problems)
            utf8_fprintf(stderr, "ladder: some bundled stories failed to load:\n%s\n",
                         cat->problems);
        MenuPick pick = {0};
        cfg->notice = notice;
        int rc = leave_signal() ? 1 : fe->menu(cat, cfg, &pick);
        catalog_free(cat);
        free(notice);
        notice = NULL;
        cfg->notice = NULL;
        if (rc != 0)
            return leave_status(0);
        Err err;
        Story *story = catalog_open(pick.story_path, &err);
        free(pick.story_path);
        if (!story) {
            free(pick.load);
            report_story_error(err.msg);
            if (fe == &ui_term)
                return EXIT_SCRIPT;
            notice = xasprintf("That story cannot be loaded: %s", err.msg);
            continue;
        }
        SessionOptions so = {.resume = pick.resume, .load = pick.load};
        Session *s = session_open(story, &so, &err);
        free(pick.load);
        if (!s) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            if (fe == &ui_term)
                return EXIT_SCRIPT;
            notice = xasprintf("%s", err.msg);
            continue;
        }
        rc = fe->play(s, cfg);
        session_free(s);
        if (rc != UI_BACK_TO_TITLE || leave_signal())
            return leave_status(rc == UI_BACK_TO_TITLE ? 0 : rc);
    }
}

static int finish(const Frontend *fe, int rc)
{
    if (fe && fe->shutdown)
        fe->shutdown();
    return rc == UI_BACK_TO_TITLE ? 0 : rc;
}

static bool parse_count(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || !*s || v < 1 || v > 1000000)
        return false;
    *out = (int)v;
    return true;
}

static int cmd_play(int argc, char **argv)
{
    static const struct option opts[] = {
        {"ui", required_argument, NULL, 'u'},     {"seed", required_argument, NULL, 's'},
        {"player", required_argument, NULL, 'p'}, {"load", required_argument, NULL, 'l'},
        {"continue", no_argument, NULL, 'c'},     {"help", no_argument, NULL, 'h'},
        {"frames", required_argument, NULL, 'f'}, {"screenshot", required_argument, NULL, 'S'},
        {"watch", no_argument, NULL, 'w'},        {"session", required_argument, NULL, 'C'},
        {"results", required_argument, NULL, 'R'}, {"anonymous", no_argument, NULL, 'A'},
        {NULL, 0, NULL, 0}};
    SessionOptions so = {0};
    const char *code = NULL, *results = NULL;
    bool anonymous = false;
    UiConfig cfg = ui_config_default();
    const char *ui = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'u':
            if (strcmp(optarg, "term") && strcmp(optarg, "json") && strcmp(optarg, "sdl"))
                return usage_error("play ", "unknown front end '%s' (use sdl, term or json)",
                                   optarg);
            ui = optarg;
            break;
        case 'f':
            if (!parse_count(optarg, &cfg.frames))
                return usage_error("play ", "--frames takes a count from 1, not '%s'", optarg);
            break;
        case 'S': cfg.screenshot = optarg; break;
        case 'w': cfg.watch = true; break;
        case 'C': code = optarg; break;
        case 'R': results = optarg; break;
        case 'A': anonymous = true; break;
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
    if ((cfg.frames || cfg.screenshot) && !ui)
        ui = "sdl";
    if (code && !*code)
        return usage_error("play ", "%s", "--session needs a code");
    if ((code || anonymous) && !results)
        return usage_error("play ", "%s", "--session and --anonymous go with --results DIR");
    if (code && !so.seed_given) {
        so.seed = session_seed_for_code(code);
        so.seed_given = true;
    }
    Err err;
    Story *story = catalog_open(argv[optind], &err);
    if (!story) {
        report_story_error(err.msg);
        return EXIT_SCRIPT;
    }
    const Frontend *fe = pick_frontend(ui);
    if (!fe) {
        story_free(story);
        return EXIT_SCRIPT;
    }
    install_leave(fe, &cfg);
    int rc = run_session(story, &so, fe, &cfg, results, code, anonymous);
    if (rc == UI_BACK_TO_TITLE && fe->menu)
        rc = title_loop(fe, &cfg);
    return finish(fe, rc);
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
        utf8_fprintf(stdout, "%-*s  %s: %s\n", (int)w, cat->v[i].id, cat->v[i].title,
                     cat->v[i].summary);
    if (where) {
        Err err;
        char *data = paths_data_dir(&err);
        utf8_fprintf(stdout, "\nstories: %s\nsaves:   %s/saves\n", cat->dir,
                     data ? data : err.msg);
        free(data);
    }
    int rc = 0;
    if (cat->problems) {
        utf8_fprintf(stderr, "ladder: some bundled stories failed to load:\n%s\n", cat->problems);
        rc = EXIT_SCRIPT;
    } else if (cat->n == 0) {
        utf8_fprintf(stderr, "ladder: no stories found in %s\n", cat->dir);
        rc = EXIT_SCRIPT;
    }
    catalog_free(cat);
    return rc;
}

static int cmd_menu(const char *ui, UiConfig *cfg)
{
    const Frontend *fe = pick_frontend(ui);
    if (!fe)
        return EXIT_SCRIPT;
    if (!fe->menu) {
        fprintf(stderr, "ladder: the %s front end has no title menu; use 'ladder play STORY'\n",
                fe->name);
        return EXIT_USAGE;
    }
    install_leave(fe, cfg);
    return finish(fe, title_loop(fe, cfg));
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
    else if (strcmp(argv[1], "check") == 0 || strcmp(argv[1], "explore") == 0 ||
             strcmp(argv[1], "replay") == 0 || strcmp(argv[1], "report") == 0 ||
             strcmp(argv[1], "workshop") == 0) {
        char *args[] = {argv[1], (char *)(uintptr_t)"--help", NULL};
        optind = 0;
        return strcmp(argv[1], "check") == 0     ? tool_check(2, args)
               : strcmp(argv[1], "explore") == 0 ? tool_explore(2, args)
               : strcmp(argv[1], "replay") == 0  ? tool_replay(2, args)
               : strcmp(argv[1], "report") == 0  ? tool_report(2, args)
                                                 : tool_workshop(2, args);
    } else if (strcmp(argv[1], "help") == 0)
        fputs("Usage: ladder help [COMMAND]\n\nShow help for a command.\n", stdout);
    else
        return usage_error("", "unknown command '%s'", argv[1]);
    return 0;
}

int main(int argc, char **argv)
{
    host_install(lua_host()); /* the scripting host behind story_load (core/host.h) */
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},          {"version", no_argument, NULL, 'V'},
        {"ui", required_argument, NULL, 'u'},      {"frames", required_argument, NULL, 'f'},
        {"screenshot", required_argument, NULL, 'S'}, {NULL, 0, NULL, 0}};
    UiConfig cfg = ui_config_default();
    const char *ui = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(usage_main, stdout); return 0;
        case 'V': printf("ladder %s\n", LADDER_VERSION); return 0;
        case 'u':
            if (strcmp(optarg, "term") && strcmp(optarg, "sdl"))
                return usage_error("", "unknown front end '%s' for the title menu (use sdl or "
                                       "term)",
                                   optarg);
            ui = optarg;
            break;
        case 'f':
            if (!parse_count(optarg, &cfg.frames))
                return usage_error("", "--frames takes a count from 1, not '%s'", optarg);
            break;
        case 'S': cfg.screenshot = optarg; break;
        default: return usage_error("", "%s", "invalid option");
        }
    }
    if ((cfg.frames || cfg.screenshot) && !ui)
        ui = "sdl";
    if (optind >= argc)
        return cmd_menu(ui, &cfg);
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
    if (strcmp(cmd, "check") == 0)
        return tool_check(sub_argc, sub_argv);
    if (strcmp(cmd, "explore") == 0)
        return tool_explore(sub_argc, sub_argv);
    if (strcmp(cmd, "replay") == 0)
        return tool_replay(sub_argc, sub_argv);
    if (strcmp(cmd, "workshop") == 0)
        return tool_workshop(sub_argc, sub_argv);
    if (strcmp(cmd, "report") == 0)
        return tool_report(sub_argc, sub_argv);
    return usage_error("", "unknown command '%s'", cmd);
}
