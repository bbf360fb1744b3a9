/* play.c: `ladder play` and the title menu (ladder without a command): a story played through
 * a front end chosen from the registry, back to the title screen when the player asks. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/rng.h"
#include "core/session.h"
#include "core/utf8.h"
#include "tools/tools.h"
#include "ui/leave.h"
#include "ui/registry.h"

const char tool_play_usage[] =
    "Usage: ladder play STORY [OPTION]...\n"
    "\n"
    "Play STORY: a bundled story id (see 'ladder list') or a path to a scenario file or folder.\n"
    "A new game starts unless --continue or --load is given; the previous autosave is kept.\n"
    "\n"
    "Options:\n"
    "      --ui NAME      the front end: {ui-play} (see 'ladder help'); by default\n"
    "                     the window when a display is available and stdin is a terminal,\n"
    "                     else the terminal\n"
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

static void report_story_error(const char *msg)
{
    utf8_fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", msg);
}

/* The front end called ui (checked by the caller), or the default among those with caps. NULL
 * (after a message) when the one asked for cannot run here (no display for a window). */
static const Frontend *pick_frontend(const char *ui, unsigned caps)
{
    Err err;
    if (ui) {
        const Frontend *fe = ui_find(ui, caps);
        if (fe && ui_available(fe, &err))
            return fe;
        fprintf(stderr, "ladder: %s\n", fe ? err.msg : "no such front end");
        return NULL;
    }
    const Frontend *fe = ui_default(caps, &err);
    if (err.msg[0])
        fprintf(stderr, "ladder: %s; playing in the terminal.\n", err.msg);
    return fe;
}

/* Play s's story through fe; a participant's results are written when it ends. Returns the
 * exit status, or 0 with *to_title set when the player asked for the title screen. */
static int run_session(Story *story, const SessionOptions *so, const Frontend *fe,
                       const UiConfig *cfg, const char *results, const char *code,
                       bool anonymous, bool *to_title)
{
    *to_title = false;
    Err err;
    Session *s = session_open(story, so, &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return TOOLS_EXIT_FAILED;
    }
    if (results)
        session_set_results(s, results, code, anonymous);
    UiExit e = fe->play(s, cfg);
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
        return TOOLS_EXIT_FAILED;
    if (e == UI_BACK_TO_TITLE) {
        *to_title = true;
        return TOOLS_EXIT_OK;
    }
    return leave_status(ui_exit_status(e));
}

/* The title menu, then the story picked, then back to the menu when the player asks. Returns
 * the exit status. */
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
            return leave_status(TOOLS_EXIT_OK);
        Err err;
        Story *story = catalog_open(pick.story_path, &err);
        free(pick.story_path);
        if (!story) {
            free(pick.load);
            report_story_error(err.msg);
            if (!(fe->caps & UI_CAP_MENU_NOTICE))
                return TOOLS_EXIT_FAILED;
            notice = xasprintf("That story cannot be loaded: %s", err.msg);
            continue;
        }
        SessionOptions so = {.resume = pick.resume, .load = pick.load};
        Session *s = session_open(story, &so, &err);
        free(pick.load);
        if (!s) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            if (!(fe->caps & UI_CAP_MENU_NOTICE))
                return TOOLS_EXIT_FAILED;
            notice = xasprintf("%s", err.msg);
            continue;
        }
        UiExit e = fe->play(s, cfg);
        session_free(s);
        if (e != UI_BACK_TO_TITLE || leave_signal())
            return leave_status(ui_exit_status(e));
    }
}

/* Release the front end (the window); returns rc. */
static int finish(const Frontend *fe, int rc)
{
    if (fe->shutdown)
        fe->shutdown();
    return rc;
}

int tool_play(int argc, char **argv)
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
    long frames;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'u':
            if (!ui_find(optarg, 0))
                return tools_unknown_ui("play", optarg, 0, NULL);
            ui = optarg;
            break;
        case 'f':
            if (!tools_parse_count(optarg, 1, 1000000, &frames))
                return tools_usage_error("play", "--frames takes a count from 1, not '%s'",
                                         optarg);
            cfg.window.frames = (int)frames;
            break;
        case 'S': cfg.window.screenshot = optarg; break;
        case 'w': cfg.watch = true; break;
        case 'C': code = optarg; break;
        case 'R': results = optarg; break;
        case 'A': anonymous = true; break;
        case 's':
            if (!rng_parse_seed(optarg, &so.seed))
                return tools_usage_error("play", "--seed takes a non-negative integer, not '%s'",
                                         optarg);
            so.seed_given = true;
            break;
        case 'p': so.player = optarg; break;
        case 'l': so.load = optarg; break;
        case 'c': so.resume = true; break;
        case 'h': tools_print_usage(tool_play_usage); return TOOLS_EXIT_OK;
        default: return tools_usage_error("play", "%s", "invalid option");
        }
    }
    if (optind >= argc)
        return tools_usage_error("play", "%s", "play needs a STORY (see 'ladder list')");
    if (optind + 1 < argc)
        return tools_usage_error("play", "unexpected argument '%s'", argv[optind + 1]);
    if (so.resume && so.load)
        return tools_usage_error("play", "%s", "use --continue or --load, not both");
    if ((cfg.window.frames || cfg.window.screenshot) && !ui)
        ui = ui_first(UI_CAP_WINDOW)->name;
    if (code && !*code)
        return tools_usage_error("play", "%s", "--session needs a code");
    if ((code || anonymous) && !results)
        return tools_usage_error("play", "%s",
                                 "--session and --anonymous go with --results DIR");
    if (code && !so.seed_given) {
        so.seed = session_seed_for_code(code);
        so.seed_given = true;
    }
    Err err;
    Story *story = catalog_open(argv[optind], &err);
    if (!story) {
        report_story_error(err.msg);
        return TOOLS_EXIT_FAILED;
    }
    const Frontend *fe = pick_frontend(ui, 0);
    if (!fe) {
        story_free(story);
        return TOOLS_EXIT_FAILED;
    }
    ui_install_leave(fe, &cfg);
    bool to_title;
    int rc = run_session(story, &so, fe, &cfg, results, code, anonymous, &to_title);
    if (to_title && (fe->caps & UI_CAP_MENU))
        rc = title_loop(fe, &cfg);
    return finish(fe, rc);
}

int tool_title(const char *ui, int frames, const char *screenshot)
{
    UiConfig cfg = ui_config_default();
    cfg.window.frames = frames;
    cfg.window.screenshot = screenshot;
    if ((frames || screenshot) && !ui)
        ui = ui_first(UI_CAP_WINDOW | UI_CAP_MENU)->name;
    const Frontend *fe = pick_frontend(ui, UI_CAP_MENU);
    if (!fe)
        return TOOLS_EXIT_FAILED;
    ui_install_leave(fe, &cfg);
    return finish(fe, title_loop(fe, &cfg));
}
