/* screens.c: the title screen (stories and actions) and the game screen (the stats beside or
 * above a scrolling story column: history, the scene, then choices or the ending's debrief). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

/* A padlock in colour c with its top left corner at x, y, h tall (about 3/4 as wide). */
static void padlock(Draw *d, int x, int y, int h, SDL_Color c)
{
    int w = h * 3 / 4, t = h / 8 > 1 ? h / 8 : 1, body = h * 5 / 9;
    draw_fill(d, (SDL_Rect){x, y + h - body, w, body}, c);
    int sx = x + w / 6, sw = w - 2 * (w / 6), sh = h - body;
    draw_fill(d, (SDL_Rect){sx, y, sw, t}, c);        /* the shackle: top, */
    draw_fill(d, (SDL_Rect){sx, y, t, sh}, c);        /* left */
    draw_fill(d, (SDL_Rect){sx + sw - t, y, t, sh}, c); /* and right */
}

/* A locked choice: not a button (nothing to click or focus) and unlike one in every theme, by
 * shape as well as colour (window review, item 10): a dashed frame, a padlock where the number
 * goes, the choice's text in the dim colour, and why it is locked ("Needs Business acumen
 * 60") at the body's size. Returns its height; draws only when render is true. */
static int locked_choice(App *a, int x, int y, int w, const ScreenChoice *c, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int pad = draw_px(d, 12), bw = draw_px(d, 34), tw = w - 2 * pad - bw;
    char *why = xasprintf("*%s*", c->requirement);
    int th = draw_text(d, ROLE_BODY, c->text.text, 0, 0, tw, t->dim, false);
    int rh = draw_text(d, ROLE_BODY, why, 0, 0, tw, t->dim, false);
    int h = th + rh + 2 * pad;
    if (render) {
        SDL_Rect r = {x, y, w, h};
        draw_fill(d, r, t->bg);
        draw_dashed_frame(d, r, t->dim, draw_px(d, 2));
        int lh = draw_px(d, a->set.text_size * 9 / 10);
        padlock(d, x + pad, y + pad + (draw_line_height(d, ROLE_BODY) - lh) / 2, lh, t->dim);
        draw_text(d, ROLE_BODY, c->text.text, x + pad + bw, y + pad, tw, t->dim, true);
        draw_text(d, ROLE_BODY, why, x + pad + bw, y + pad + th, tw, t->dim, true);
    }
    free(why);
    return h;
}

/* Earlier scene i of the chapter at x, y, w wide: its text, the choice taken with its reply and
 * what it changed, and a divider under it. Returns its height; draws only when render is true. */
static int history_item(App *a, size_t i, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const ScreenDecision *dc = &a->screen->decisions[i];
    int top = y, gap = draw_px(d, 18);
    y += draw_text(d, ROLE_BODY, app_history_text(a, i), x, y, w, t->dim, render) + gap / 2;
    char *pick = xasprintf("*\u2192 %s*", dc->text);
    y += draw_text(d, ROLE_BODY, pick, x + draw_px(d, 16), y, w - draw_px(d, 16), t->accent,
                   render);
    free(pick);
    if (dc->reply.text) /* the choice's reply, right after it */
        y += draw_text(d, ROLE_BODY, dc->reply.text, x + draw_px(d, 16), y, w - draw_px(d, 16),
                       t->text, render);
    const char *changes = a->set.show_numbers ? dc->changes : dc->changes_words;
    if (changes)
        y += draw_text(d, ROLE_SMALL, changes, x + draw_px(d, 16), y, w - draw_px(d, 16), t->dim,
                       render);
    y += gap;
    if (render)
        draw_fill(d, (SDL_Rect){x + w / 3, y, w / 3, draw_px(d, 1)}, t->button_border);
    return y + gap - top;
}

/* Lay out the earlier scenes around the view (issue 16, item 14): item k, at the view's top,
 * the view and a page below it, and a page above it; the others keep their estimates. */
static void measure_history(App *a, int w, size_t k)
{
    int page = a->column.h > 0 ? a->column.h : a->h;
    int span = 0;
    for (size_t i = k; i < a->n_hist && span < 2 * page; i++) {
        if (!a->hist[i].measured)
            app_history_measured(a, i, history_item(a, i, 0, 0, w, false));
        span += a->hist[i].h;
    }
    span = 0;
    for (size_t i = k; i > 0 && span < page; i--) {
        if (!a->hist[i - 1].measured)
            app_history_measured(a, i - 1, history_item(a, i - 1, 0, 0, w, false));
        span += a->hist[i - 1].h;
    }
}

/* The scroll after laying out the history around the view, so that what the player saw stays
 * where it was: the view's top (a->scroll, in the heights of the last frame) is kept as an
 * offset from the first scene in view that was laid out then (the scenes above it may grow or
 * shrink from their estimates), else from the scene at the top; past the history, as an
 * offset from its end. */
static int keep_view(App *a, int w)
{
    size_t k = app_history_at(a, a->scroll), j = k;
    int page = a->column.h > 0 ? a->column.h : a->h;
    while (j < a->n_hist && !a->hist[j].measured && app_history_top(a, j) < a->scroll + page)
        j++;
    if (j >= a->n_hist || !a->hist[j].measured || app_history_top(a, j) >= a->scroll + page)
        j = k; /* nothing in view was laid out: keep the scene at the top */
    int off = a->scroll - app_history_top(a, j);
    measure_history(a, w, k);
    return app_history_top(a, j) + off;
}

/* The story column: history, the current scene, then choices or the ending's debrief.
 * With render false it only measures (and sets current_top / content_h); the history's earlier
 * scenes count by their heights (history.c), and only those in view are drawn. */
static int story_column(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    int y0 = y, gap = draw_px(d, 18);
    if (render)
        a->hist_y0 = y0;
    if (render && a->n_hist) {
        int view = a->column.y, end = a->column.y + a->column.h;
        size_t i = app_history_at(a, view - y0);
        int top = y0 + app_history_top(a, i);
        for (; i < a->n_hist && top <= end; i++) {
            int h = history_item(a, i, x, top, w, true);
            app_history_measured(a, i, h);
            top += h;
        }
    }
    y += app_history_height(a);
    a->current_top = y - y0;
    y += app_chapter_card(a, x, y, w, render);
    if (a->status) {
        y += draw_text(d, ROLE_SMALL, a->status, x, y, w, t->accent, render) + gap / 2;
    }
    int scene_h = draw_text(d, ROLE_BODY, sc->text.text, x, y, w, t->text, render);
    if (render && sc->n_decisions > 0) /* what is new since the decision: a bar beside it */
        draw_fill(d, (SDL_Rect){x - draw_px(d, 14), y + draw_px(d, 4), draw_px(d, 3),
                                scene_h - draw_px(d, 8)},
                  t->accent);
    y += scene_h + gap;
    const ScreenEnding *e = sc->ending;
    if (!e && a->room)
        return y - y0 + app_room_choices(a, x, y, w, render);
    if (!e) {
        a->choices_top = y - y0;
        for (size_t i = 0; i < sc->n_available && i < 60; i++) {
            char badge[24];
            snprintf(badge, sizeof badge, "%zu", sc->choices[i].number);
            y += app_button(a, x, y, w, i < 9 ? badge : " ", sc->choices[i].text.text, ROLE_BODY,
                            A_CHOOSE, (int)i, render) +
                 draw_px(d, 10);
        }
        for (size_t i = sc->n_available; i < sc->n_choices && i < 60; i++)
            y += locked_choice(a, x, y, w, &sc->choices[i], render) + draw_px(d, 10);
        a->choices_end = y - y0;
        return y - y0;
    }
    /* the ending and its debrief */
    a->ending_top = y - y0;
    y += draw_px(d, 6);
    if (render)
        draw_fill(d, (SDL_Rect){x, y, w, draw_px(d, 2)}, t->accent);
    y += draw_px(d, 14);
    char *head = xasprintf("**The end: %s**", e->title);
    y += draw_text(d, ROLE_HEADING, head, x, y, w, t->text, render);
    free(head);
    /* "A bad ending, after 2 decisions." */
    /* and when a stat forced it: "Burnout has reached 100." */
    char *sub = xasprintf("*%c%s, after %zu decision%s.%s%s*",
                          toupper((unsigned char)e->verdict_text[0]), e->verdict_text + 1,
                          sc->n_decisions, sc->n_decisions == 1 ? "" : "s",
                          sc->forced_reason ? " " : "", sc->forced_reason ? sc->forced_reason : "");
    y += draw_text(d, ROLE_BODY, sub, x, y, w, t->dim, render) + gap;
    free(sub);
    if (sc->n_decisions > 0) {
        y += draw_text(d, ROLE_SMALL, "**How things moved**", x, y, w, t->text, render) +
             draw_px(d, 6);
        y += app_ending_chart(a, x, y, w, render) + gap;
    }
    if (sc->campaign && sc->campaign->n_career) { /* the last chapter: the whole career */
        y += draw_text(d, ROLE_SMALL, "**Your career**", x, y, w, t->text, render) +
             draw_px(d, 6);
        for (size_t i = 0; i < sc->campaign->n_career; i++) {
            const struct ScreenChapterEnd *ce = &sc->campaign->career[i];
            char *line = xasprintf("%zu. **%s:** %s (%s)", i + 1, ce->story_title,
                                   ce->ending_title, ce->verdict_text);
            y += draw_text(d, ROLE_BODY, line, x, y, w, t->text, render) + draw_px(d, 4);
            free(line);
        }
        y += gap;
    }
    bool any = false;
    for (size_t i = 0; i < sc->n_decisions; i++) {
        const ScreenDecision *dc = &sc->decisions[i];
        const char *lesson = dc->lesson;
        /* a player's recap: the run's pivotal decisions; a room's record: every one */
        if (a->room ? !lesson && !dc->advice_text : !dc->pivotal)
            continue;
        if (!any)
            y += draw_text(d, ROLE_SMALL, "**Looking back**", x, y, w, t->text, render) +
                 draw_px(d, 6);
        any = true;
        char *line = xasprintf("*%s: %s%s%s%s*", a->room ? "The room chose" : "You chose",
                               dc->text, dc->advice_text ? " (" : "",
                               dc->advice_text ? dc->advice_text : "", dc->advice_text ? ")" : "");
        y += draw_text(d, ROLE_BODY, line, x, y, w, t->dim, render) + draw_px(d, 4);
        free(line);
        const RoomTally *rt = dc->tally;
        if (rt && rt->counts) {
            Buf v = {0};
            buf_puts(&v, "Votes:");
            for (size_t k = 0; k < rt->n; k++)
                buf_printf(&v, "%s %d for %zu", k ? "," : "", rt->counts[k], k + 1);
            if (rt->tie)
                buf_puts(&v, " (a tie, broken by the facilitator)");
            y += draw_text(d, ROLE_SMALL, buf_str(&v), x + draw_px(d, 16), y, w - draw_px(d, 16),
                           t->dim, render) +
                 draw_px(d, 4);
            buf_free(&v);
        }
        if (lesson)
            y += draw_text(d, ROLE_BODY, lesson, x + draw_px(d, 16), y, w - draw_px(d, 16),
                           t->text, render);
        char *more[2] = {dc->advises ? xasprintf("**The advice:** %s", dc->advises) : NULL,
                         dc->not_taken && !a->room
                             ? xasprintf("**The road not taken:** \u201c%s\u201d", dc->not_taken)
                             : NULL};
        for (int k = 0; k < 2; k++) {
            if (!more[k])
                continue;
            y += draw_px(d, 4);
            y += draw_text(d, ROLE_BODY, more[k], x + draw_px(d, 16), y, w - draw_px(d, 16),
                           t->text, render);
            free(more[k]);
        }
        y += gap;
    }
    if (e->lesson)
        y += draw_text(d, ROLE_BODY, e->lesson, x, y, w, t->text, render) + gap;
    if (a->room) {
        if (sc->campaign && sc->campaign->next) { /* a campaign room goes on chapter by chapter */
            char *go = xasprintf("**Go on to chapter %zu of %zu**", sc->campaign->chapter + 1,
                                 sc->campaign->chapters);
            y += app_button(a, x, y, w, NULL, go, ROLE_BODY, A_NEXT, 0, render) +
                 draw_px(d, 10);
            free(go);
        }
        y += app_button(a, x, y, w, NULL, "Rewind to an earlier decision (R)", ROLE_BODY,
                        A_TIMELINE, 0, render) +
             draw_px(d, 10);
        y += app_button(a, x, y, w, NULL, "End the session", ROLE_BODY, A_END_ROOM, 0, render);
        return y - y0 + gap;
    }
    if (sc->campaign && sc->campaign->next) {
        char *go = xasprintf("**Go on to chapter %zu of %zu**", sc->campaign->chapter + 1,
                             sc->campaign->chapters);
        y += app_button(a, x, y, w, NULL, go, ROLE_BODY, A_NEXT, 0, render) + draw_px(d, 10);
        free(go);
    }
    { /* the endings gallery: how many were found, and a button to see them (E) */
        char *found = sc->endings_total
                          ? xasprintf("The endings: %zu of %zu found (E)", sc->endings_found,
                                      sc->endings_total)
                          : xstrdup("The story's endings (E)");
        y += app_button(a, x, y, w, NULL, found, ROLE_BODY, A_ENDINGS, 0, render) +
             draw_px(d, 10);
        free(found);
    }
    if (!(sc->campaign && sc->campaign->next))
        y += app_button(a, x, y, w, NULL, "**Play again**", ROLE_BODY, A_AGAIN, 0, render) +
             draw_px(d, 10);
    y += app_button(a, x, y, w, NULL, "Take back the last decision", ROLE_BODY, A_UNDO, 0, render) +
         draw_px(d, 10);
    y += app_button(a, x, y, w, NULL, "Back to the title screen", ROLE_BODY, A_TO_TITLE, 0, render);
    return y - y0 + gap;
}

/* The buttons from first on are the scrolling area view's: those scrolled out of it take no
 * click, and keep what they do for the keyboard (Button.off_action). */
static void scrolled_out(App *a, SDL_Rect view, int first)
{
    a->scroll_view = view;
    a->scroll_first = first;
    a->scroll_end = a->n_buttons;
    for (int i = first; i < a->n_buttons; i++) {
        SDL_Rect r = a->buttons[i].r, vis;
        if (!SDL_IntersectRect(&r, &view, &vis)) {
            a->buttons[i].off_action = a->buttons[i].action;
            a->buttons[i].action = A_NONE;
        }
    }
}

/* A story's button on the title screen: title, summary, and the endings found (malloc'd). */
static char *story_button_text(const CatalogEntry *e)
{
    if (e->endings_found)
        return xasprintf("**%s**\n%s\n*%zu of %zu endings found*", e->title, e->summary,
                         e->endings_found, e->endings);
    return xasprintf("**%s**\n%s", e->title, e->summary);
}

void app_game_screen(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    bool side = a->w >= draw_px(d, 900);
    int bar_h = draw_px(d, 52), margin = draw_px(d, 28);
    /* the side panel grows with the type, so that its labels and the room's clock fit */
    int panel_w = !side ? 0 : draw_px(d, a->set.text_size * 11 > 280 ? a->set.text_size * 11 : 280);
    int pane_x = 0, pane_y = bar_h, pane_w = a->w - panel_w, pane_h = a->h - bar_h;
    if (side) {
        draw_fill(d, (SDL_Rect){a->w - panel_w, bar_h, panel_w, a->h - bar_h}, t->panel);
        int sx = a->w - panel_w + draw_px(d, 22), sy = bar_h + draw_px(d, 20);
        int ch = app_room_clock(a, sx, sy, panel_w - draw_px(d, 44), true);
        if (ch)
            sy += ch + draw_px(d, 20);
        draw_label(d, ROLE_SMALL, STYLE_ITALIC, "Where you stand", sx, sy, t->dim, true, NULL);
        sy += draw_line_height(d, ROLE_SMALL) + draw_px(d, 12);
        app_stats_scrolling(a, (SDL_Rect){a->w - panel_w, sy, panel_w, a->h - sy},
                            draw_px(d, 22));
    } else { /* narrow: stats in columns under the bar (stats.c) */
        int strip = app_stats_strip(a, bar_h);
        pane_y = bar_h + strip;
        pane_h = a->h - pane_y;
    }
    int col_w = pane_w - 2 * margin;
    if (col_w > draw_px(d, 34 * a->set.text_size))
        col_w = draw_px(d, 34 * a->set.text_size); /* about 70 characters a line */
    int col_x = pane_x + (pane_w - col_w) / 2;
    a->column = (SDL_Rect){col_x, pane_y, col_w, pane_h};
    /* the earlier scenes around the view's top laid out, the view kept on it (history.c);
     * measure, place the scroll, then draw */
    app_history_sync(a, col_w);
    if (a->scroll_to_current) {
        measure_history(a, col_w, a->n_hist);
    } else if (a->anchored && !a->anchor_bottom && a->anchor_block < a->n_hist) {
        /* a new text or window size: the same place in the scene at the top (app_anchor_view) */
        size_t k = a->anchor_block;
        a->anchored = false;
        measure_history(a, col_w, k);
        a->scroll = app_history_top(a, k) + (int)(a->anchor_frac * (double)a->hist[k].h);
    } else {
        a->scroll = keep_view(a, col_w);
    }
    int saved = a->n_buttons;
    a->choices_top = a->choices_end = a->ending_top = -1;
    a->content_h = story_column(a, col_x, 0, col_w, false) + margin * 2;
    a->n_buttons = saved;
    a->pane_h = pane_h;
    app_apply_anchor(a);
    if (a->scroll_to_current) {
        a->scroll = a->current_top;
        a->scroll_to_current = false;
    }
    int max_scroll = a->content_h - pane_h;
    if (a->scroll > max_scroll)
        a->scroll = max_scroll;
    if (a->scroll < 0)
        a->scroll = 0;
    SDL_Rect clip = {pane_x, pane_y, pane_w, pane_h};
    SDL_RenderSetClipRect(d->r, &clip);
    int first = a->n_buttons;
    story_column(a, col_x, pane_y + margin - a->scroll, col_w, true);
    scrolled_out(a, clip, first);
    app_pane_scrollbar(a, clip, max_scroll);
    if (a->choices_top >= 0 && !a->room)
        app_choices_cue(a, clip, pane_y + margin - a->scroll + a->choices_top, sc->n_available);
    if (a->ending_top >= 0)
        app_ending_cue(a, clip, pane_y + margin - a->scroll + a->ending_top);
    SDL_RenderSetClipRect(d->r, NULL);
    /* the top bar last, so that its Menu button comes after the choices in the focus order */
    char *title = sc->campaign ? xasprintf("%s \u2014 %s", sc->campaign->title, sc->title)
                               : xstrdup(sc->title);
    app_top_bar(a, title, sc->chapter, !side);
    free(title);
}

void app_title_screen(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int col_w = a->w - 2 * draw_px(d, 32);
    if (col_w > draw_px(d, 760))
        col_w = draw_px(d, 760);
    /* a short window (under 24 lines of body text: 800x600 at size 30) keeps its height for
     * the stories: a smaller title and no tagline (window review, item 9) */
    bool short_window = a->h < draw_px(d, a->set.text_size * 24);
    int x = (a->w - col_w) / 2, y = draw_px(d, short_window ? 12 : 32);
    int th;
    draw_label(d, short_window ? ROLE_HEADING : ROLE_TITLE, STYLE_BOLD, "Ladder", x, y, t->text,
               true, &th);
    y += th + (short_window ? draw_px(d, 8) : 0);
    if (!short_window)
        y += draw_text(d, ROLE_BODY,
                       "*Career stories about IT leaders: the choices, and what they cost.*", x,
                       y, col_w, t->dim, true) +
             draw_px(d, 18);
    /* the actions first, so they stay in view however many stories there are */
    int n = 3, gap = draw_px(d, 10);
    int bw = (col_w - gap * (n - 1)) / n, bx = x, bh = 0, h;
    if (a->can_continue) { /* the main action: a row of its own, so the others stay even */
        char *c = xasprintf("**Continue:** %s", a->cont_title);
        y += app_button(a, x, y, col_w, NULL, c, ROLE_BODY, A_CONTINUE, 0, true) + gap;
        free(c);
    }
    h = app_button(a, bx, y, bw, NULL, "Load a game", ROLE_BODY, A_LOAD_MENU, 0, true);
    bh = h > bh ? h : bh;
    bx += bw + gap;
    app_button(a, bx, y, bw, NULL, "Settings", ROLE_BODY, A_SETTINGS, 0, true);
    bx += bw + gap;
    /* the last takes what the division left, so the row ends with the cards' edge */
    app_button(a, bx, y, x + col_w - bx, NULL, "Quit", ROLE_BODY, A_QUIT, 0, true);
    y += bh + draw_px(d, short_window ? 12 : 18);
    if (a->status)
        y += draw_text(d, ROLE_SMALL, a->status, x, y, col_w, t->accent, true) + draw_px(d, 10);
    /* the stories, scrolling under the actions when they do not fit */
    int top = y, list_h = 0;
    for (size_t i = 0; i < a->cat->n; i++) {
        char *text = story_button_text(&a->cat->v[i]);
        list_h += app_button(a, x, 0, col_w, "1", text, ROLE_BODY, A_STORY, (int)i, false) +
                  draw_px(d, 8);
        free(text);
    }
    a->pane_h = a->h - top;
    a->content_h = list_h + draw_px(d, 16);
    int max_scroll = a->content_h - a->pane_h;
    if (a->scroll > max_scroll)
        a->scroll = max_scroll;
    if (a->scroll < 0)
        a->scroll = 0;
    SDL_Rect clip = {0, top, a->w, a->h - top};
    SDL_RenderSetClipRect(d->r, &clip);
    int first = a->n_buttons;
    y = top - a->scroll;
    for (size_t i = 0; i < a->cat->n; i++) {
        char badge[24];
        snprintf(badge, sizeof badge, "%zu", i + 1);
        char *text = story_button_text(&a->cat->v[i]);
        y += app_button(a, x, y, col_w, i < 9 ? badge : " ", text, ROLE_BODY, A_STORY, (int)i,
                        true) +
             draw_px(d, 8);
        free(text);
    }
    scrolled_out(a, clip, first);
    if (a->cat->n == 0)
        draw_text(d, ROLE_BODY, "No stories were found.", x, y, col_w, t->bad, true);
    if (max_scroll > 0) {
        int ph = a->h - top, th2 = ph * ph / a->content_h;
        int ty = top + (ph - th2) * a->scroll / max_scroll;
        draw_fill(d, (SDL_Rect){a->w - draw_px(d, 8), ty, draw_px(d, 4), th2}, t->button_border);
    }
    SDL_RenderSetClipRect(d->r, NULL);
}
