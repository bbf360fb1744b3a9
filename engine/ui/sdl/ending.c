/* ending.c: what the window shows between chapters and at an ending (issue 16, item 12): the
 * chart of how each stat moved, as small multiples (one row per stat on its own scale: its
 * label and range, a line over the decisions with a tick at each one, and where it started and
 * ended, in the good or bad colour with the sign of the move), which doubles as the final
 * stats; and the chapter card at the start of a campaign's next chapter ("Chapter 2 of 4", its
 * title, and what the player carries into it). */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

/* Decision numbers worth a label under the chart: 1, the last, and every 5th (every 10th past
 * 40 decisions) when they do not crowd the last. */
static bool tick_labelled(size_t i, size_t n)
{
    size_t step = n > 40 ? 10 : 5;
    if (i == 1 || i == n)
        return true;
    return i % step == 0 && n - i >= step / 2;
}

/* The x of decision i of n (0: the start) in a box at x, w wide with pad px inside. */
static int tick_x(int x, int w, int pad, size_t i, size_t n)
{
    return x + pad + (int)((long long)(w - 2 * pad) * (long long)i / (long long)(n ? n : 1));
}

/* The role of the chart's and the card's secondary text: the small type, or the body's when
 * the small would be under 18 points (the review, item 12: at text size 20 the axis labels
 * and "You carry into it" were about 14 px high, too small to read at 1920x1080). */
static TextRole secondary_role(const Draw *d)
{
    return draw_role_px(d, ROLE_SMALL) < draw_px(d, 18) ? ROLE_BODY : ROLE_SMALL;
}

int app_ending_chart(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *scr = a->screen;
    const ScreenEnding *e = scr->ending;
    size_t n = scr->n_decisions;
    if (!e || n == 0)
        return 0;
    TextRole sr = secondary_role(d);
    int sh = draw_line_height(d, sr), gap = draw_px(d, 10), pad = draw_px(d, 6);
    int label_w = w * 34 / 100, value_w = w * 22 / 100;
    int box_x = x + label_w + gap, box_w = w - label_w - value_w - 2 * gap;
    int row_h = 2 * sh + draw_px(d, 4), y0 = y;
    for (size_t si = 0; si < e->n_series; si++) {
        const ScreenSeries *ss = &e->series[si];
        const ScreenStat *sd = &scr->stats[ss->stat];
        if (ss->n_values == 0 || sd->max <= sd->min)
            continue;
        int first = ss->values[0], last = ss->values[ss->n_values - 1];
        char *label = xasprintf("**%s**\n*%d to %d%s*", sd->label, sd->min, sd->max,
                                sd->good == GOOD_LOW ? ", lower is better" : "");
        int lh = draw_text(d, sr, label, x, y, label_w, t->text, render);
        free(label);
        int h = lh > row_h ? lh : row_h;
        if (render) {
            SDL_Rect box = {box_x, y, box_w, row_h};
            draw_fill(d, box, t->button);
            draw_frame(d, box, t->button_border, draw_px(d, 1));
            for (size_t i = 1; i <= n; i++) /* a tick at each decision */
                draw_fill(d, (SDL_Rect){tick_x(box_x, box_w, pad, i, n), y + row_h - draw_px(d, 5),
                                        draw_px(d, 1), draw_px(d, 4)},
                          t->button_border);
            SDL_SetRenderDrawColor(d->r, t->text.r, t->text.g, t->text.b, 255);
            int px0 = 0, py0 = 0;
            for (size_t i = 0; i <= n && i < ss->n_values; i++) {
                int xx = tick_x(box_x, box_w, pad, i, n);
                int yy = y + row_h - pad -
                         (int)((long long)(row_h - 2 * pad) * (ss->values[i] - sd->min) /
                               (sd->max - sd->min));
                if (i > 0)
                    for (int o = 0; o < draw_px(d, 2); o++) {
                        SDL_RenderDrawLine(d->r, px0, py0 + o, xx, yy + o);
                        SDL_RenderDrawLine(d->r, px0 + o, py0, xx + o, yy);
                    }
                px0 = xx;
                py0 = yy;
            }
            /* where it ended: the good or bad colour, and the sign in words' place */
            int moved = last - first;
            bool good = sd->good == GOOD_LOW ? moved < 0 : moved > 0;
            SDL_Color c = moved == 0 || sd->good == GOOD_NEUTRAL ? t->text
                          : good                                  ? t->good
                                                                  : t->bad;
            char *from = xasprintf("%d \u2192 **%d**", first, last);
            draw_text(d, sr, from, x + w - value_w, y, value_w, c, true);
            free(from);
            if (moved) {
                char *by = xasprintf("*(%+d)*", moved);
                draw_text(d, sr, by, x + w - value_w, y + sh, value_w, c, true);
                free(by);
            }
        }
        y += h + draw_px(d, 6);
    }
    /* the decisions axis under the rows */
    if (render) {
        draw_fill(d, (SDL_Rect){box_x, y, box_w, draw_px(d, 1)}, t->dim);
        for (size_t i = 1; i <= n; i++) {
            int xx = tick_x(box_x, box_w, pad, i, n);
            draw_fill(d, (SDL_Rect){xx, y, draw_px(d, 1), draw_px(d, 5)}, t->dim);
            if (!tick_labelled(i, n))
                continue;
            char num[24];
            snprintf(num, sizeof num, "%zu", i);
            int nw = draw_label(d, sr, STYLE_REGULAR, num, 0, 0, t->dim, false, NULL);
            draw_label(d, sr, STYLE_REGULAR, num, xx - nw / 2, y + draw_px(d, 6), t->dim,
                       true, NULL);
        }
        draw_label(d, sr, STYLE_ITALIC, "decision", x, y + draw_px(d, 6), t->dim, true,
                   NULL);
    }
    y += draw_px(d, 6) + sh;
    return y - y0;
}

int app_chapter_card(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    const ScreenCampaign *c = sc->campaign;
    if (!c || c->chapter < 2 || sc->n_decisions > 0)
        return 0;
    int pad = draw_px(d, 18), y0 = y, inner = w - 2 * pad;
    TextRole sr = secondary_role(d);
    char *head = xasprintf("*%s: chapter %zu of %zu*", c->title, c->chapter, c->chapters);
    char *title = xasprintf("**%s**", sc->title);
    char *carried = c->carried ? xasprintf("You carry into it: %s.", c->carried) : NULL;
    int h = pad + draw_text(d, ROLE_BODY, head, 0, 0, inner, t->dim, false) +
            draw_text(d, ROLE_HEADING, title, 0, 0, inner, t->text, false) +
            (carried ? draw_px(d, 8) + draw_text(d, sr, carried, 0, 0, inner, t->text,
                                                 false)
                     : 0) +
            pad;
    if (render) {
        SDL_Rect r = {x, y, w, h};
        draw_fill(d, r, t->panel);
        draw_fill(d, (SDL_Rect){x, y, draw_px(d, 4), h}, t->accent);
        int yy = y + pad;
        yy += draw_text(d, ROLE_BODY, head, x + pad, yy, inner, t->dim, true);
        yy += draw_text(d, ROLE_HEADING, title, x + pad, yy, inner, t->text, true);
        if (carried)
            draw_text(d, sr, carried, x + pad, yy + draw_px(d, 8), inner, t->text, true);
    }
    free(head);
    free(title);
    free(carried);
    return y + h - y0 + draw_px(d, 24);
}
