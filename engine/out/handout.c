/* handout.c: the participants' handout page (handout.h), from the sections its makers fill. */
#include "out/handout.h"

#include <string.h>

#include "assets_css.h"
#include "out/html.h"

void handout_pct(Buf *b, double s)
{
    if (s > 0 && s < 0.005)
        buf_puts(b, "&lt;1%");
    else
        buf_printf(b, "%.0f%%", s * 100);
}

static void decision(Buf *b, const HandoutDecision *d)
{
    buf_puts(b, "<div class=\"split\"><h3>");
    buf_puts(b, d->heading_html);
    buf_puts(b, "</h3>\n");
    if (d->ask) {
        buf_puts(b, "<p class=\"ask\">");
        html_markup(b, d->ask);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < d->n_options; i++) {
        const HandoutOption *o = &d->options[i];
        buf_puts(b, o->chosen ? "<li class=\"chosen\">" : "<li>");
        html_markup(b, o->text);
        if (o->share >= 0 || o->chosen) {
            buf_puts(b, " <span class=\"share\">");
            if (o->share >= 0) {
                handout_pct(b, o->share);
                buf_puts(b, " of the room");
            }
            buf_puts(b, o->chosen ? (o->share >= 0 ? ", the room's choice" : "the room's choice")
                                  : "");
            buf_puts(b, "</span>");
        }
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ul>\n");
    if (d->lesson) {
        buf_puts(b, "<p><b>Lesson.</b> ");
        html_markup(b, d->lesson);
        buf_puts(b, "</p>\n");
    }
    buf_puts(b, "</div>\n");
}

/* The lessons of the choices that follow the articles' advice, in the stories' order; at most
 * HANDOUT_ADVICE. */
static void advice(Buf *b, const HandoutSection *sec)
{
    if (sec->advice) { /* room mode: the decisions played, each with its advice */
        for (size_t i = 0; i < sec->n_advice; i++) {
            const HandoutAdvice *a = &sec->advice[i];
            if (!i)
                buf_puts(b, "<h2>What the articles advise</h2>\n<ul class=\"advice\">\n");
            buf_puts(b, "<li>");
            buf_puts(b, a->heading_html);
            buf_puts(b, a->otherwise ? " <span class=\"share\">the room chose otherwise</span>"
                                     : "");
            buf_puts(b, ": <b>");
            html_markup(b, a->text);
            buf_puts(b, "</b>");
            if (a->lesson) {
                buf_puts(b, " ");
                html_markup(b, a->lesson);
            }
            buf_puts(b, "</li>\n");
        }
        if (sec->n_advice)
            buf_puts(b, "</ul>\n");
        return;
    }
    size_t shown = 0;
    for (size_t c = 0; c < sec->n_stories && shown < HANDOUT_ADVICE; c++) {
        const Story *st = sec->stories[c];
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

static void section(Buf *b, const HandoutSection *sec)
{
    buf_puts(b, "<article class=\"handout\">\n<h1>");
    buf_puts(b, sec->title_html);
    buf_puts(b, "</h1>\n<p class=\"meta\">");
    buf_puts(b, sec->meta_html);
    buf_puts(b, "</p>\n");
    if (sec->premise) {
        buf_puts(b, "<p class=\"premise\">");
        html_markup(b, sec->premise);
        buf_puts(b, "</p>\n");
    }
    if (sec->n_decisions) {
        buf_puts(b, "<h2>");
        html_escape(b, sec->decisions_heading);
        buf_puts(b, "</h2>\n");
    }
    for (size_t i = 0; i < sec->n_decisions; i++)
        decision(b, &sec->decisions[i]);
    advice(b, sec);
    bool any = false;
    if (sec->stopped) { /* the room's road first */
        buf_puts(b, "<h2>Where the room ended</h2>\n<ul>\n<li>");
        html_escape(b, sec->stopped);
        buf_puts(b, "</li>\n");
        any = true;
    }
    for (size_t i = 0; i < sec->n_endings; i++) {
        const HandoutEnding *e = &sec->endings[i];
        bool again = false; /* two roads to the same ending: told once, the first's note */
        for (size_t j = 0; j < i && !again; j++)
            again = e->title && sec->endings[j].title &&
                    strcmp(e->title, sec->endings[j].title) == 0;
        if ((!e->lesson && !e->keep) || again)
            continue;
        if (!any)
            buf_puts(b, "<h2>Where the room ended</h2>\n<ul>\n");
        any = true;
        buf_puts(b, "<li><b>");
        html_markup(b, e->title);
        buf_puts(b, "</b>");
        if (e->share >= 0 || e->note) {
            buf_puts(b, " <span class=\"share\">");
            if (e->share >= 0)
                handout_pct(b, e->share);
            else
                html_escape(b, e->note);
            buf_puts(b, "</span>");
        }
        if (e->lesson) {
            buf_puts(b, " ");
            html_markup(b, e->lesson);
        }
        buf_puts(b, "</li>\n");
    }
    if (any)
        buf_puts(b, "</ul>\n");
    buf_puts(b, "</article>\n");
}

void handout_page(Buf *b, const char *title_html, const HandoutSection *secs, size_t n)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>");
    buf_puts(b, title_html);
    buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", assets_css_handout);
    for (size_t i = 0; i < n; i++)
        section(b, &secs[i]);
    buf_puts(b, "</body>\n</html>\n");
}
