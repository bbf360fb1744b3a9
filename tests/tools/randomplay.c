/* randomplay.c: plays seeded random playthroughs of a story through the engine and reports
 * endings, coverage and failures. Run i uses seed SEED+i for the game and for the choices, so
 * any failure can be replayed alone. Exits 1 on a script error, a dead end, or a playthrough
 * that does not end within the decision cap; with --all, also when a scene or ending was never
 * reached. A campaign is played through its chapters (coverage is reported for single
 * stories only).
 * Usage: randomplay STORY_PATH RUNS [SEED] [--max N] [--all] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/session.h"
#include "core/rng.h"
#include "core/story.h"
#include "core/text.h"
#include "lua/lua_host.h"

/* Random playthroughs of a campaign, through the session so chapters carry over. */
static int play_campaign(Story *root, const char *path, long runs, unsigned long long seed,
                         long cap)
{
    long errors = 0, stuck = 0, total = 0;
    long verdicts[3] = {0, 0, 0};
    story_free(root);
    for (long r = 0; r < runs; r++) {
        Err err;
        Story *s = story_load(path, &err);
        if (!s) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        SessionOptions so = {.seed = seed + (unsigned long long)r, .seed_given = true,
                             .no_autosave = true};
        Session *ss = session_open(s, &so, &err);
        if (!ss) {
            if (errors++ < 5)
                fprintf(stderr, "seed %llu: %s\n", (unsigned long long)so.seed, err.msg);
            continue;
        }
        Rng pick;
        rng_seed(&pick, so.seed + 0x5eed);
        long d = 0;
        for (;;) {
            const Game *g = session_game(ss);
            if (game_ended(g)) {
                if (!session_next_chapter(ss))
                    break;
                if (session_advance(ss, &err) != 0) {
                    if (errors++ < 5)
                        fprintf(stderr, "seed %llu: %s\n", (unsigned long long)so.seed, err.msg);
                    break;
                }
                continue;
            }
            if (d >= cap) {
                if (stuck++ < 5)
                    fprintf(stderr, "seed %llu: no ending within %ld decisions\n", (unsigned long long)so.seed, cap);
                break;
            }
            size_t k = (size_t)rng_range(&pick, 0, (int64_t)game_choice_count(g) - 1);
            if (session_choose(ss, k, 0, &err) != 0) {
                if (errors++ < 5)
                    fprintf(stderr, "seed %llu, decision %ld: %s\n", (unsigned long long)so.seed, d + 1, err.msg);
                break;
            }
            d++;
        }
        const Game *g = session_game(ss);
        if (game_ended(g) && !session_next_chapter(ss))
            verdicts[game_scene(g)->verdict]++;
        total += d;
        session_free(ss);
    }
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
        Rng pick;
        rng_seed(&pick, seed + (unsigned long long)r + 0x5eed);
        Game *g = game_new(s, seed + (unsigned long long)r, "Player", &err);
        if (!g) {
            if (errors++ < 5)
                fprintf(stderr, "seed %llu: %s\n", seed + (unsigned long long)r, err.msg);
            continue;
        }
        long d = 0;
        bool failed = false;
        hits[game_scene_index(g)]++;
        while (!game_ended(g) && d < cap) {
            size_t n = game_choice_count(g);
            size_t k = (size_t)rng_range(&pick, 0, (int64_t)n - 1);
            if (game_choose(g, k, 0, &err) != 0) {
                if (errors++ < 5)
                    fprintf(stderr, "seed %llu, decision %ld: %s\n",
                            seed + (unsigned long long)r, d + 1, err.msg);
                failed = true;
                break;
            }
            d++;
            hits[game_scene_index(g)]++;
        }
        if (!failed && !game_ended(g)) {
            if (stuck++ < 5)
                fprintf(stderr, "seed %llu: no ending within %ld decisions (at scene '%s')\n",
                        seed + (unsigned long long)r, cap, game_scene(g)->id);
        }
        if (!failed) {
            total += d;
            if (dmin < 0 || d < dmin)
                dmin = d;
            if (d > dmax)
                dmax = d;
        }
        game_free(g);
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
                   verdict_name(s->scenes[i].verdict), hits[i],
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
