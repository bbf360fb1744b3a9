/* handout.c: the participants' handout of `ladder report --handout FILE`: for each section, one
 * or two printed pages (A4 or Letter) to take home after the debrief. The story's premise, the
 * decisions that divided the room (its shares, the question, the lesson), what the articles
 * advise in the story's own words (the lessons of the choices that follow the advice), and the
 * endings the room reached with their lessons. Every text comes from the story (html_markup)
 * or is a count; nothing from a results file but ids looked up in the story. */
#include <stdlib.h>
#include <string.h>

#include "out/html.h"
#include "tools/report/report.h"

#define HANDOUT_SPLITS 4 /* decisions that divided the room, at most */
#define HANDOUT_ADVICE 6 /* pieces of advice, at most */

static const char HANDOUT_CSS[] =
    "body{margin:0 auto;max-width:46rem;padding:2rem 2.5rem;color:#1d2530;font:15px/1.5 "
    "Charter,'Bitstream Charter','DejaVu Serif',Georgia,serif}"
    "h1,h2,h3,.meta,.share{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',"
    "Arial,sans-serif}h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1rem;text-transform:"
    "uppercase;letter-spacing:.06em;border-bottom:2px solid #1d2530;margin:1.3rem 0 .5rem}"
    "h3{font-size:.95rem;margin:.8rem 0 .2rem}.meta{color:#5b6472;font-size:.85rem;margin:0}"
    ".premise{font-size:1.05rem;margin:.6rem 0}ul{margin:.2rem 0;padding-left:1.2rem}"
    ".share{font-size:.8rem;color:#5b6472;white-space:nowrap}.ask{font-style:italic}"
    "article.handout+article.handout{break-before:page;page-break-before:always;margin-top:3rem}"
    "@page{size:auto;margin:14mm 15mm}@media print{body{max-width:none;padding:0;font-size:"
    "9.5pt}h2{break-after:avoid}h3{break-after:avoid}li,.split{break-inside:avoid}}";

static void split(Buf *b, Report *r, const Group *g, const Point *pt)
{
    const Scene *sc = report_scene_of(r, g, pt->story, pt->scene);
    buf_puts(b, "<div class=\"split\"><h3>");
    size_t before = b->len;
    report_scene_excerpt(b, sc, 120);
    if (b->len == before) /* no literal text: the id as words ("deep_night": "Deep night") */
        for (const char *p = S(r, pt->scene); *p; p++)
            buf_putc(b, p == S(r, pt->scene) && *p >= 'a' && *p <= 'z' ? (char)(*p - 32)
                        : *p == '_' || *p == '-'                     ? ' '
                                                                     : *p);
    buf_puts(b, "</h3>\n");
    if (sc && sc->discuss) {
        buf_puts(b, "<p class=\"ask\">");
        html_markup(b, sc->discuss);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < pt->no; i++) {
        const Opt *o = &pt->o[i];
        int k = sc ? story_find_choice(sc, S(r, o->choice)) : -1;
        buf_puts(b, "<li>");
        if (k >= 0 && sc->choices[k].text.str)
            html_markup(b, sc->choices[k].text.str);
        else if (o->text >= 0)
            html_markup(b, S(r, o->text));
        else
            html_escape(b, S(r, o->choice));
        buf_puts(b, " <span class=\"share\">");
        report_pct(b, report_share(o->n, pt->n));
        buf_puts(b, " of the room</span></li>\n");
    }
    buf_puts(b, "</ul>\n");
    if (sc && sc->lesson) {
        buf_puts(b, "<p><b>Lesson.</b> ");
        html_markup(b, sc->lesson);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "</div>\n");
}

/* The lessons of the choices that follow the articles' advice, in the story's order (a
 * campaign: each chapter's); at most HANDOUT_ADVICE. */
static void advice(Buf *b, Report *r, const Group *g)
{
    const Story *root = g->root;
    size_t nst = root->n_chapters ? root->n_chapters : 1, shown = 0;
    for (size_t c = 0; c < nst && shown < HANDOUT_ADVICE; c++) {
        const Story *st =
            root->n_chapters ? report_story_of(r, g, report_intern(&r->s, root->chapters[c]))
                             : root;
        for (size_t i = 0; st && i < st->n_scenes && shown < HANDOUT_ADVICE; i++)
            for (size_t k = 0; k < st->scenes[i].n_choices && shown < HANDOUT_ADVICE; k++) {
                const Choice *ch = &st->scenes[i].choices[k];
                if (ch->advice != ADVICE_FOLLOWS || !ch->lesson || !ch->text.str)
                    continue; /* (a text made at play time has no words to print here) */
                if (!shown++)
                    buf_puts(b, "<h2>What the articles advise</h2>\n<ul>\n");
                buf_puts(b, "<li><b>");
                html_markup(b, ch->text.str);
                buf_puts(b, "</b> ");
                html_markup(b, ch->lesson);
                buf_puts(b, "</li>\n");
            }
    }
    if (shown)
        buf_puts(b, "</ul>\n");
}

static void section(Buf *b, Report *r, Group *g)
{
    buf_puts(b, "<article class=\"handout\">\n<h1>");
    report_group_title(b, r, g);
    buf_puts(b, "</h1>\n<p class=\"meta\">");
    if (*S(r, g->session)) {
        buf_puts(b, "Session ");
        html_escape(b, S(r, g->session));
        buf_puts(b, " &middot; ");
    }
    buf_printf(b, "%zu played</p>\n", g->n);
    if (g->root && g->root->summary) {
        buf_puts(b, "<p class=\"premise\">");
        html_markup(b, g->root->summary);
        buf_puts(b, "</p>\n");
    }
    report_rank_decisions(r, g);
    size_t shown = 0;
    for (size_t i = 0; i < g->npt && shown < HANDOUT_SPLITS; i++) {
        if (!g->pt[i].enough || g->pt[i].no < 2)
            continue;
        if (!shown++)
            buf_puts(b, "<h2>The decisions that divided the room</h2>\n");
        split(b, r, g, &g->pt[i]);
    }
    if (g->root)
        advice(b, r, g);
    bool any = false;
    for (size_t i = 0; i < g->nec; i++) {
        const EndCount *e = &g->ec[i];
        const Scene *sc = e->ending >= 0 && e->n ? report_scene_of(r, g, e->story, e->ending)
                                                 : NULL;
        if (!sc || !sc->lesson)
            continue;
        if (!any)
            buf_puts(b, "<h2>Where the room ended</h2>\n<ul>\n");
        any = true;
        buf_puts(b, "<li><b>");
        html_markup(b, sc->title ? sc->title : sc->id);
        buf_puts(b, "</b> <span class=\"share\">");
        report_pct(b, report_share(e->n, (long)g->n));
        buf_puts(b, "</span> ");
        html_markup(b, sc->lesson);
        buf_puts(b, "</li>\n");
    }
    if (any)
        buf_puts(b, "</ul>\n");
    buf_puts(b, "</article>\n");
}

char *report_handout(Report *r)
{
    Buf b = {0};
    buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<title>");
    if (r->ng == 1)
        report_group_title(&b, r, &r->g[0]);
    else
        buf_puts(&b, "Workshop handout");
    buf_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n", HANDOUT_CSS);
    for (size_t i = 0; i < r->ng; i++)
        section(&b, r, &r->g[i]);
    buf_puts(&b, "</body>\n</html>\n");
    return buf_take(&b);
}
