/* carry.c: what a campaign carries from one chapter into the next (scenarios/README.md,
 * "Campaigns"): the stats the player carries, what the time between chapters does to them, the
 * next chapter's thresholds kept out of reach, and the previous chapter's verdict and ending. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/game_int.h"

void game_int_free_carry(StatDef *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

/* A copy of a carried stat: its id, bounds, and in .start the value it carries. */
static StatDef carried(const char *id, int value, int min, int max)
{
    return (StatDef){.id = xstrdup(id), .start = value, .min = min, .max = max};
}

void game_int_copy_carry(Game *to, const Game *from)
{
    size_t n = from->story->n_stats;
    if (from->carried) {
        to->carried = xmalloc((n ? n : 1) * sizeof *to->carried);
        to->carried_end = xmalloc((n ? n : 1) * sizeof *to->carried_end);
        memcpy(to->carried, from->carried, n * sizeof *to->carried);
        memcpy(to->carried_end, from->carried_end, n * sizeof *to->carried_end);
    }
    to->carry = xcalloc(from->n_carry ? from->n_carry : 1, sizeof *to->carry);
    for (size_t i = 0; i < from->n_carry; i++) {
        const StatDef *c = &from->carry[i];
        to->carry[i] = carried(c->id, c->start, c->min, c->max);
    }
    to->n_carry = from->n_carry;
}

/* The value a carried stat opens the next chapter with: the time between chapters (between:
 * the campaign's effects naming the stat) acts on it, then it is kept one step inside every
 * threshold of s on the stat, so no chapter opens at or past one (scenarios/README.md,
 * "Campaigns"). d: the stat's definition in s, or NULL when s does not declare it. */
static int carry_value(const Story *s, const StatDef *d, int i, const StatDef *c,
                       const Effects *between)
{
    StatDef bounds = d ? *d : *c;
    int v = game_int_clamp(&bounds, c->start);
    for (size_t k = 0; between && k < between->n; k++)
        if (strcmp(between->v[k].stat, c->id) == 0)
            v = game_effect_result(&bounds, &between->v[k], v);
    for (size_t k = 0; d && k < s->n_thresholds; k++) {
        const Threshold *t = &s->thresholds[k];
        if (t->stat != i)
            continue;
        if (t->at_least && v >= t->value)
            v = game_int_clamp(&bounds, (long long)t->value - 1);
        else if (!t->at_least && v <= t->value)
            v = game_int_clamp(&bounds, (long long)t->value + 1);
    }
    return v;
}

Game *game_new_after(const Story *s, uint64_t seed, const char *player, const Game *prev,
                     const Effects *between, Err *err)
{
    Game *g = game_int_alloc(s, seed, player);
    if (prev) {
        /* what the player carries: prev's own stats, and what prev carried for later */
        const Story *ps = prev->story;
        size_t n = ps->n_stats + prev->n_carry;
        StatDef *pool = xcalloc(n ? n : 1, sizeof *pool);
        for (size_t k = 0; k < ps->n_stats; k++)
            pool[k] = carried(ps->stats[k].id, prev->stats[k], ps->stats[k].min,
                              ps->stats[k].max);
        for (size_t k = 0; k < prev->n_carry; k++)
            pool[ps->n_stats + k] = carried(prev->carry[k].id, prev->carry[k].start,
                                            prev->carry[k].min, prev->carry[k].max);
        g->carry = xcalloc(n ? n : 1, sizeof *g->carry);
        g->carried = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *g->carried);
        g->carried_end = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *g->carried_end);
        for (size_t k = 0; k < n; k++) {
            int i = story_find_stat(s, pool[k].id);
            int v = carry_value(s, i >= 0 ? &s->stats[i] : NULL, i, &pool[k], between);
            if (i >= 0) {
                g->stats[i] = v;
                g->carried[i] = true;
                g->carried_end[i] = pool[k].start;
            } else
                g->carry[g->n_carry++] = carried(pool[k].id, v, pool[k].min, pool[k].max);
        }
        game_int_free_carry(pool, n);
        if (game_ended(prev)) {
            const Scene *end = game_scene(prev);
            int f = story_find_flag(s, "previous_verdict");
            if (f >= 0 && s->flags[f].initial.type == VAL_STR) {
                Value v = {.type = VAL_STR,
                           .s = (char *)(uintptr_t)story_verdict_name(end->verdict)};
                game_int_set_flag(g, f, &v);
            }
            f = story_find_flag(s, "previous_ending");
            if (f >= 0 && s->flags[f].initial.type == VAL_STR) {
                Value v = {.type = VAL_STR, .s = end->id};
                game_int_set_flag(g, f, &v);
            }
        }
    }
    return game_int_begin(g, err);
}

bool game_stat_carried(const Game *g, size_t stat, int *at_end)
{
    if (!g->carried || !g->carried[stat])
        return false;
    if (at_end)
        *at_end = g->carried_end[stat];
    return true;
}
