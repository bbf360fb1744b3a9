/* baseline.c: the report's random baseline: playthroughs of a section's story with choices
 * drawn uniformly, from the room's seeds, to show next to the room's figures. (One of the
 * seeded random-play loops the engine has; a shared autoplay module is to replace them.) */
#include <stdlib.h>
#include <string.h>

#include "core/rng.h"
#include "tools/report/report.h"

/* ---- the random baseline ---- */

static void record_game(Report *r, Part *out, const Game *gm, int chapter, int story)
{
    const Story *s = game_story(gm);
    for (size_t i = 0; i < game_decision_count(gm); i++) {
        const Decision *d = game_decision(gm, i);
        const Scene *sc = &s->scenes[d->scene];
        Dec x = {.chapter = chapter,
                 .story = story,
                 .scene = report_intern(&r->s, sc->id),
                 .choice = report_intern(&r->s, sc->choices[d->choice].id),
                 .text = -1,
                 .forced = -1};
        x.nsv = (int)s->n_stats;
        x.sv = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *x.sv);
        for (size_t k = 0; k < s->n_stats; k++)
            x.sv[k] = (StatVal){report_intern(&r->s, s->stats[k].id), d->before[k], d->after[k]};
        grow(&out->d, &out->capd, out->nd + 1, sizeof *out->d);
        out->d[out->nd++] = x;
    }
}

static void base_error(Group *g, const char *msg)
{
    g->base_errors++;
    if (!g->base_error)
        g->base_error = xstrdup(msg);
}

/* Play one random playthrough like the model participant's (same seeds), choices drawn from
 * a generator seeded with pick_seed. */
static void play_random(Report *r, Group *g, const Part *model, uint64_t pick_seed, Part *out)
{
    Rng pick;
    rng_seed(&pick, pick_seed);
    const Story *root = g->root;
    size_t nch = root->n_chapters ? root->n_chapters : 1;
    memset(out, 0, sizeof *out);
    out->story = g->story;
    out->session = g->session;
    out->player = out->title = out->hash = out->ending = out->ending_story = -1;
    Game *prev = NULL;
    Err err;
    size_t done = 0; /* chapters played to an ending */
    for (size_t ch = 0; ch < nch; ch++) {
        int sid = root->n_chapters ? report_intern(&r->s, root->chapters[ch]) : g->story;
        const Story *s = root->n_chapters ? report_story(r, sid, root) : root;
        if (!s) {
            base_error(g, "a chapter of the campaign cannot be loaded");
            break;
        }
        uint64_t seed = model->nchap > (int)ch ? model->chap_seed[ch] : model->seed + ch;
        Game *gm = prev ? game_new_after(s, seed, "Player", prev, &err)
                        : game_new(s, seed, "Player", &err);
        if (!gm) {
            base_error(g, err.msg);
            break;
        }
        game_set_quiet(gm, true);
        bool failed = false;
        long d = 0;
        while (!game_ended(gm) && d < BASELINE_CAP) {
            size_t n = game_choice_count(gm);
            if (n == 0) {
                err_set(&err, "scene '%s' offers no choice (a dead end)", game_scene(gm)->id);
                failed = true;
                break;
            }
            if (game_choose(gm, (size_t)rng_range(&pick, 0, (int64_t)n - 1), 0, &err) != 0) {
                failed = true;
                break;
            }
            d++;
        }
        if (failed)
            base_error(g, err.msg);
        else if (!game_ended(gm))
            g->base_stuck++;
        record_game(r, out, gm, (int)ch, sid);
        game_free(prev);
        prev = gm;
        if (!game_ended(gm) || failed)
            break;
        done++;
    }
    if (prev && done == nch) {
        out->ended = true;
        out->ending = report_intern(&r->s, game_scene(prev)->id);
        out->ending_story = report_intern(&r->s, game_story(prev)->id);
    }
    /* the final stats */
    if (prev) {
        const Story *s = game_story(prev);
        out->nfin = (int)s->n_stats;
        out->fin = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *out->fin);
        for (size_t k = 0; k < s->n_stats; k++)
            out->fin[k] = (StatVal){report_intern(&r->s, s->stats[k].id), game_stat(prev, k),
                                    game_stat(prev, k)};
    }
    game_free(prev);
}

void report_baseline(Report *r, Group *g)
{
    if (!g->root || r->baseline <= 0 || g->n == 0)
        return;
    g->nbase = (size_t)r->baseline;
    g->base = xcalloc(g->nbase, sizeof *g->base);
    unsigned long long key = fnv1a64(FNV1A64_INIT, S(r, g->story), strlen(S(r, g->story)));
    key = fnv1a64(key, "/", 1);
    key = fnv1a64(key, S(r, g->session), strlen(S(r, g->session)));
    for (size_t i = 0; i < g->nbase; i++)
        play_random(r, g, g->p[i % g->n], key ^ ((uint64_t)(i + 1) * 0x9E3779B97F4A7C15ULL),
                    &g->base[i]);
}

