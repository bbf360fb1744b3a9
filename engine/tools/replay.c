/* replay.c: `ladder replay`: a save, or a seed and choices, played back through the terminal
 * front end as a transcript (the inputs echoed after each "> " prompt, stat changes included):
 * the format of the transcript tests. A shadow session works out, step by step, which number
 * each choice id has on screen; the real session then plays those numbers. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/autoplay.h"
#include "core/catalog.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/session.h"
#include "core/utf8.h"
#include "tools/tools.h"
#include "ui/registry.h"

const char tool_replay_usage[] =
    "Usage: ladder replay FILE [--story PATH]\n"
    "       ladder replay STORY --seed S --choices ID,ID,...  [--player NAME]\n"
    "       ladder replay STORY --seed S --random [--least-used] [--cap N]\n"
    "\n"
    "Print a playthrough as a transcript, stat changes included: a save or results FILE, or a\n"
    "STORY played from seed S with the given choices (ids or numbers as shown, from 1), or the\n"
    "random playthrough 'ladder explore' ran with that seed (to reproduce what it reported).\n"
    "\n"
    "  --story PATH  the story of FILE, when it is not a bundled one\n"
    "  --seed S      the seed\n"
    "  --choices L   comma-separated choice ids or numbers\n"
    "  --random      choose as explore's random strategy does for seed S\n"
    "  --cap N       stop a random replay after N decisions (default 500)\n"
    "  --player NAME the player's name\n"
    "  -h, --help    show this help and exit\n";

/* What the terminal front end is fed: the typed lines, and how many decisions they take. */
typedef struct ReplayInput {
    Buf input;
    size_t n;
} ReplayInput;

/* Append the number the choice id (or number) has in the shadow game, and take it. Returns
 * 0, or -1 with err when the choice is not there (or the script fails, which the real run
 * will then show). */
static int step(Session *shadow, ReplayInput *sc, const char *id, Err *err)
{
    const Game *g = session_game(shadow);
    if (game_ended(g) && session_next_chapter(shadow)) {
        buf_puts(&sc->input, "next\n");
        if (session_advance(shadow, err) != 0)
            return -1;
        g = session_game(shadow);
    }
    size_t k = game_choice_count(g);
    for (size_t i = 0; i < game_choice_count(g); i++)
        if (strcmp(game_choice(g, i)->id, id) == 0)
            k = i;
    char *end;
    long num = strtol(id, &end, 10);
    if (k == game_choice_count(g) && !*end && num >= 1 && (size_t)num <= game_choice_count(g))
        k = (size_t)num - 1;
    if (k == game_choice_count(g)) {
        err_set(err, "decision %zu: scene '%s' offers no choice '%s'", sc->n + 1,
                game_scene(g)->id, id);
        return -1;
    }
    buf_printf(&sc->input, "%zu\n", k + 1);
    sc->n++;
    int rc = session_choose(shadow, k, 0, err);
    return rc == -1 ? 1 : rc; /* a script error: the real run will show it; stop here */
}

/* The choice ids autoplay takes, in order (borrowed from the story, which the shadow session
 * keeps alive). */
typedef struct PickedIds {
    const char **id;
    size_t n, cap;
} PickedIds;

static void picked(void *ctx, const Game *g, size_t k)
{
    PickedIds *p = ctx;
    grow(&p->id, &p->cap, p->n + 1, sizeof *p->id);
    p->id[p->n++] = game_choice(g, k)->id;
}

static int play_script(Story *story, uint64_t seed, const char *player, const ReplayInput *sc)
{
    Err err;
    SessionOptions so = {.seed = seed, .seed_given = true, .player = player, .no_autosave = true};
    Session *s = session_open(story, &so, &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    UiConfig cfg = ui_config_default();
    cfg.color = false;
    cfg.in = fmemopen((void *)(uintptr_t)buf_str(&sc->input), sc->input.len ? sc->input.len : 1,
                      "r");
    if (!cfg.in) {
        fprintf(stderr, "ladder: %s\n", strerror(errno));
        session_free(s);
        return 1;
    }
    UiExit e = ui_find("term", 0)->play(s, &cfg);
    fclose(cfg.in);
    session_free(s);
    return ui_exit_status(e);
}

/* The story to play: ref as the user gave it (an id or a path), or, when bundled_only, the
 * bundled story with the id a save names (a save never makes Ladder run a file of its own
 * choosing). */
static Story *open_story(const char *ref, bool bundled_only, Err *err)
{
    return bundled_only ? catalog_open_bundled(ref, err) : catalog_open(ref, err);
}

static Session *shadow_session(const char *ref, bool bundled_only, uint64_t seed,
                               const char *player, Err *err)
{
    Story *st = open_story(ref, bundled_only, err);
    if (!st)
        return NULL;
    SessionOptions so = {.seed = seed, .seed_given = true, .player = player, .no_autosave = true};
    return session_open(st, &so, err);
}

int tool_replay(int argc, char **argv)
{
    static const struct option opts[] = {{"story", required_argument, NULL, 'S'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"choices", required_argument, NULL, 'c'},
                                         {"random", no_argument, NULL, 'r'},
                                         {"least-used", no_argument, NULL, 'l'},
                                         {"cap", required_argument, NULL, 'C'},
                                         {"player", required_argument, NULL, 'p'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *story_path = NULL, *choices = NULL, *player = NULL;
    uint64_t seed = 0;
    bool has_seed = false, random = false, least = false;
    long cap = 500;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'S': story_path = optarg; break;
        case 's':
            if (!rng_parse_seed(optarg, &seed))
                return tools_usage_error("replay", "--seed takes a non-negative integer, not '%s'",
                                         optarg);
            has_seed = true;
            break;
        case 'c': choices = optarg; break;
        case 'r': random = true; break;
        case 'l': least = true; break;
        case 'C':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &cap))
                return tools_usage_error("replay", "--cap takes a count from 1, not '%s'", optarg);
            break;
        case 'p': player = optarg; break;
        case 'h': tools_print_usage(tool_replay_usage); return TOOLS_EXIT_OK;
        default: return tools_usage_error("replay", "%s", "invalid option");
        }
    }
    if (optind + 1 != argc)
        return tools_usage_error("replay", "%s", "replay needs one FILE or STORY");
    const char *arg = argv[optind];
    Err err;
    ReplayInput sc = {0};
    Session *shadow = NULL;
    const char *ref = arg;
    if (!has_seed) { /* a save or results file */
        if (choices || random)
            return tools_usage_error("replay", "%s", "--choices and --random need --seed");
        SaveData d;
        if (save_read(arg, &d, &err) != 0) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            return 1;
        }
        if (!story_path && !is_identifier(d.story_id)) {
            utf8_fprintf(stderr,
                         "ladder: %s names its story by a path ('%.200s'), not by the id of a "
                         "bundled story; Ladder runs a story file only when you name it "
                         "yourself: ladder replay %s --story PATH\n",
                         arg, d.story_id, arg);
            save_data_free(&d);
            return 1;
        }
        /* the save's strings die with it: keep a copy of the story's name */
        char *ref_copy = xstrdup(story_path ? story_path : d.story_id);
        seed = d.seed;
        shadow = shadow_session(ref_copy, !story_path, seed, d.player, &err);
        if (!shadow) {
            utf8_fprintf(stderr, "ladder: %s%s\n", err.msg,
                         story_path ? "" : " (give the story with --story PATH)");
            save_data_free(&d);
            free(ref_copy);
            return 1;
        }
        char *who = xstrdup(d.player);
        int rc = 0;
        if (d.n_chapters)
            for (size_t k = 0; k < d.n_chapters && rc == 0; k++)
                for (size_t i = 0; i < d.chapters[k].n_steps && rc == 0; i++)
                    rc = step(shadow, &sc, d.chapters[k].steps[i].choice, &err);
        else
            for (size_t i = 0; i < d.n_steps && rc == 0; i++)
                rc = step(shadow, &sc, d.steps[i].choice, &err);
        save_data_free(&d);
        session_free(shadow);
        if (rc < 0)
            utf8_fprintf(stderr, "ladder: the save no longer fits the story: %s\n", err.msg);
        Story *st = open_story(ref_copy, !story_path, &err);
        int out = st ? play_script(st, seed, who, &sc) : 1;
        if (!st)
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        free(who);
        free(ref_copy);
        buf_free(&sc.input);
        return rc < 0 ? 1 : out;
    }
    if (!choices == !random)
        return tools_usage_error("replay", "%s", "give --choices or --random with --seed");
    shadow = shadow_session(ref, false, seed, player, &err);
    if (!shadow) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    int rc = 0;
    PickedIds ids = {0};
    if (choices) {
        char *list = xstrdup(choices), *save = NULL;
        for (char *id = strtok_r(list, ",", &save); id && rc == 0; id = strtok_r(NULL, ",", &save))
            rc = step(shadow, &sc, id, &err);
        free(list);
    } else if (least) {
        fprintf(stderr, "ladder: a least-used run depends on every run before it; replay it with "
                        "'ladder explore --strategy least-used' and --random with its count\n");
        session_free(shadow);
        return 2;
    } else {
        /* the same playthrough as explore's random strategy: the first story (a campaign's
         * first chapter) as autoplay plays it; then the shadow session takes the same ids */
        AutoplayOptions ao = {.seed = seed,
                              .pick_seed = autoplay_pick_seed(seed),
                              .player = game_player(session_game(shadow)),
                              .max_decisions = cap,
                              .quiet = true,
                              .picked = picked,
                              .ctx = &ids};
        AutoplayResult ar;
        autoplay_play(session_story(shadow), &ao, &ar);
        for (size_t i = 0; i < ids.n && rc == 0; i++)
            rc = step(shadow, &sc, ids.id[i], &err);
        free(ids.id);
    }
    session_free(shadow);
    if (rc < 0) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        buf_free(&sc.input);
        return 1;
    }
    Story *st = catalog_open(ref, &err);
    int out = st ? play_script(st, seed, player, &sc) : 1;
    if (!st)
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
    buf_free(&sc.input);
    return out;
}
