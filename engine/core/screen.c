/* screen.c: builds the Screen, the one description of what is on screen (see screen.h). */
#include "core/screen.h"

#include <stdlib.h>
#include <string.h>

#include "core/gallery.h"

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* ---- prose ---- */

static void prose_run(void *ud, const char *text, size_t len, unsigned style)
{
    ScreenProse *p = ud;
    if ((style & TEXT_PARAGRAPH) || p->n_paragraphs == 0) {
        p->paragraphs = xrealloc(p->paragraphs, (p->n_paragraphs + 1) * sizeof *p->paragraphs);
        p->paragraphs[p->n_paragraphs++] = (ScreenParagraph){NULL, 0};
        if (style & TEXT_PARAGRAPH)
            return;
    }
    ScreenParagraph *para = &p->paragraphs[p->n_paragraphs - 1];
    para->spans = xrealloc(para->spans, (para->n_spans + 1) * sizeof *para->spans);
    ScreenSpan *sp = &para->spans[para->n_spans++];
    sp->text = xstrndup(text, len);
    sp->style = style;
}

void screen_prose(ScreenProse *p, const char *laid)
{
    memset(p, 0, sizeof *p);
    p->text = xstrdup(laid ? laid : "");
    text_markup(p->text, prose_run, p);
}

void screen_prose_free(ScreenProse *p)
{
    for (size_t i = 0; i < p->n_paragraphs; i++) {
        for (size_t k = 0; k < p->paragraphs[i].n_spans; k++)
            free(p->paragraphs[i].spans[k].text);
        free(p->paragraphs[i].spans);
    }
    free(p->paragraphs);
    free(p->text);
    memset(p, 0, sizeof *p);
}

/* ---- wording ---- */

ScreenSign screen_change_sign(const Story *s, size_t i, int delta)
{
    if (delta == 0 || s->stats[i].good == GOOD_NEUTRAL)
        return 0;
    bool up = delta > 0;
    return (s->stats[i].good == GOOD_HIGH) == up ? 1 : -1;
}

/* The changes in words; hidden stats only when all is true (at an ending). */
static char *changes_text(const Story *s, const int *before, const int *after, bool numbers,
                          bool all)
{
    Buf b = {0};
    for (size_t k = 0; k < s->n_stats; k++) {
        int d = after[k] - before[k];
        if (!d || (s->stats[k].hidden && !all))
            continue;
        if (b.len)
            buf_puts(&b, ", ");
        buf_puts(&b, s->stats[k].label);
        if (!numbers) {
            buf_puts(&b, d > 0 ? " rises" : " falls");
            continue;
        }
        /* " %+d" digit by digit: every decision's changes are described when a game opens,
         * and printf took most of that (issue 16, item 14) */
        char digits[24];
        size_t n = sizeof digits;
        long long v = d < 0 ? -(long long)d : d;
        do
            digits[--n] = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        digits[--n] = d < 0 ? '-' : '+';
        digits[--n] = ' ';
        buf_add(&b, digits + n, sizeof digits - n);
    }
    return b.len ? buf_take(&b) : NULL;
}

char *screen_changes_text(const Story *s, const int *before, const int *after, bool numbers)
{
    return changes_text(s, before, after, numbers, true);
}

const char *screen_advice_name(Advice a)
{
    return a == ADVICE_FOLLOWS ? "follows" : a == ADVICE_AGAINST ? "against" : NULL;
}

const char *screen_advice_text(Advice a)
{
    return a == ADVICE_FOLLOWS    ? "follows the advice"
           : a == ADVICE_AGAINST ? "goes against the advice"
                                 : NULL;
}

const char *screen_verdict_text(Verdict v)
{
    return v == VERDICT_GOOD ? "a good ending" : v == VERDICT_BAD ? "a bad ending" : "a mixed ending";
}

/* ---- the parts ---- */

static void describe_stats(Screen *sc, const Game *g)
{
    const Story *st = game_story(g);
    sc->n_stats = st->n_stats;
    sc->stats = xcalloc(st->n_stats ? st->n_stats : 1, sizeof *sc->stats);
    bool ended = game_ended(g);
    for (size_t i = 0; i < st->n_stats; i++) {
        const StatDef *d = &st->stats[i];
        ScreenStat *x = &sc->stats[i];
        x->id = xstrdup(d->id);
        x->label = xstrdup(d->label);
        x->description = dup_or_null(d->description);
        x->value = game_stat(g, i);
        x->min = d->min;
        x->max = d->max;
        x->good = d->good;
        x->change = game_stat_change(g, i);
        x->change_choice = game_stat_change_choice(g, i);
        x->change_arrival = x->change - x->change_choice;
        x->sign = screen_change_sign(st, i, x->change);
        x->hidden = d->hidden && !ended;
        if (!x->change || x->hidden)
            continue;
        sc->changes = xrealloc(sc->changes, (sc->n_changes + 1) * sizeof *sc->changes);
        ScreenChange *c = &sc->changes[sc->n_changes++];
        c->stat = i;
        c->delta = x->change;
        c->sign = x->sign;
        c->text = xasprintf("%s %+d", d->label, x->change);
    }
    const Decision *last = game_decision(g, game_decision_count(g) - 1); /* NULL before one */
    if (last) {
        sc->changes_text = changes_text(st, last->before, last->after, true, ended);
        sc->changes_words = changes_text(st, last->before, last->after, false, ended);
    }
}

/* What the player carries into chapter (1-based) of a campaign, in words; NULL when nothing. */
static char *carried_text(const Game *g, size_t chapter)
{
    const Story *st = game_story(g);
    Buf b = {0};
    for (size_t i = 0; i < st->n_stats; i++) {
        int end;
        if (st->stats[i].hidden || !game_stat_carried(g, i, &end))
            continue;
        buf_printf(&b, "%s%s %d", b.len ? ", " : "", st->stats[i].label, game_stat(g, i));
        if (end != game_stat(g, i))
            buf_printf(&b, " (%d when chapter %zu ended)", end, chapter - 1);
    }
    return b.len ? buf_take(&b) : NULL;
}

/* Does the scene speak to the source's advice (an advice text, or a tagged choice)? */
static bool scene_advises(const Scene *ds)
{
    if (ds->advice)
        return true;
    for (size_t k = 0; k < ds->n_choices; k++)
        if (ds->choices[k].advice != ADVICE_NONE)
            return true;
    return false;
}

/* Put decision i among the best k (at[0..*n), weightiest first, ties: the earlier first). */
static void keep_best(size_t *at, size_t *n, size_t k, const long *weight, size_t i)
{
    size_t j = *n;
    if (j == k && weight[i] <= weight[at[k - 1]])
        return; /* i comes after every one kept: a tie goes to the earlier */
    if (j < k)
        (*n)++;
    else
        j = k - 1;
    while (j > 0 && weight[i] > weight[at[j - 1]]) {
        at[j] = at[j - 1];
        j--;
    }
    at[j] = i;
}

/* Mark the run's pivotal decisions (scenarios/README.md, "The end-of-run recap"): at an ending,
 * the last decision, which chose it; then those at scenes that speak to the source's advice, the
 * weightiest first while fewer than SCREEN_PIVOTAL_MAX are marked; when fewer than
 * SCREEN_PIVOTAL_MIN are, the weightiest decisions with a lesson make up the number. weight[i]
 * says how much decision i did: how far it moved the stats, 10 for each flag it set, and 20
 * when it went against the advice (a road the run will pay for); trait[i] has TRAIT_ADVISES
 * when its scene speaks to the advice, TRAIT_LESSON when it has a lesson. One pass: when the
 * advice's scenes leave the number short of SCREEN_PIVOTAL_MIN, every one of them is marked,
 * so the lessons make it up from the others. The marks are kept in sc->pivotal_at. */
enum { TRAIT_ADVISES = 1, TRAIT_LESSON = 2 };
static void mark_pivotal(Screen *sc, const unsigned char *trait, const long *weight, bool ended)
{
    size_t n = sc->n_decisions, picked = 0;
    size_t end = ended && n ? n - 1 : n; /* the last decision, marked first at an ending */
    if (end < n)
        sc->pivotal_at[picked++] = end;
    size_t advised[SCREEN_PIVOTAL_MAX], n_advised = 0, taught[SCREEN_PIVOTAL_MIN],
           n_taught = 0, goal = SCREEN_PIVOTAL_MAX - picked;
    for (size_t i = 0; i < n; i++) {
        if (i == end)
            continue;
        if (trait[i] & TRAIT_ADVISES)
            keep_best(advised, &n_advised, goal, weight, i);
        else if (trait[i] & TRAIT_LESSON)
            keep_best(taught, &n_taught, SCREEN_PIVOTAL_MIN, weight, i);
    }
    for (size_t k = 0; k < n_advised; k++)
        sc->pivotal_at[picked++] = advised[k];
    for (size_t k = 0; k < n_taught && picked < SCREEN_PIVOTAL_MIN; k++)
        sc->pivotal_at[picked++] = taught[k];
    sc->n_pivotal = picked;
    for (size_t k = 0; k < picked; k++)
        sc->decisions[sc->pivotal_at[k]].pivotal = true;
}

/* Describe decisions from..n-1 of g into sc (whose arrays hold n). */
static void describe_decisions_from(Screen *sc, const Game *g, size_t from, size_t n)
{
    const Story *st = game_story(g);
    for (size_t i = from; i < n; i++) {
        const Decision *d = game_decision(g, i);
        const Scene *ds = &st->scenes[d->scene];
        ScreenDecision *x = &sc->decisions[i];
        memset(x, 0, sizeof *x);
        x->number = i + 1;
        x->scene_id = xstrdup(ds->id);
        x->choice_id = xstrdup(ds->choices[d->choice].id);
        x->chapter = dup_or_null(ds->chapter);
        x->text = xstrdup(d->text);
        x->lesson = dup_or_null(game_decision_lesson(g, i));
        x->discuss = dup_or_null(ds->discuss);
        x->changes = changes_text(st, d->before, d->after, true, game_ended(g));
        x->changes_words = changes_text(st, d->before, d->after, false, game_ended(g));
        x->seconds = d->seconds;
        if (d->reply)
            screen_prose(&x->reply, d->reply);
        x->advice = ds->choices[d->choice].advice;
        x->advice_name = screen_advice_name(x->advice);
        x->advice_text = screen_advice_text(x->advice);
        x->advises = dup_or_null(ds->advice);
        x->not_taken = dup_or_null(d->not_taken);
        sc->trait[i] = (scene_advises(ds) ? TRAIT_ADVISES : 0) | (x->lesson ? TRAIT_LESSON : 0);
        const Choice *c = &ds->choices[d->choice];
        long w = 0;
        for (size_t k = 0; k < st->n_stats; k++)
            w += labs((long)d->after[k] - (long)d->before[k]);
        w += 10 * (long)(c->set.n + (c->set.fn ? 1 : 0));
        if (c->advice == ADVICE_AGAINST)
            w += 20;
        sc->weight[i] = w;
    }
}

/* The decisions of g; those prev (NULL: none) described of the same game, while it goes on,
 * are taken over from it rather than described again (screen_describe_next). */
static void describe_decisions(Screen *sc, const Game *g, Screen *prev)
{
    const Story *st = game_story(g);
    size_t n = game_decision_count(g), from = 0;
    sc->game_serial = game_serial(g);
    sc->ended = game_ended(g);
    if (prev && prev->decisions && prev->game_serial == sc->game_serial && !prev->ended &&
        !sc->ended && prev->n_decisions <= n) {
        from = prev->n_decisions;
        sc->decisions = prev->decisions, sc->trait = prev->trait, sc->weight = prev->weight;
        sc->cap_decisions = prev->cap_decisions;
        for (size_t k = 0; k < prev->n_pivotal; k++) /* marked anew below */
            sc->decisions[prev->pivotal_at[k]].pivotal = false;
        prev->decisions = NULL, prev->trait = NULL, prev->weight = NULL;
        prev->n_decisions = prev->cap_decisions = 0;
    }
    if (n > sc->cap_decisions || !sc->decisions) {
        size_t cap = sc->cap_decisions ? sc->cap_decisions : 8;
        while (cap < n)
            cap *= 2;
        sc->decisions = xrealloc(sc->decisions, cap * sizeof *sc->decisions);
        sc->trait = xrealloc(sc->trait, cap * sizeof *sc->trait);
        sc->weight = xrealloc(sc->weight, cap * sizeof *sc->weight);
        sc->cap_decisions = cap;
    }
    sc->n_decisions = n;
    describe_decisions_from(sc, g, from, n);
    mark_pivotal(sc, sc->trait, sc->weight, sc->ended);
    if (n && sc->decisions[n - 1].reply.text)
        sc->reply = &sc->decisions[n - 1].reply;
    const Decision *last = n ? game_decision(g, n - 1) : NULL;
    if (last && last->forced >= 0 &&
        (!st->stats[st->thresholds[last->forced].stat].hidden || game_ended(g))) {
        size_t stat = (size_t)st->thresholds[last->forced].stat;
        sc->forced = xstrdup(st->stats[stat].id);
        sc->forced_reason = xasprintf("%s has reached %d.", st->stats[stat].label,
                                      game_stat(g, stat));
    }
}

/* The endings gallery: every ending of st in its order, found when gallery (or NULL) has it. */
static void describe_gallery(Screen *sc, const Story *st, const Gallery *gallery)
{
    size_t n = 0;
    for (size_t i = 0; i < st->n_scenes; i++)
        if (st->scenes[i].ending)
            n++;
    sc->gallery = xcalloc(n ? n : 1, sizeof *sc->gallery);
    for (size_t i = 0; i < st->n_scenes; i++) {
        const Scene *e = &st->scenes[i];
        if (!e->ending)
            continue;
        ScreenGalleryEnding *x = &sc->gallery[sc->n_gallery++];
        x->id = xstrdup(e->id);
        x->title = xstrdup(e->title ? e->title : e->id);
        x->verdict = e->verdict;
        x->verdict_name = story_verdict_name(e->verdict);
        x->verdict_text = screen_verdict_text(e->verdict);
        x->found = gallery && gallery_has(gallery, st->id, e->id);
    }
}

static void describe_ending(Screen *sc, const Game *g)
{
    const Story *st = game_story(g);
    const Scene *e = game_scene(g);
    ScreenEnding *x = xcalloc(1, sizeof *x);
    x->id = xstrdup(e->id);
    x->title = xstrdup(e->title ? e->title : e->id);
    x->verdict = e->verdict;
    x->verdict_name = story_verdict_name(e->verdict);
    x->verdict_text = screen_verdict_text(e->verdict);
    x->lesson = dup_or_null(e->lesson);
    size_t n = game_decision_count(g);
    x->n_series = st->n_stats;
    x->series = xcalloc(st->n_stats ? st->n_stats : 1, sizeof *x->series);
    for (size_t k = 0; k < st->n_stats; k++) {
        ScreenSeries *s = &x->series[k];
        s->stat = k;
        s->n_values = n + 1;
        s->values = xmalloc((n + 1) * sizeof *s->values);
        for (size_t i = 0; i < n; i++) {
            const Decision *d = game_decision(g, i);
            if (i == 0)
                s->values[0] = d->before[k];
            s->values[i + 1] = d->after[k];
        }
        if (n == 0)
            s->values[0] = game_stat(g, k);
    }
    sc->ending = x;
}

/* What s shows now; the decisions prev (may be NULL) described of the same game are taken
 * over from it. */
static Screen *describe(const Session *s, Screen *prev);

Screen *screen_describe(Session *s)
{
    Screen *sc = describe(s, NULL);
    sc->notice = session_take_notice(s);
    return sc;
}

Screen *screen_describe_next(Session *s, Screen *prev)
{
    Screen *sc = describe(s, prev);
    screen_free(prev);
    sc->notice = session_take_notice(s);
    return sc;
}

Screen *screen_of(const Session *s)
{
    return describe(s, NULL);
}

static Screen *describe(const Session *s, Screen *prev)
{
    const Game *g = session_game(s);
    const Story *st = game_story(g);
    const Story *root = session_root(s);
    Screen *sc = xcalloc(1, sizeof *sc);
    sc->story_id = xstrdup(st->id);
    sc->title = xstrdup(st->title);
    sc->summary = xstrdup(st->summary ? st->summary : "");
    sc->content_note = dup_or_null(st->content_note);
    sc->ask_name = session_wants_name(s);
    if (session_gallery(s))
        sc->endings_found = gallery_found(session_gallery(s), st, &sc->endings_total);
    describe_gallery(sc, st, session_gallery(s));
    if (root != st) {
        ScreenCampaign *c = xcalloc(1, sizeof *c);
        c->id = xstrdup(root->id);
        c->title = xstrdup(root->title);
        c->chapter = session_chapter(s) + 1;
        c->chapters = root->n_chapters;
        c->next = dup_or_null(session_next_chapter(s));
        if (game_decision_count(g) == 0)
            c->carried = carried_text(g, c->chapter);
        if (game_ended(g) && !c->next) { /* the career, chapter by chapter */
            c->n_career = c->chapter;
            c->career = xcalloc(c->n_career, sizeof *c->career);
            for (size_t i = 0; i < c->n_career; i++) {
                const Game *pg = i + 1 < c->chapter ? session_past_game(s, i) : g;
                const Scene *end = game_scene(pg);
                c->career[i].story_title = xstrdup(game_story(pg)->title);
                c->career[i].ending_title = xstrdup(end->title);
                c->career[i].verdict = end->verdict;
                c->career[i].verdict_text = screen_verdict_text(end->verdict);
            }
        }
        sc->campaign = c;
    }
    sc->chapter = dup_or_null(game_chapter(g));
    sc->scene_id = xstrdup(game_scene(g)->id);
    screen_prose(&sc->text, game_text(g));
    sc->lesson = dup_or_null(game_scene(g)->lesson);
    sc->discuss = dup_or_null(game_scene(g)->discuss);
    sc->n_available = game_choice_count(g);
    sc->n_choices = sc->n_available + game_locked_count(g);
    sc->choices = xcalloc(sc->n_choices ? sc->n_choices : 1, sizeof *sc->choices);
    for (size_t i = 0; i < sc->n_choices; i++) {
        ScreenChoice *c = &sc->choices[i];
        c->number = i + 1;
        if (i < sc->n_available) {
            c->id = xstrdup(game_choice(g, i)->id);
            screen_prose(&c->text, game_choice_text(g, i));
            continue;
        }
        size_t k = i - sc->n_available;
        c->id = xstrdup(game_locked_choice(g, k)->id);
        screen_prose(&c->text, game_locked_text(g, k));
        c->locked = true;
        c->requirement = xstrdup(game_locked_reason(g, k));
    }
    describe_stats(sc, g);
    describe_decisions(sc, g, prev);
    if (game_ended(g))
        describe_ending(sc, g);
    return sc;
}

void screen_add_room(Screen *sc, const Room *r, const int *votes, int timer)
{
    ScreenRoom *x = xcalloc(1, sizeof *x);
    x->code = dup_or_null(room_code(r));
    x->votes = votes;
    x->timer = timer;
    x->roads_not_taken = room_roads_not_taken(r);
    /* a room has no player to ask a name of: the facilitator gives one (ladder workshop
     * --player) or the story leaves it out */
    sc->ask_name = false;
    /* the room numbers its decisions across a campaign's chapters; the Screen's are this
     * chapter's, which come after the earlier chapters' */
    size_t all = room_decision_count(r);
    size_t before = all > sc->n_decisions ? all - sc->n_decisions : 0;
    for (size_t i = 0; i < sc->n_decisions; i++)
        sc->decisions[i].tally = room_tally(r, before + i);
    sc->room = x;
}

void screen_free(Screen *sc)
{
    if (!sc)
        return;
    free(sc->story_id);
    free(sc->title);
    free(sc->summary);
    free(sc->content_note);
    if (sc->campaign) {
        free(sc->campaign->id);
        free(sc->campaign->title);
        free(sc->campaign->next);
        free(sc->campaign->carried);
        for (size_t i = 0; i < sc->campaign->n_career; i++) {
            free(sc->campaign->career[i].story_title);
            free(sc->campaign->career[i].ending_title);
        }
        free(sc->campaign->career);
        free(sc->campaign);
    }
    free(sc->chapter);
    free(sc->scene_id);
    free(sc->notice);
    screen_prose_free(&sc->text);
    free(sc->lesson);
    free(sc->discuss);
    for (size_t i = 0; i < sc->n_choices; i++) {
        free(sc->choices[i].id);
        screen_prose_free(&sc->choices[i].text);
        free(sc->choices[i].requirement);
    }
    free(sc->choices);
    for (size_t i = 0; i < sc->n_stats; i++) {
        free(sc->stats[i].id);
        free(sc->stats[i].label);
        free(sc->stats[i].description);
    }
    free(sc->stats);
    for (size_t i = 0; i < sc->n_gallery; i++) {
        free(sc->gallery[i].id);
        free(sc->gallery[i].title);
    }
    free(sc->gallery);
    for (size_t i = 0; i < sc->n_changes; i++)
        free(sc->changes[i].text);
    free(sc->changes);
    free(sc->changes_text);
    free(sc->changes_words);
    free(sc->forced);
    free(sc->forced_reason);
    for (size_t i = 0; i < sc->n_decisions; i++) {
        ScreenDecision *d = &sc->decisions[i];
        free(d->scene_id);
        free(d->choice_id);
        free(d->chapter);
        free(d->text);
        free(d->lesson);
        free(d->discuss);
        free(d->advises);
        free(d->not_taken);
        free(d->changes);
        free(d->changes_words);
        screen_prose_free(&d->reply);
    }
    free(sc->decisions);
    free(sc->trait);
    free(sc->weight);
    if (sc->ending) {
        free(sc->ending->id);
        free(sc->ending->title);
        free(sc->ending->lesson);
        for (size_t k = 0; k < sc->ending->n_series; k++)
            free(sc->ending->series[k].values);
        free(sc->ending->series);
        free(sc->ending);
    }
    if (sc->room) {
        free(sc->room->code);
        free(sc->room);
    }
    free(sc);
}
