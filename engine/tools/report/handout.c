/* handout.c: the participants' handout of `ladder report --handout FILE` (out/handout.h writes
 * the page): for each section, the story's premise, the decisions that divided the room (each
 * option's share of the participants, the question, the lesson), the advice of the section's
 * story (a campaign: each chapter's) and the endings the room reached with their shares. Every
 * text comes from the story or is a count; nothing from a results file but ids looked up in
 * the story. */
#include <stdlib.h>
#include <string.h>

#include "out/handout.h"
#include "out/html.h"
#include "tools/report/report.h"

#define HANDOUT_SPLITS 4 /* decisions that divided the room, at most */

/* What one section's HandoutSection points into, freed together. */
typedef struct Held {
    Buf title, meta;
    Buf heads[HANDOUT_SPLITS];
    HandoutOption *opts[HANDOUT_SPLITS];
    HandoutDecision dec[HANDOUT_SPLITS];
    const Story **stories;
    HandoutEnding *ends;
} Held;

/* The heading of a decision point: the start of its scene's text, or its id as words
 * ("deep_night": "Deep night"). */
static void heading(Buf *b, Report *r, const Point *pt, const Scene *sc)
{
    size_t before = b->len;
    report_scene_excerpt(b, sc, 120);
    if (b->len == before)
        for (const char *p = S(r, pt->scene); *p; p++)
            buf_putc(b, p == S(r, pt->scene) && *p >= 'a' && *p <= 'z' ? (char)(*p - 32)
                        : *p == '_' || *p == '-'                     ? ' '
                                                                     : *p);
}

static void fill(Report *r, Group *g, HandoutSection *sec, Held *h)
{
    memset(h, 0, sizeof *h);
    report_group_title(&h->title, r, g);
    if (*S(r, g->session)) {
        buf_puts(&h->meta, "Session ");
        html_escape(&h->meta, S(r, g->session));
        buf_puts(&h->meta, " &middot; ");
    }
    buf_printf(&h->meta, "%zu played", g->n);
    *sec = (HandoutSection){.title_html = buf_str(&h->title), .meta_html = buf_str(&h->meta),
                            .premise = g->root ? g->root->summary : NULL,
                            .decisions_heading = "The decisions that divided the room",
                            .decisions = h->dec};
    report_rank_decisions(r, g);
    for (size_t i = 0; i < g->npt && sec->n_decisions < HANDOUT_SPLITS; i++) {
        const Point *pt = &g->pt[i];
        if (!pt->enough || pt->no < 2)
            continue;
        size_t k = sec->n_decisions++;
        const Scene *sc = report_scene_of(r, g, pt->story, pt->scene);
        heading(&h->heads[k], r, pt, sc);
        h->opts[k] = xcalloc(pt->no, sizeof *h->opts[k]);
        for (size_t j = 0; j < pt->no; j++) {
            const Opt *o = &pt->o[j];
            int c = sc ? story_find_choice(sc, S(r, o->choice)) : -1;
            h->opts[k][j] = (HandoutOption){
                .text = c >= 0 && sc->choices[c].text.str ? sc->choices[c].text.str
                        : o->text >= 0                    ? S(r, o->text)
                                                          : S(r, o->choice),
                .share = report_share(o->n, pt->n)};
        }
        h->dec[k] = (HandoutDecision){.heading_html = buf_str(&h->heads[k]),
                                      .ask = sc ? sc->discuss : NULL, .options = h->opts[k],
                                      .n_options = pt->no, .lesson = sc ? sc->lesson : NULL};
    }
    const Story *root = g->root;
    if (root) {
        sec->n_stories = root->n_chapters ? root->n_chapters : 1;
        h->stories = xcalloc(sec->n_stories, sizeof *h->stories);
        for (size_t c = 0; c < sec->n_stories; c++)
            h->stories[c] = root->n_chapters ? report_story_of(r, g, report_intern(
                                                                       &r->s, root->chapters[c]))
                                             : root;
        sec->stories = h->stories;
    }
    h->ends = xcalloc(g->nec ? g->nec : 1, sizeof *h->ends);
    for (size_t i = 0; i < g->nec; i++) {
        const EndCount *e = &g->ec[i];
        const Scene *sc = e->ending >= 0 && e->n ? report_scene_of(r, g, e->story, e->ending)
                                                 : NULL;
        if (sc && sc->lesson)
            h->ends[sec->n_endings++] = (HandoutEnding){
                .title = sc->title ? sc->title : sc->id,
                .share = report_share(e->n, (long)g->n), .lesson = sc->lesson};
    }
    sec->endings = h->ends;
}

static void held_free(Held *h)
{
    buf_free(&h->title);
    buf_free(&h->meta);
    for (size_t k = 0; k < HANDOUT_SPLITS; k++) {
        buf_free(&h->heads[k]);
        free(h->opts[k]);
    }
    free(h->stories);
    free(h->ends);
}

char *report_handout(Report *r)
{
    HandoutSection *secs = xcalloc(r->ng ? r->ng : 1, sizeof *secs);
    Held *held = xcalloc(r->ng ? r->ng : 1, sizeof *held);
    for (size_t i = 0; i < r->ng; i++)
        fill(r, &r->g[i], &secs[i], &held[i]);
    Buf title = {0}, b = {0};
    if (r->ng == 1)
        report_group_title(&title, r, &r->g[0]);
    else
        buf_puts(&title, "Workshop handout");
    handout_page(&b, buf_str(&title), secs, r->ng);
    for (size_t i = 0; i < r->ng; i++)
        held_free(&held[i]);
    free(held);
    free(secs);
    buf_free(&title);
    return buf_take(&b);
}
