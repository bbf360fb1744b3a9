/* check.c: `ladder check`, the story linter. Loading reports what can be seen in the text
 * (Lua errors, unknown targets, stats, flags and names, duplicate ids, dead-end scenes); then
 * the story is played (random and least-used strategies) to find what only play shows: scenes
 * and endings nothing reaches, stats nothing changes, script errors in conditions and dead
 * ends with no choice available. Every problem is reported as file:line: message. */
#include <cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/autoplay.h"
#include "core/catalog.h"
#include "core/game.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "tools/explore.h"
#include "tools/tools.h"

#define CHECK_RUNS 2000
/* The two explorations together stop after this long, and the determinism replays after as
 * long again: a story whose functions make every step slow would otherwise keep check busy
 * for hours. */
#define CHECK_SECONDS 2.0

typedef struct Problems {
    cJSON *list; /* for --json */
    long n;
    bool json;
} Problems;

static void problem(Problems *p, const char *story, const char *file, int line, const char *fmt,
                    ...) LADDER_PRINTF(5, 6);
static void problem(Problems *p, const char *story, const char *file, int line, const char *fmt,
                    ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    p->n++;
    if (p->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "story", story ? story : "");
        cJSON_AddStringToObject(o, "file", file ? file : "");
        cJSON_AddNumberToObject(o, "line", line);
        cJSON_AddStringToObject(o, "message", buf_str(&b));
        cJSON_AddItemToArray(p->list, o);
    } else {
        utf8_fprintf(stdout, "%s:%d: %s\n", file ? file : "?", line, buf_str(&b));
    }
    buf_free(&b);
}

/* A load error message holds one "file:line: message" per line. */
static void load_problems(Problems *p, const char *path, const char *msg)
{
    const char *s = msg;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        char *line = xstrndup(s, len);
        char *c1 = strchr(line, ':');
        char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        long ln = c1 && c2 ? strtol(c1 + 1, NULL, 10) : 0;
        if (c1 && c2 && ln > 0) {
            *c1 = '\0';
            problem(p, NULL, line, (int)ln, "%s", c2 + 2 <= line + len ? c2 + 2 : "");
        } else {
            problem(p, NULL, path, 0, "%s", line);
        }
        free(line);
        s = nl ? nl + 1 : s + len;
    }
}

/* Is scene i the target of a literal go, a threshold, or the start? */
static bool statically_targeted(const Story *s, int i)
{
    if (s->start_index == i)
        return true;
    for (size_t t = 0; t < s->n_thresholds; t++)
        if (s->thresholds[t].go_index == i)
            return true;
    for (size_t k = 0; k < s->n_scenes; k++)
        for (size_t j = 0; j < s->scenes[k].n_choices; j++)
            if (s->scenes[k].choices[j].go_index == i && !s->scenes[k].choices[j].go_fn)
                return true;
    return false;
}

static bool has_go_functions(const Story *s)
{
    for (size_t k = 0; k < s->n_scenes; k++)
        for (size_t j = 0; j < s->scenes[k].n_choices; j++)
            if (s->scenes[k].choices[j].go_fn)
                return true;
    return false;
}

/* Playthroughs replayed by check_determinism, and the fresh copies of the story each is
 * replayed in. */
#define DETERMINISM_SAMPLES 20
#define DETERMINISM_COPIES 4

/* The same words on screen: the scene's text and every choice's. */
static bool same_screen(const Game *a, const Game *b)
{
    if (strcmp(game_text(a), game_text(b)) != 0 || game_choice_count(a) != game_choice_count(b))
        return false;
    for (size_t i = 0; i < game_choice_count(a); i++)
        if (strcmp(game_choice_text(a, i), game_choice_text(b, i)) != 0)
            return false;
    return true;
}

/* A playthrough followed, decision by decision, in fresh copies of its story. */
typedef struct Follow {
    Story *const *copies;
    Game *c[DETERMINISM_COPIES];
    uint64_t seed;
    bool same;
    long d;                   /* decisions taken */
    const char *where, *chose; /* the last decision's scene and choice (into the story) */
    Err *err;
} Follow;

static void follow_picked(void *ctx, const Game *g, size_t k)
{
    Follow *f = ctx;
    f->where = game_scene(g)->id;
    f->chose = game_choice(g, k)->id;
}

static void follow_arrived(void *ctx, const Game *g)
{
    Follow *f = ctx;
    if (game_decision_count(g) == 0) { /* the start: the copies begin their games */
        for (int k = 0; f->same && k < DETERMINISM_COPIES; k++) {
            f->c[k] = game_new(f->copies[k], f->seed, game_player(g), f->err);
            f->same = f->c[k] && game_scene_index(f->c[k]) == game_scene_index(g) &&
                      same_screen(g, f->c[k]);
        }
        return;
    }
    f->d++;
    for (int k = 0; f->same && k < DETERMINISM_COPIES; k++)
        f->same = game_choose_id(f->c[k], f->chose, 0, f->err) == 0 &&
                  game_same_state(g, f->c[k]) && same_screen(g, f->c[k]);
}

static bool follow_go_on(void *ctx, const Game *g)
{
    (void)g;
    return ((Follow *)ctx)->same;
}

/* One random playthrough (seed, picked as explore and `ladder replay --random` pick: autoplay)
 * of s, played again with the same seed and choices in fresh copies of the story: a new Lua
 * state each, with new addresses and a new seed for the hashes of its strings (and so a new
 * order for pairs()). Returns false with a description of the first difference in *why
 * (malloc'd), true when every copy played the same way (or the playthrough itself failed: the
 * other checks report that). */
static bool same_every_time(const Story *s, Story *const *copies, uint64_t seed, long cap,
                            double deadline, char **why, Err *err)
{
    Follow f = {.copies = copies, .seed = seed, .same = true, .err = err};
    AutoplayOptions o = {.seed = seed, .pick_seed = autoplay_pick_seed(seed),
                         .max_decisions = cap, .deadline = deadline, .picked = follow_picked,
                         .arrived = follow_arrived, .go_on = follow_go_on, .ctx = &f};
    AutoplayResult r;
    autoplay_play(s, &o, &r);
    if (!f.same)
        *why = f.d == 0 ? xasprintf("the game starts differently")
                        : xasprintf("after decision %ld (scene '%s', choice '%s') a replay went "
                                    "elsewhere or showed other words",
                                    f.d, f.where, f.chose);
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        game_free(f.c[k]);
    return f.same;
}

/* Saves, undo and workshop rewinds replay a game from its seed and choices, so a story must
 * play the same way every time. The sandbox hides what differs from run to run (addresses,
 * memory use, clocks), but not everything: pairs() visits string keys in an order that
 * depends on a per-state hash seed, and a script can keep state of its own in Lua variables.
 * So a sample of playthroughs is replayed in fresh copies of the story, and the first
 * difference is reported with its scene. */
static void check_determinism(Problems *p, const Story *s, const char *path, long cap)
{
    Err err;
    Story *copies[DETERMINISM_COPIES] = {0};
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        if (!(copies[k] = story_load_variant(path, (unsigned)k + 1, &err))) {
            problem(p, s->id, s->pos.file, s->pos.line, "the story loads once but not twice: %s",
                    err.msg);
            for (int j = 0; j < k; j++)
                story_free(copies[j]);
            return;
        }
    double deadline = util_now_seconds() + CHECK_SECONDS;
    for (uint64_t seed = 1; seed <= DETERMINISM_SAMPLES; seed++) {
        char *why = NULL;
        if (util_now_seconds() >= deadline) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story is too slow to check: replaying %llu playthroughs to see that "
                    "it plays the same way twice took over %.0f s",
                    (unsigned long long)seed - 1, CHECK_SECONDS);
            break;
        }
        if (!same_every_time(s, copies, seed, cap, deadline, &why, &err)) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story does not play the same way twice: with seed %llu, %s (replay "
                    "it: ladder replay %s --seed %llu --random). " GAME_DIVERGED_WHY,
                    (unsigned long long)seed, why, path, (unsigned long long)seed);
            free(why);
            break;
        }
    }
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        story_free(copies[k]);
}

static void check_story(Problems *p, const char *path)
{
    Err err;
    Story *s = story_load(path, &err);
    if (!s) {
        load_problems(p, path, err.msg);
        return;
    }
    if (s->n_chapters) { /* a campaign: check each chapter, found as play finds it */
        for (size_t i = 0; i < s->n_chapters; i++) {
            Story *c = catalog_open_chapter(s, i, &err);
            if (!c) {
                problem(p, s->id, s->pos.file, s->pos.line, "chapter '%s' cannot be loaded: %s",
                        s->chapters[i], err.msg);
                continue;
            }
            char *chapter_path = xstrdup(c->path);
            story_free(c);
            check_story(p, chapter_path);
            free(chapter_path);
        }
        story_free(s);
        return;
    }
    ExploreResult a, b;
    /* stop at the first few failures: a looping callback spends its whole budget every game */
    double t0 = util_now_seconds();
    ExploreOptions o = {.runs = CHECK_RUNS, .seed = 1, .cap = 500, .jobs = 1, .max_errors = 5,
                        .max_seconds = CHECK_SECONDS};
    if (explore_run(s, &o, &a, &err) != 0) {
        problem(p, s->id, s->pos.file, s->pos.line, "%s", err.msg);
        story_free(s);
        return;
    }
    o.strategy = STRATEGY_LEAST_USED; /* both explorations share CHECK_SECONDS */
    o.max_seconds = CHECK_SECONDS - (util_now_seconds() - t0);
    if (o.max_seconds < 0.05)
        o.max_seconds = 0.05;
    if (explore_run(s, &o, &b, &err) != 0) {
        explore_result_free(&a);
        problem(p, s->id, s->pos.file, s->pos.line, "%s", err.msg);
        story_free(s);
        return;
    }
    /* errors first: they hide everything after them in a playthrough */
    ExploreResult *rs[2] = {&a, &b};
    bool failed = false;
    for (int w = 0; w < 2 && !failed; w++) {
        const ExploreResult *r = rs[w];
        for (int i = 0; i < r->kept_errors; i++) {
            const char *m = r->errors[i].message;
            bool seen = false;
            int count = 0;
            for (int j = 0; j < r->kept_errors; j++) {
                if (strcmp(r->errors[j].message, m) == 0) {
                    seen = seen || j < i;
                    count++;
                }
            }
            if (seen)
                continue;
            /* the message starts with file:line when the script said where */
            const char *c1 = strchr(m, ':');
            long ln = c1 ? strtol(c1 + 1, NULL, 10) : 0;
            const char *rest = c1 && ln > 0 ? strchr(c1 + 1, ':') : NULL;
            char *file = rest ? xstrndup(m, (size_t)(c1 - m)) : xstrdup(s->pos.file);
            problem(p, s->id, file, rest ? (int)ln : s->pos.line,
                    "%s (in %s playthroughs; replay one: ladder replay %s --seed %llu --random)",
                    rest ? rest + 2 : m,
                    count == r->kept_errors && r->n_errors > count ? "many" : count > 1 ? "several" : "one",
                    path, (unsigned long long)r->errors[i].seed);
            free(file);
            failed = true;
        }
        if (r->timed_out) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story is too slow to check: after %.0f s it was still in playthrough "
                    "%ld of %d (a bundled story plays 2,000 in about 0.1 s): its functions do "
                    "too much work at every step",
                    CHECK_SECONDS, r->runs, CHECK_RUNS);
            failed = true;
        }
        if (r->n_stuck) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "%ld playthroughs did not end within %ld decisions (replay one: ladder replay "
                    "%s --seed %llu --random)",
                    r->n_stuck, o.cap, path, (unsigned long long)r->stuck_seeds[0]);
            failed = true;
        }
    }
    if (failed) {
        if (!p->json)
            printf("%s: fix the errors above first; coverage and stats were not checked\n", s->id);
        explore_result_free(&a);
        explore_result_free(&b);
        story_free(s);
        return;
    }
    check_determinism(p, s, path, o.cap);
    bool dynamic = has_go_functions(s);
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (a.scene_hits[i] || b.scene_hits[i])
            continue;
        const char *kind = sc->ending ? "ending" : "scene";
        if (!statically_targeted(s, (int)i) && !dynamic)
            problem(p, s->id, sc->pos.file, sc->pos.line, "%s '%s': no choice leads here", kind,
                    sc->id);
        else if (!statically_targeted(s, (int)i))
            problem(p, s->id, sc->pos.file, sc->pos.line,
                    "%s '%s': no choice names it, and no go function reached it in %d "
                    "playthroughs",
                    kind, sc->id, 2 * CHECK_RUNS);
        else
            problem(p, s->id, sc->pos.file, sc->pos.line,
                    "%s '%s' is never reached in %d playthroughs (are the conditions on the way "
                    "ever true?)",
                    kind, sc->id, 2 * CHECK_RUNS);
    }
    for (size_t k = 0; k < s->n_stats; k++) {
        bool moves = false;
        for (size_t i = 0; i < s->n_scenes && !moves; i++) {
            size_t x = i * s->n_stats + k;
            if ((a.scene_hits[i] && (a.at_min[x] != s->stats[k].start ||
                                     a.at_max[x] != s->stats[k].start)) ||
                (b.scene_hits[i] && (b.at_min[x] != s->stats[k].start ||
                                     b.at_max[x] != s->stats[k].start)))
                moves = true;
        }
        if (!moves)
            problem(p, s->id, s->stats[k].pos.file, s->stats[k].pos.line,
                    "stat '%s' never changes in %d playthroughs", s->stats[k].id, 2 * CHECK_RUNS);
    }
    explore_result_free(&a);
    explore_result_free(&b);
    story_free(s);
}

const char tool_check_usage[] =
    "Usage: ladder check [--json] [PATH]...\n"
    "\n"
    "Check stories (files or folders; default: every bundled story) and report each problem as\n"
    "file:line: message. Loading finds Lua errors, choices to scenes that do not exist,\n"
    "unknown stats, flags and names, duplicate ids and scenes with no way on; playing each\n"
    "story 4,000 times finds scenes and endings nothing reaches, stats nothing changes,\n"
    "script errors and dead ends in play, and (replaying a sample in fresh copies of the\n"
    "story) scripts that do not play the same way twice.\n"
    "\n"
    "  --json      a JSON array of {story, file, line, message}\n"
    "  -h, --help  show this help and exit\n"
    "\n"
    "Exit status: 0 when clean, 1 when problems were found, 2 on a usage error.\n";

int tool_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    Problems p = {0};
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'j': p.json = true; break;
        case 'h': tools_print_usage(tool_check_usage); return TOOLS_EXIT_OK;
        default: return tools_usage_error("check", "%s", "invalid option");
        }
    }
    if (p.json)
        p.list = cJSON_CreateArray();
    if (optind < argc) {
        for (int i = optind; i < argc; i++) {
            if (access(argv[i], F_OK) != 0) {
                fprintf(stderr, "ladder: %s: no such file or folder\n", argv[i]);
                cJSON_Delete(p.list);
                return 2;
            }
            check_story(&p, argv[i]);
        }
    } else {
        char *dir = paths_scenarios_dir();
        Catalog *cat = catalog_scan(dir);
        free(dir);
        if (cat->problems)
            load_problems(&p, cat->dir, cat->problems);
        for (size_t i = 0; i < cat->n; i++)
            check_story(&p, cat->v[i].path);
        catalog_free(cat);
    }
    if (p.json) {
        char *text = cJSON_PrintUnformatted(p.list);
        utf8_write_repaired(stdout, text ? text : "[]", text ? strlen(text) : 2);
        putchar('\n');
        cJSON_free(text);
        cJSON_Delete(p.list);
    } else if (p.n == 0) {
        fflush(stdout);
        fprintf(stderr, "ladder check: no problems found\n");
    } else {
        fflush(stdout);
        fprintf(stderr, "ladder check: %ld problem%s\n", p.n, p.n == 1 ? "" : "s");
    }
    return p.n ? 1 : 0;
}
