/* baseline.c: the report's random baseline: playthroughs of a section's story with choices
 * drawn uniformly (core/autoplay), from the room's seeds, to show next to the room's figures. */
#include <stdlib.h>
#include <string.h>

#include "core/autoplay.h"
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
        util_grow(&out->d, &out->capd, out->nd + 1, sizeof *out->d);
        out->d[out->nd++] = x;
    }
}

static void base_error(Group *g, const char *msg)
{
    g->base_errors++;
    if (!g->base_error)
        g->base_error = xstrdup(msg);
}

/* What autoplay's hooks need: the report, the group, and the playthrough being recorded. */
typedef struct BaseRun {
    Report *r;
    Group *g;
    Part *out;
} BaseRun;

/* A campaign's chapter as the report loads it (cached, --story first). */
static const Story *base_chapter(void *ctx, const Story *campaign, size_t i, Err *err)
{
    BaseRun *b = ctx;
    const Story *s = report_story(b->r, report_intern(&b->r->s, campaign->chapters[i]), campaign);
    if (!s)
        err_set(err, "%s", "a chapter of the campaign cannot be loaded");
    return s;
}

/* Each story or chapter played: its decisions, and the stats it stopped with (the last one's
 * are the playthrough's final stats), and the ending when the whole playthrough ended. */
static void base_finished(void *ctx, const Game *gm, size_t ch)
{
    BaseRun *b = ctx;
    const Story *root = b->g->root, *s = game_story(gm);
    int sid = root->n_chapters ? report_intern(&b->r->s, root->chapters[ch]) : b->g->story;
    record_game(b->r, b->out, gm, (int)ch, sid);
    free(b->out->fin);
    b->out->nfin = (int)s->n_stats;
    b->out->fin = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *b->out->fin);
    for (size_t k = 0; k < s->n_stats; k++)
        b->out->fin[k] = (StatVal){report_intern(&b->r->s, s->stats[k].id), game_stat(gm, k),
                                   game_stat(gm, k)};
    size_t nch = root->n_chapters ? root->n_chapters : 1;
    if (game_ended(gm) && ch + 1 == nch) {
        b->out->ended = true;
        b->out->ending = report_intern(&b->r->s, game_scene(gm)->id);
        b->out->ending_story = report_intern(&b->r->s, s->id);
    }
}

/* Play one random playthrough like the model participant's (same seeds: its chapters', else
 * seed + i as a session plays them), choices drawn from a generator seeded with pick_seed. */
static void play_random(Report *r, Group *g, const Part *model, uint64_t pick_seed, Part *out)
{
    memset(out, 0, sizeof *out);
    out->story = g->story;
    out->session = g->session;
    out->player = out->title = out->hash = out->ending = out->ending_story = -1;
    BaseRun b = {r, g, out};
    AutoplayOptions ao = {.seed = model->seed,
                          .pick_seed = pick_seed,
                          .max_decisions = BASELINE_CAP,
                          .quiet = true,
                          .chapter_seeds = model->chap_seed,
                          .n_chapter_seeds = model->nchap > 0 ? (size_t)model->nchap : 0,
                          .chapter = base_chapter,
                          .finished = base_finished,
                          .ctx = &b};
    AutoplayResult ar;
    switch (autoplay_play(g->root, &ao, &ar)) {
    case AUTOPLAY_ENDED: break;
    case AUTOPLAY_LIMIT: g->base_stuck++; break;
    case AUTOPLAY_DEADLINE: break; /* no deadline is set */
    case AUTOPLAY_FAILED: base_error(g, ar.err.msg); break;
    case AUTOPLAY_STOPPED: break; /* no go_on hook is set */
    }
}

void report_baseline(Report *r, Group *g)
{
    if (!g->root || r->baseline <= 0 || g->n == 0)
        return;
    g->nbase = (size_t)r->baseline;
    g->base = xcalloc(g->nbase, sizeof *g->base);
    unsigned long long key = fnv1a64(FNV1A64_INIT, S(r, g->story), strlen(S(r, g->story)));
    key = fnv1a64(key, "/", 1);
    key = fnv1a64(key, S(r, g->key), strlen(S(r, g->key)));
    for (size_t i = 0; i < g->nbase; i++)
        play_random(r, g, g->p[i % g->n], autoplay_pick_seed_nth(key, (uint64_t)i + 1),
                    &g->base[i]);
}

