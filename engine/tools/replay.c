/* replay.c: `ladder replay`: a save, or a seed and choices, played back as a transcript (the
 * terminal's screens with each choice's number echoed after its "> " prompt, stat changes
 * included): the format of the transcript tests. The session is played here, by choice id;
 * ui/term/term.h prints each screen as the terminal shows it. */
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
#include "ui/term/term.h"

const char tool_replay_usage[] =
    "Usage: ladder replay FILE [--story PATH]\n"
    "       ladder replay STORY --seed S --choices ID,ID,...  [--player NAME]\n"
    "       ladder replay STORY --seed S --random [--strategy random|advice:P] [--cap N]\n"
    "\n"
    "Print a playthrough as a transcript, stat changes included: a save or results FILE, or a\n"
    "STORY played from seed S with the given choices (ids or numbers as shown, from 1), or the\n"
    "random playthrough 'ladder explore' ran with that seed (to reproduce what it reported).\n"
    "\n"
    "  --story PATH  the story of FILE, when it is not a bundled one\n"
    "  --seed S      the seed\n"
    "  --choices L   comma-separated choice ids or numbers\n"
    "  --random      choose as explore's random strategy does for seed S\n"
    "  --strategy N  choose as explore's strategy N does (random, or advice:P: follow the\n"
    "                story's advice tags with probability P)\n"
    "  --cap N       stop a random replay after N decisions (default 500)\n"
    "  --player NAME the player's name\n"
    "  -h, --help    show this help and exit\n";

/* A replay in progress. The transcript is held back in memory until every choice has been
 * found (a list that does not fit the story prints only the error) or a script fails (its
 * error then shows in place, as in play). */
typedef struct Replay {
    Session *s;
    UiConfig cfg;
    TermTranscript *tr;
    FILE *held; /* cfg.out while the transcript is held back */
    char *text;
    size_t len;
    size_t n; /* decisions taken */
} Replay;

/* Open the session and the transcript. NULL with err when the session cannot start. */
static Replay *replay_open(Story *story, uint64_t seed, const char *player, Err *err)
{
    SessionOptions so = {.seed = seed, .seed_given = true, .player = player, .no_autosave = true};
    Session *s = session_open(story, &so, err);
    if (!s)
        return NULL;
    Replay *r = xcalloc(1, sizeof *r);
    r->s = s;
    r->cfg = ui_config_default();
    r->cfg.color = false;
    r->held = open_memstream(&r->text, &r->len);
    r->cfg.out = r->held ? r->held : stdout;
    r->tr = term_transcript_open(s, &r->cfg);
    return r;
}

/* Write what was held back (keep: else drop it), and print straight to stdout from now on. */
static void release(Replay *r, bool keep)
{
    if (!r->held)
        return;
    fclose(r->held);
    if (keep) {
        fwrite(r->text, 1, r->len, stdout);
        fflush(stdout); /* before anything on stderr */
    }
    free(r->text);
    r->held = NULL;
    r->text = NULL;
    r->cfg.out = stdout;
}

/* End the transcript (keep: print what was held back, else drop it) and free r. Returns the
 * terminal's exit status. */
static int replay_close(Replay *r, bool keep)
{
    int status = term_transcript_close(r->tr); /* its last prompt goes with the rest */
    release(r, keep);
    session_free(r->s);
    free(r);
    fflush(stdout);
    return status;
}

/* Take the choice with this id (or number as shown, from 1), going on to a campaign's next
 * chapter first when the current one has ended, and print what the terminal would. Returns 0;
 * 1 when a script failed (its error shown; nothing more should be played); -1 with err when
 * the choice is not there. */
/* When the chapter being played has ended and the campaign has another, go on to it, printing
 * what the terminal would. Returns 0, or 1 when it failed to start (its error shown). */
static int next_chapter(Replay *r, Err *err)
{
    if (!game_ended(session_game(r->s)) || !session_next_chapter(r->s))
        return 0;
    term_transcript_typed(r->tr, "next");
    int rc = session_advance(r->s, err);
    if (rc != 0)
        release(r, true);
    term_transcript_advanced(r->tr, rc, err->msg);
    return rc != 0;
}

static int step(Replay *r, const char *id, Err *err)
{
    if (next_chapter(r, err) != 0)
        return 1;
    const Game *g = session_game(r->s);
    size_t k = game_choice_count(g);
    for (size_t i = 0; i < game_choice_count(g); i++)
        if (strcmp(game_choice(g, i)->id, id) == 0)
            k = i;
    char *end;
    long num = strtol(id, &end, 10);
    if (k == game_choice_count(g) && !*end && num >= 1 && (size_t)num <= game_choice_count(g))
        k = (size_t)num - 1;
    if (k == game_choice_count(g)) {
        for (size_t i = 0; i < game_locked_count(g); i++)
            if (strcmp(game_locked_choice(g, i)->id, id) == 0) {
                err_set(err, "decision %zu: scene '%s' shows choice '%s' locked (%s)", r->n + 1,
                        game_scene(g)->id, id, game_locked_reason(g, i));
                return -1;
            }
        err_set(err, "decision %zu: scene '%s' offers no choice '%s'", r->n + 1,
                game_scene(g)->id, id);
        return -1;
    }
    char typed[32];
    snprintf(typed, sizeof typed, "%zu", k + 1);
    term_transcript_typed(r->tr, typed);
    r->n++;
    err->msg[0] = '\0';
    int rc = session_choose_id(r->s, game_choice(g, k)->id, 0, err);
    if (rc != 0)
        release(r, true);
    term_transcript_chose(r->tr, rc, err->msg);
    return rc != 0;
}

/* The story to play: ref as the user gave it (an id or a path), or, when bundled_only, the
 * bundled story with the id a save names (a save never makes Ladder run a file of its own
 * choosing). */
static Story *open_story(const char *ref, bool bundled_only, Err *err)
{
    return bundled_only ? catalog_open_bundled(ref, err) : catalog_open(ref, err);
}

/* The choice ids autoplay picks, in order (malloc'd, NULL-terminated). */
typedef struct PickedIds {
    char **id;
    size_t n, cap;
} PickedIds;

static void picked(void *ctx, const Game *g, size_t k)
{
    PickedIds *p = ctx;
    util_grow(&p->id, &p->cap, p->n + 2, sizeof *p->id);
    p->id[p->n++] = xstrdup(game_choice(g, k)->id);
    p->id[p->n] = NULL;
}

/* The choice ids of explore's random playthrough from seed (a campaign's every chapter, as
 * explore plays careers), played by autoplay on a copy of the story of its own. A
 * NULL-terminated list of malloc'd ids; NULL with err when the story cannot be loaded. */
static char **random_ids(const char *ref, uint64_t seed, const char *player, long cap,
                         AutoplayStrategy strategy, double advice_p, Err *err)
{
    Story *root = catalog_open(ref, err);
    const Story *s = root;
    PickedIds ids = {0};
    util_grow(&ids.id, &ids.cap, 1, sizeof *ids.id);
    ids.id[0] = NULL;
    if (s) {
        AutoplayOptions ao = {.seed = seed,
                              .pick_seed = autoplay_pick_seed(seed),
                              .player = player,
                              .strategy = strategy,
                              .advice_p = advice_p,
                              .max_decisions = cap,
                              .quiet = true,
                              .picked = picked,
                              .ctx = &ids};
        AutoplayResult ar;
        autoplay_play(s, &ao, &ar);
    }
    story_free(root);
    if (!s) {
        free(ids.id);
        return NULL;
    }
    return ids.id;
}

int tool_replay(int argc, char **argv)
{
    static const struct option opts[] = {{"story", required_argument, NULL, 'S'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"choices", required_argument, NULL, 'c'},
                                         {"random", no_argument, NULL, 'r'},
                                         {"least-used", no_argument, NULL, 'l'},
                                         {"strategy", required_argument, NULL, 'T'},
                                         {"cap", required_argument, NULL, 'C'},
                                         {"player", required_argument, NULL, 'p'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *story_path = NULL, *choices = NULL, *player = NULL;
    uint64_t seed = 0;
    bool has_seed = false, random = false, least = false;
    AutoplayStrategy strategy = AUTOPLAY_RANDOM;
    double advice_p = 0;
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
        case 'T':
            if (!autoplay_parse_strategy(optarg, &strategy, &advice_p))
                return tools_usage_error("replay",
                                         "unknown strategy '%s' (use random or advice:P with P "
                                         "from 0 to 1)",
                                         optarg);
            least = least || strategy == AUTOPLAY_LEAST_USED;
            break;
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
    if (!has_seed) { /* a save or results file */
        if (choices || random)
            return tools_usage_error("replay", "%s", "--choices and --random need --seed");
        SaveData d;
        if (save_read(arg, &d, &err) != 0) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            return 1;
        }
        if (!story_path && !util_is_identifier(d.story_id)) {
            utf8_fprintf(stderr,
                         "ladder: %s names its story by a path ('%.200s'), not by the id of a "
                         "bundled story; Ladder runs a story file only when you name it "
                         "yourself: ladder replay %s --story PATH\n",
                         arg, d.story_id, arg);
            save_data_free(&d);
            return 1;
        }
        Story *st = open_story(story_path ? story_path : d.story_id, !story_path, &err);
        if (!st && !story_path) {
            utf8_fprintf(stderr,
                         "ladder: %s was played with the story '%s', which is not a bundled "
                         "story: add --story PATH (its file or folder): "
                         "ladder replay %s --story PATH\n",
                         arg, d.story_id, arg);
            save_data_free(&d);
            return 1;
        }
        Replay *r = st ? replay_open(st, d.seed, d.player, &err) : NULL;
        if (!r) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            save_data_free(&d);
            return 1;
        }
        int rc = 0;
        if (d.n_chapters)
            for (size_t k = 0; k < d.n_chapters && rc == 0; k++)
                for (size_t i = 0; i < d.chapters[k].n_steps && rc == 0; i++)
                    rc = step(r, d.chapters[k].steps[i].choice, &err);
        else
            for (size_t i = 0; i < d.n_steps && rc == 0; i++)
                rc = step(r, d.steps[i].choice, &err);
        save_data_free(&d);
        /* a save that no longer fits: said first, then the transcript up to there */
        if (rc < 0)
            utf8_fprintf(stderr, "ladder: the save no longer fits the story: %s\n", err.msg);
        int out = replay_close(r, true);
        return rc < 0 ? 1 : out;
    }
    if (!choices == !random)
        return tools_usage_error("replay", "%s", "give --choices or --random with --seed");
    if (random && least) { /* the story is checked first, as for any replay */
        Story *st = catalog_open(arg, &err);
        if (!st) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            return 1;
        }
        story_free(st);
        fprintf(stderr, "ladder: a least-used run depends on every run before it; replay it with "
                        "'ladder explore --strategy least-used' and --random with its count\n");
        return 2;
    }
    char **ids = NULL;
    if (random && !(ids = random_ids(arg, seed, player, cap, strategy, advice_p, &err))) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    Story *st = catalog_open(arg, &err);
    Replay *r = st ? replay_open(st, seed, player, &err) : NULL;
    if (!r) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        for (size_t i = 0; ids && ids[i]; i++)
            free(ids[i]);
        free(ids);
        return 1;
    }
    int rc = 0;
    if (choices) {
        char *list = xstrdup(choices), *save = NULL;
        for (char *id = strtok_r(list, ",", &save); id && rc == 0; id = strtok_r(NULL, ",", &save))
            rc = step(r, id, &err);
        free(list);
    } else {
        for (size_t i = 0; ids[i] && rc == 0; i++)
            rc = step(r, ids[i], &err);
        if (rc == 0) /* explore went on to the next chapter: so does the replay (and shows a
                      * chapter that fails at its start) */
            rc = next_chapter(r, &err);
    }
    for (size_t i = 0; ids && ids[i]; i++)
        free(ids[i]);
    free(ids);
    if (rc < 0) { /* a choice that is not there: only the error */
        replay_close(r, false);
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    return replay_close(r, true);
}
