/* randomplay.c: plays seeded random playthroughs of a story through the engine (core/autoplay)
 * and reports endings, coverage and failures. Run i plays seed SEED+i with explore's picks, so
 * any failure can be replayed alone (ladder replay STORY --seed SEED+i --random). Exits 1 on a
 * script error, a dead end, or a playthrough that does not end within the decision cap; with
 * --all, also when a scene or ending was never reached. A campaign is played through its chapters,
 * the cap applying to each (coverage is reported for single stories only). Usage: randomplay
 * STORY_PATH RUNS [SEED] [--max N] [--all] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/autoplay.h"
#include "core/game.h"
#include "core/story.h"
#include "core/text.h"
#include "lua/lua_host.h"

/* What the hooks tally over a playthrough: arrivals per scene (single stories), the scene the
 * last game stopped in, and the final ending's verdict. */
typedef struct Tally {
    long *hits;
    char stopped_at[128]; /* the id of the scene the last game stopped in */
    int verdict;            /* the last chapter's ending, or -1 */
} Tally;

static void on_arrive(void *ctx, const Game *g)
{
    Tally *t = ctx;
    if (t->hits)
        t->hits[game_scene_index(g)]++;
}

static void on_finish(void *ctx, const Game *g, size_t chapter)
{
    Tally *t = ctx;
    (void)chapter;
    snprintf(t->stopped_at, sizeof t->stopped_at, "%s", game_scene(g)->id);
    t->verdict = game_ended(g) ? (int)game_scene(g)->verdict : -1;
}

/* Play run r (seed SEED+r) through autoplay: explore's picks, so `ladder replay STORY --seed
 * SEED+r --random` shows any failure. Counts errors and unfinished runs (the first five said on
 * stderr); returns the decisions taken, or -1 when the run failed. */
static long play_run(const Story *s, unsigned long long seed, long cap, Tally *t, long *errors,
                     long *stuck)
{
    AutoplayOptions ao = {.seed = seed, .pick_seed = autoplay_pick_seed(seed),
                          .max_decisions = cap, .quiet = true,
                          .arrived = on_arrive, .finished = on_finish, .ctx = t};
    AutoplayResult ar;
    t->verdict = -1;
    switch (autoplay_play(s, &ao, &ar)) {
    case AUTOPLAY_ENDED:
        return ar.decisions;
    case AUTOPLAY_LIMIT:
    case AUTOPLAY_DEADLINE:
        if ((*stuck)++ < 5)
            fprintf(stderr, "seed %llu: no ending within %ld decisions (at scene '%s')\n", seed,
                    cap, t->stopped_at);
        return ar.decisions;
    case AUTOPLAY_FAILED:
        if ((*errors)++ < 5) {
            if (ar.failed_at)
                fprintf(stderr, "seed %llu, decision %ld: %s\n", seed, ar.failed_at, ar.err.msg);
            else
                fprintf(stderr, "seed %llu: %s\n", seed, ar.err.msg);
        }
        return -1;
    case AUTOPLAY_STOPPED: /* no go_on hook is set */
        break;
    }
    return -1;
}

/* Random playthroughs of a campaign through its chapters, stats carried over. */
static int play_campaign(Story *root, const char *path, long runs, unsigned long long seed,
                         long cap)
{
    long errors = 0, stuck = 0, total = 0;
    long verdicts[3] = {0, 0, 0};
    for (long r = 0; r < runs; r++) {
        Tally t = {0};
        long d = play_run(root, seed + (unsigned long long)r, cap, &t, &errors, &stuck);
        if (d > 0)
            total += d;
        if (d >= 0 && t.verdict >= 0)
            verdicts[t.verdict]++;
    }
    story_free(root);
    printf("campaign %s: %ld playthroughs from seed %llu\n", path, runs, seed);
    printf("decisions per playthrough: mean %.1f\n", (double)total / (double)runs);
    printf("final verdicts: good %ld, mixed %ld, bad %ld\n", verdicts[VERDICT_GOOD],
           verdicts[VERDICT_MIXED], verdicts[VERDICT_BAD]);
    printf("errors: %ld, unfinished: %ld\n", errors, stuck);
    return errors || stuck ? 1 : 0;
}

int main(int argc, char **argv)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const char *path = NULL;
    long runs = -1, cap = 200;
    unsigned long long seed = 1;
    int positional = 0;
    bool require_all = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max") == 0 && i + 1 < argc)
            cap = atol(argv[++i]);
        else if (strcmp(argv[i], "--all") == 0)
            require_all = true;
        else if (positional == 0 && ++positional)
            path = argv[i];
        else if (positional == 1 && ++positional)
            runs = atol(argv[i]);
        else if (positional == 2 && ++positional)
            seed = strtoull(argv[i], NULL, 10);
        else {
            fprintf(stderr, "usage: randomplay STORY_PATH RUNS [SEED] [--max N] [--all]\n");
            return 2;
        }
    }
    if (!path || runs <= 0) {
        fprintf(stderr, "usage: randomplay STORY_PATH RUNS [SEED] [--max N] [--all]\n");
        return 2;
    }
    Err err;
    Story *s = story_load(path, &err);
    if (!s) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    if (s->n_chapters)
        return play_campaign(s, path, runs, seed, cap);
    long *hits = calloc(s->n_scenes, sizeof *hits);
    long errors = 0, stuck = 0, total = 0, dmin = -1, dmax = 0, words = 0;
    for (long r = 0; r < runs; r++) {
        Tally t = {.hits = hits};
        long d = play_run(s, seed + (unsigned long long)r, cap, &t, &errors, &stuck);
        if (d < 0)
            continue;
        total += d;
        if (dmin < 0 || d < dmin)
            dmin = d;
        if (d > dmax)
            dmax = d;
    }
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (sc->text.str)
            words += (long)text_word_count(sc->text.str);
        for (size_t j = 0; j < sc->n_choices; j++)
            if (sc->choices[j].text.str)
                words += (long)text_word_count(sc->choices[j].text.str);
    }
    long ok = runs - errors;
    printf("story %s: %ld playthroughs from seed %llu\n", s->id, runs, seed);
    printf("decisions per playthrough: min %ld, mean %.1f, max %ld\n", dmin < 0 ? 0 : dmin,
           ok ? (double)total / (double)ok : 0.0, dmax);
    printf("endings:\n");
    int unreached = 0;
    for (size_t i = 0; i < s->n_scenes; i++)
        if (s->scenes[i].ending)
            printf("  %-24s %-5s %6ld (%.1f%%)\n", s->scenes[i].id,
                   story_verdict_name(s->scenes[i].verdict), hits[i],
                   100.0 * (double)hits[i] / (double)runs);
    for (size_t i = 0; i < s->n_scenes; i++)
        if (hits[i] == 0) {
            if (!unreached++)
                printf("never reached:\n");
            printf("  %s '%s' (%s:%d)\n", s->scenes[i].ending ? "ending" : "scene",
                   s->scenes[i].id, s->scenes[i].pos.file, s->scenes[i].pos.line);
        }
    printf("scenes reached: %zu of %zu\n", s->n_scenes - (size_t)unreached, s->n_scenes);
    printf("words of prose (literal texts only): %ld\n", words);
    printf("errors: %ld, unfinished: %ld\n", errors, stuck);
    free(hits);
    story_free(s);
    return errors || stuck || (require_all && unreached) ? 1 : 0;
}
